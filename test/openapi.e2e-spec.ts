import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { hasRole, ROLES } from '../src/domain/api-key';
import { controllerRoutes, servedRoutes } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

const ADMIN_KEY = 'openapi-admin-key-0123456789ab';

/** Express `:id` → OpenAPI `{id}`; an escaped colon (`modems\:import`) is a literal one. */
function openApiPath(expressPath: string): string {
  return expressPath.replace(/(?<!\\):(\w+)/g, '{$1}').replace(/\\:/g, ':');
}

function hasExample(media: { example?: unknown; examples?: Record<string, unknown> }): boolean {
  return media.example !== undefined || Object.keys(media.examples ?? {}).length > 0;
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(refsIn);
  }
  if (typeof value === 'object' && value != null) {
    return Object.entries(value).flatMap(([k, v]) =>
      k === '$ref' && typeof v === 'string' ? [v] : refsIn(v),
    );
  }
  return [];
}

describe('OpenAPI description', () => {
  let t: TestApp;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    t = await startTestApp('memory', { API_KEYS: `root:admin:${ADMIN_KEY}`, SIMULATOR_MODEMS: '4' });
    const res = await t
      .http()
      .get('/docs-json')
      .expect(200)
      .expect('content-type', /application\/json/);
    doc = res.body as OpenAPIObject;
  });
  afterAll(() => t.close());

  it('serves /docs and /docs-json without a key, while API routes still demand one', async () => {
    const ui = await t
      .http()
      .get('/docs')
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(ui.text).toMatch(/swagger-ui/i);
    await t.http().get('/docs/swagger-ui-init.js').expect(200);
    await t.http().get('/api/v1/modems').expect(401);
    await t.http().get('/api/v1/modems').set('X-API-Key', ADMIN_KEY).expect(200);

    expect(doc.info).toEqual(expect.objectContaining({ title: 'Linecheck', version: '0.1.0' }));
    expect(doc.info.description).toMatch(/LINE_FAULT/);
    expect(doc.components?.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
    });
  });

  it('describes every route the app serves, with the access its guards enforce', () => {
    // Served outside Nest's controllers: the API description itself, and the NOC page's static files.
    const served = servedRoutes(t).filter((r) => !/^\w+ \/(docs|dashboard)\b/.test(r));
    const controllers = controllerRoutes(t);
    // The two walks must agree, or one of them is missing routes.
    expect([...controllers.keys()].sort()).toEqual([...served].sort());
    expect(served).toContain('post /api/v1/modems\\:import');

    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => ['get', 'put', 'post', 'delete', 'patch'].includes(k))
        .map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(served.map((r) => openApiPath(r)).sort());
    expect(doc.paths['/api/v1/modems:import']?.post).toBeDefined();
    // Every operation can succeed, but the two stateless MCP ones that are always 405 (redocly.yaml turns
    // operation-2xx-response off for them).
    const without2xx = Object.entries(doc.paths).flatMap(([path, item]) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const)
        .filter((m) => item[m] && !Object.keys(item[m].responses).some((s) => s.startsWith('2')))
        .map((m) => `${m} ${path}`),
    );
    expect(without2xx.sort()).toEqual(['delete /mcp', 'get /mcp']);
    // Public operations say so (security: []); servers is set.
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.servers?.length).toBeGreaterThan(0);

    const problems: string[] = [];
    for (const route of served) {
      const [method, expressPath] = route.split(' ');
      const facts = controllers.get(route)!;
      const op = doc.paths[openApiPath(expressPath)][method as 'get'] as OperationObject;
      const problem = (what: string): number =>
        problems.push(`${method.toUpperCase()} ${expressPath}: ${what}`);
      const statuses = Object.keys(op.responses);

      if (!op.summary?.trim()) {
        problem('no summary');
      }
      if (op.tags?.length !== 1) {
        problem(`tags ${JSON.stringify(op.tags)}`);
      }
      if (facts.fixedStatus != null && facts.fixedStatus >= 400) {
        // GET and DELETE /mcp answer 405 whatever is sent: that is their only response.
        if (!statuses.includes(String(facts.fixedStatus))) {
          problem(`its fixed status ${facts.fixedStatus} is not documented`);
        }
      } else if (!statuses.some((s) => /^2\d\d$/.test(s))) {
        problem('no 2xx response');
      }

      if (facts.isPublic) {
        if (statuses.includes('401') || statuses.includes('403') || (op.security ?? []).length > 0) {
          problem('public, but documented as needing a key');
        }
      } else {
        for (const status of ['401', '429']) {
          if (!statuses.includes(status)) {
            problem(`no ${status}`);
          }
        }
        if (JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }, { apiKey: [] }])) {
          problem(`security ${JSON.stringify(op.security)}`);
        }
        const rolesLine = /\*\*Roles:\*\*([^\n]*)/.exec(op.description ?? '')?.[1] ?? '';
        const missingRoles = facts.roles.filter((r) => !new RegExp(`\\b${r}\\b`).test(rolesLine));
        if (missingRoles.length > 0) {
          problem(`description does not name the roles ${missingRoles.join(', ')}`);
        }
        // Every key holds a role, so only routes closed to some role (or needing a line token) can answer 403.
        const canRefuse =
          ROLES.some((r) => !hasRole({ keyId: 'k', name: 'n', roles: [r] }, facts.roles)) ||
          facts.needsLineToken;
        if (statuses.includes('403') !== canRefuse) {
          problem(canRefuse ? 'no 403' : 'a 403 no key can get');
        }
      }

      const lineTokenHeader = (op.parameters ?? []).some((p) => 'in' in p && p.name === 'X-Line-Token');
      if (lineTokenHeader !== facts.needsLineToken) {
        problem(`X-Line-Token header ${lineTokenHeader ? 'documented but not checked' : 'missing'}`);
      }

      for (const [status, response] of Object.entries(op.responses) as [string, ResponseObject][]) {
        if (!response.description?.trim()) {
          problem(`${status} has no description`);
        }
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!media.schema || !hasExample(media)) {
            problem(`${status} ${type} lacks a schema or an example`);
          }
        }
      }
      if (op.requestBody) {
        const content = Object.entries((op.requestBody as { content: Record<string, object> }).content);
        if (content.length === 0) {
          problem('empty request body');
        }
        for (const [type, media] of content) {
          if (!hasExample(media)) {
            problem(`request body ${type} has no example`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents the line endpoints, the special bodies and the error shapes', () => {
    const diagnosis = doc.paths['/api/v1/modems/{id}/diagnosis'].get!;
    expect(Object.keys(diagnosis.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '429', '503']),
    );
    const reboot = doc.paths['/api/v1/modems/{id}/reboot'].post!;
    expect(Object.keys(reboot.responses)).toEqual(expect.arrayContaining(['202', '404', '409', '422']));
    const discover = doc.paths['/api/v1/cmts/{id}/discover'].post!;
    expect(Object.keys(discover.responses)).toContain('502');
    const verify = doc.paths['/api/v1/lines/verify'].post!;
    const lockout = (verify.responses['429'] as ResponseObject).content!['application/json'];
    expect(JSON.stringify(lockout.examples)).toMatch(/retryAfterSec/);

    const importBody = doc.paths['/api/v1/modems:import'].post!.requestBody as {
      content: Record<string, object>;
    };
    expect(Object.keys(importBody.content)).toEqual(
      expect.arrayContaining(['text/csv', 'application/x-ndjson']),
    );
    const metrics = doc.paths['/metrics'].get!.responses['200'] as ResponseObject;
    expect(Object.keys(metrics.content!)[0]).toMatch(/^text\/plain/);

    const schemas = doc.components!.schemas as Record<
      string,
      { properties?: Record<string, unknown>; enum?: unknown[] }
    >;
    expect(schemas.ValidationErrorResponse.properties).toHaveProperty('fields');
    expect(schemas.Verdict.enum).toContain('LINE_FAULT');
    const dangling = [...new Set(refsIn(doc))].filter(
      (ref) => !(ref.replace('#/components/schemas/', '') in schemas),
    );
    expect(dangling).toEqual([]);
  });
});
