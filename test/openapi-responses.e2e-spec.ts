import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import type { Response } from 'supertest';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// Real responses checked against the OpenAPI document the service serves, with Ajv (the JSON Schema validator
// most of the ecosystem builds on) over the document's own schema objects, made strict: OpenAPI 3.0's
// `nullable` becomes a null alternative, and every object schema with properties refuses properties it does not
// declare. Every operation of the document is called at least once, and every schema a 2xx answer refers to is
// checked against a real body. A status the operation does not document is a failure too.

const KEY = {
  admin: 'resp-admin-0123456789abcdefghijklmnopq',
  noc: 'resp-noc-0123456789abcdefghijklmnopqrs',
  agent: 'resp-agent-0123456789abcdefghijklmnopq',
};
const METHODS = ['get', 'put', 'post', 'delete'] as const;
type Method = (typeof METHODS)[number];

/** An OpenAPI 3.0 schema object as strict JSON Schema (draft 7): nullable made explicit, no extra properties. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  if (typeof schema !== 'object' || schema == null) {
    return schema;
  }
  const { nullable, example: _example, ...rest } = schema as Record<string, unknown>;
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [k, strict(v)]),
  );
  if (out.properties && out.additionalProperties === undefined && !out.allOf) {
    out.additionalProperties = false;
  }
  if (nullable === true) {
    if (Array.isArray(out.enum)) {
      out.enum = out.enum.includes(null) ? out.enum : [...(out.enum as unknown[]), null];
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

describe('responses match the OpenAPI document (Ajv, strict)', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let ajv: Ajv;
  const validators = new Map<string, ValidateFunction>();
  const called = new Set<string>();
  const schemasSeen = new Set<string>();
  const problems: string[] = [];
  let checked = 0;

  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `resp-admin:admin:${KEY.admin},resp-noc:noc:${KEY.noc},resp-agent:agent:${KEY.agent}`,
      SIMULATOR_MODEMS: '12',
      SIMULATOR_V3_SHARE: '0',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=2,DS_SNR_FAULT=1',
      // DOCSIS 3.1 modems: a full poll's PNM summaries, read and not ready.
      SIMULATOR_MODEM_SHAPES: 'sim-cm-00002=3.1,sim-cm-00003=3.1+PNM_NOT_READY',
      EVENTS_MAX_STREAMS_PER_KEY: '1',
      REBOOT_POLL_INTERVAL_MS: '200',
      REBOOT_TIMEOUT_SEC: '20',
      REBOOT_COOLDOWN_SEC: '0',
    });
    doc = (await t.http().get('/docs-json').expect(200)).body as OpenAPIObject;
    ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: strict(doc.components) }, 'openapi');
  });
  afterAll(async () => {
    await t?.close();
    console.log(
      `response validation: ${checked} responses over ${called.size} operations, ${schemasSeen.size} response schemas`,
    );
  });

  function operation(method: Method, path: string): OperationObject {
    const op = doc.paths[path]?.[method];
    if (!op) {
      throw new Error(`${method} ${path} is not in the document`);
    }
    return op;
  }

  /** Checks one real response against its operation: documented status, and the JSON body against the schema. */
  function check(
    method: Method,
    path: string,
    res: { status: number; body: unknown; headers: object },
  ): void {
    const where = `${method.toUpperCase()} ${path} → ${res.status}`;
    called.add(`${method} ${path}`);
    checked++;
    const response = operation(method, path).responses[res.status] as ResponseObject | undefined;
    if (!response) {
      problems.push(`${where}: status not documented`);
      return;
    }
    const media = response.content?.['application/json'];
    if (
      !media?.schema ||
      !String((res.headers as Record<string, unknown>)['content-type']).startsWith('application/json')
    ) {
      return;
    }
    const key = `${method} ${path} ${res.status}`;
    let validate = validators.get(key);
    if (!validate) {
      const schema = JSON.parse(
        JSON.stringify(strict(media.schema)).replace(/"#\/components\//g, '"openapi#/components/'),
      ) as object;
      validate = ajv.compile(schema);
      validators.set(key, validate);
    }
    const ref = (media.schema as { $ref?: string; items?: { $ref?: string } }).$ref;
    if (ref && res.status < 300) {
      schemasSeen.add(ref);
    }
    if (!validate(res.body)) {
      problems.push(`${where}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
    }
  }

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });

  async function call(
    method: Method,
    path: string,
    concrete: string,
    body?: unknown,
    key = KEY.admin,
    textType = 'text/csv',
  ): Promise<Response> {
    let req = t.http()[method](concrete).set(as(key));
    if (body !== undefined) {
      req =
        typeof body === 'string' ? req.set('Content-Type', textType).send(body) : req.send(body as object);
    }
    const res = await req;
    check(method, path, res);
    return res;
  }

  it('answers every operation as documented', async () => {
    await call('get', '/health', '/health');
    await call('get', '/api/v1/thresholds', '/api/v1/thresholds');
    await call('get', '/api/v1/fleet/summary', '/api/v1/fleet/summary');
    const metrics = await t.http().get('/metrics').set(as(KEY.admin));
    check('get', '/metrics', metrics);

    // Modems: inventory, the five line views (pre-equalisation also before any reading), errors.
    const body = { host: '10.9.9.9', snmp: { version: '2c', community: 'public' } };
    await call('put', '/api/v1/modems/{id}', '/api/v1/modems/resp-1', body);
    await call('put', '/api/v1/modems/{id}', '/api/v1/modems/resp-1', body);
    await call('get', '/api/v1/modems/{id}', '/api/v1/modems/resp-1');
    await call('get', '/api/v1/modems', '/api/v1/modems?limit=5');
    await call('get', '/api/v1/modems/{id}/telemetry', '/api/v1/modems/sim-cm-00002/telemetry');
    // One line with an echo, so that a location and the pre-equalisation's echo are validated too.
    await call(
      'put',
      '/api/v1/simulator/modems/{id}/scenario',
      '/api/v1/simulator/modems/sim-cm-00003/scenario',
      { scenario: 'US_ECHO_DROP' },
    );
    // PNM findings in ns and dB/MHz, and a location resting on them.
    await call(
      'put',
      '/api/v1/simulator/modems/{id}/scenario',
      '/api/v1/simulator/modems/sim-cm-00002/scenario',
      { scenario: 'OFDM_POWER_MARGINAL' },
    );
    for (const id of ['sim-cm-00001', 'sim-cm-00002', 'sim-cm-00003']) {
      await call('get', '/api/v1/modems/{id}/diagnosis', `/api/v1/modems/${id}/diagnosis`);
      await call('get', '/api/v1/modems/{id}/telemetry', `/api/v1/modems/${id}/telemetry`);
      await call('get', '/api/v1/modems/{id}/timeline', `/api/v1/modems/${id}/timeline`);
      await call('get', '/api/v1/modems/{id}/history', `/api/v1/modems/${id}/history`);
      await call('get', '/api/v1/modems/{id}/pre-equalisation', `/api/v1/modems/${id}/pre-equalisation`);
    }
    await call('get', '/api/v1/modems/{id}/pre-equalisation', '/api/v1/modems/sim-cm-00012/pre-equalisation');
    await call('get', '/api/v1/modems/{id}/diagnosis', '/api/v1/modems/resp-none/diagnosis');
    await call('get', '/api/v1/modems/{id}', '/api/v1/modems/bad%20id!');
    await call('put', '/api/v1/modems/{id}', '/api/v1/modems/resp-2', { host: 'not a host', snmp: {} });
    await call('put', '/api/v1/modems/{id}', '/api/v1/modems/resp-2', body, KEY.noc);
    await call('get', '/api/v1/modems', '/api/v1/modems', undefined, 'resp-wrong-0123456789abcdefghijklmn');
    await call('delete', '/api/v1/modems/{id}', '/api/v1/modems/resp-1');
    await call(
      'post',
      '/api/v1/modems:import',
      '/api/v1/modems:import',
      'id,host,community,mac\nresp-3,10.9.9.10,public,00:1d:cd:00:00:03\nresp-4,10.9.9.11,public,bad-mac\n',
    );

    // Field visits (sim-cm-00003's diagnosis above sent them) and the outcome KPIs.
    const visits = '/api/v1/modems/{id}/visits';
    const visit = {
      externalId: 'resp-FS-1',
      visitedAt: new Date().toISOString(),
      found: 'DROP',
      technician: 'resp',
    };
    expect((await call('post', visits, '/api/v1/modems/sim-cm-00003/visits', visit)).status).toBe(201);
    expect((await call('post', visits, '/api/v1/modems/sim-cm-00003/visits', visit)).status).toBe(200);
    const clash = { ...visit, found: 'PLANT' };
    expect((await call('post', visits, '/api/v1/modems/sim-cm-00003/visits', clash)).status).toBe(409);
    const broken = { visitedAt: visit.visitedAt, found: 'BROKEN' };
    expect((await call('post', visits, '/api/v1/modems/sim-cm-00003/visits', broken)).status).toBe(400);
    expect(
      (await call('post', visits, '/api/v1/modems/resp-none/visits', { ...broken, found: 'DROP' })).status,
    ).toBe(404);
    await call('get', visits, '/api/v1/modems/sim-cm-00003/visits');
    const visitCsv = `modemId,externalId,visitedAt,found,fixed,technician,diagnosisAt\n`;
    const imported = await call(
      'post',
      '/api/v1/visits/import',
      '/api/v1/visits/import',
      `${visitCsv}sim-cm-00003,resp-FS-2,${visit.visitedAt},NO_FAULT_FOUND,,,\n`,
    );
    expect(imported.status).toBe(200);
    const refused = await call(
      'post',
      '/api/v1/visits/import',
      '/api/v1/visits/import',
      `${visitCsv}sim-cm-00003,resp-FS-3,${visit.visitedAt},BROKEN,,,\n`,
    );
    expect(refused.status).toBe(400);
    const conflicting = await call(
      'post',
      '/api/v1/visits/import',
      '/api/v1/visits/import',
      `${visitCsv}sim-cm-00003,resp-FS-2,${visit.visitedAt},DROP,,,\n`,
    );
    expect(conflicting.status).toBe(409);
    const kpis = await call('get', '/api/v1/kpis', '/api/v1/kpis', undefined, KEY.noc);
    expect(kpis.body.visits).toBe(2);
    await call('get', '/api/v1/kpis', '/api/v1/kpis?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z');
    const report = await call(
      'get',
      '/api/v1/kpis/thresholds',
      '/api/v1/kpis/thresholds',
      undefined,
      KEY.noc,
    );
    expect(report.body.noFaultVisits).toBe(1);
    await call('get', '/api/v1/kpis/thresholds', '/api/v1/kpis/thresholds?from=soon');

    // A captured walk, replayed.
    const capture =
      '.1.3.6.1.2.1.1.1.0 = STRING: "replayed"\n.1.3.6.1.2.1.1.3.0 = Timeticks: (100) 0:00:01.00\n';
    const replays = '/api/v1/simulator/replays';
    await call('post', replays, replays, capture, KEY.admin, 'text/plain');
    await call('post', replays, replays, 'not a capture', KEY.admin, 'text/plain');

    // CMTSes and nodes.
    const cmtses = await call('get', '/api/v1/cmts', '/api/v1/cmts');
    const cmtsId = (cmtses.body as { items: { id: string }[] }).items[0].id;
    await call('get', '/api/v1/cmts/{id}', `/api/v1/cmts/${cmtsId}`);
    await call('post', '/api/v1/cmts/{id}/discover', `/api/v1/cmts/${cmtsId}/discover`);
    const cmtsBody = { host: '10.0.0.1', snmp: { version: '2c', community: 'cmts-read' }, setPointDbmv: 0 };
    await call('put', '/api/v1/cmts/{id}', '/api/v1/cmts/resp-cmts', cmtsBody);
    await call('put', '/api/v1/cmts/{id}', '/api/v1/cmts/resp-cmts', cmtsBody);
    await call('delete', '/api/v1/cmts/{id}', '/api/v1/cmts/resp-cmts');
    const nodes = await call('get', '/api/v1/nodes', '/api/v1/nodes');
    const node = (nodes.body as { items: { cmtsId: string; serviceGroupId: string }[] }).items[0];
    await call(
      'get',
      '/api/v1/nodes/{cmtsId}/{serviceGroupId}',
      `/api/v1/nodes/${node.cmtsId}/${node.serviceGroupId}`,
    );

    // Sweeps.
    const sweep = await call('post', '/api/v1/sweeps', '/api/v1/sweeps', { scope: { kind: 'all' } });
    await call('post', '/api/v1/sweeps', '/api/v1/sweeps', { scope: { kind: 'nope' } });
    await eventually(
      async () => {
        const state = await call('get', '/api/v1/sweeps/{id}', `/api/v1/sweeps/${sweep.body.id}`);
        expect(state.body.status).toBe('finished');
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await call('get', '/api/v1/sweeps', '/api/v1/sweeps');

    // The calling key, then lines, reboot and its action (outcome null while it runs, then the diagnosis).
    await call('get', '/api/v1/me', '/api/v1/me', undefined, KEY.agent);
    await call('get', '/api/v1/me', '/api/v1/me');
    await call(
      'post',
      '/api/v1/lines/verify',
      '/api/v1/lines/verify',
      { customerNumber: 'c-1000001', fullName: 'jan  iksinski' },
      KEY.agent,
    );
    await call(
      'post',
      '/api/v1/lines/verify',
      '/api/v1/lines/verify',
      { customerNumber: 'C1000001', fullName: 'Someone Else' },
      KEY.agent,
    );
    const reboot = await call('post', '/api/v1/modems/{id}/reboot', '/api/v1/modems/sim-cm-00001/reboot', {
      reason: 'resp: customer consents',
    });
    expect(reboot.status).toBe(202);
    expect(reboot.body.outcome).toBeNull();
    const action = await eventually(
      async () => {
        const got = await call('get', '/api/v1/actions/{id}', `/api/v1/actions/${reboot.body.id}`);
        expect(['done', 'failed']).toContain(got.body.state);
        return got;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(action.body.outcome).not.toBeNull();

    // Admin.
    const made = await call('post', '/api/v1/admin/keys', '/api/v1/admin/keys', {
      name: 'resp-desk',
      roles: ['agent'],
    });
    await call('get', '/api/v1/admin/keys', '/api/v1/admin/keys');
    await call('get', '/api/v1/admin/keys', '/api/v1/admin/keys', undefined, KEY.noc);
    await call('delete', '/api/v1/admin/keys/{id}', `/api/v1/admin/keys/${made.body.record.id}`);
    await call('get', '/api/v1/audit', '/api/v1/audit?limit=20');

    // Simulator.
    await call('get', '/api/v1/simulator/scenarios', '/api/v1/simulator/scenarios');
    await call('get', '/api/v1/simulator/stats', '/api/v1/simulator/stats');
    await call('get', '/api/v1/simulator/modems', '/api/v1/simulator/modems?limit=5');
    await call('get', '/api/v1/simulator/modems/{id}', '/api/v1/simulator/modems/sim-cm-00004');
    await call(
      'put',
      '/api/v1/simulator/modems/{id}/scenario',
      '/api/v1/simulator/modems/sim-cm-00004/scenario',
      { scenario: 'T3_T4_FAULT' },
    );
    await call(
      'put',
      '/api/v1/simulator/modems/{id}/latency',
      '/api/v1/simulator/modems/sim-cm-00004/latency',
      {
        responseDelayMs: 0,
      },
    );
    const simNodes = await call('get', '/api/v1/simulator/nodes', '/api/v1/simulator/nodes');
    const simNode = simNodes.body as
      { cmtsId: string; serviceGroupId: string }[] | { items: { cmtsId: string; serviceGroupId: string }[] };
    const first = Array.isArray(simNode) ? simNode[0] : simNode.items[0];
    await call(
      'put',
      '/api/v1/simulator/nodes/{cmtsId}/{serviceGroupId}/scenario',
      `/api/v1/simulator/nodes/${first.cmtsId}/${first.serviceGroupId}/scenario`,
      { scenario: 'NONE' },
    );
    await call('get', '/api/v1/simulator/cmts', '/api/v1/simulator/cmts');
    await call('get', '/api/v1/simulator/cmts/{id}/requests', `/api/v1/simulator/cmts/${cmtsId}/requests`);

    // MCP: a JSON-RPC answer, and the two stateless refusals.
    const rpc = await t
      .http()
      .post('/mcp')
      .set(as(KEY.agent))
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    check('post', '/mcp', rpc);
    await call('get', '/mcp', '/mcp');
    await call('delete', '/mcp', '/mcp');

    // Live events: one stream is this key's cap, the second a documented 429.
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const open = (): Promise<{ status: number; body: unknown; headers: Record<string, unknown> }> =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/api/v1/events', agent: false, headers: as(KEY.noc) },
          (res) => {
            if (res.statusCode === 200) {
              resolve({ status: 200, body: undefined, headers: res.headers });
              return;
            }
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers }),
            );
          },
        );
        req.on('error', reject);
        req.end();
        streams.push(req);
      });
    const streams: ReturnType<typeof httpRequest>[] = [];
    check('get', '/api/v1/events', await open());
    check('get', '/api/v1/events', await open());
    streams.forEach((s) => s.destroy());

    expect(problems).toEqual([]);
    // The validator does refuse: the action's answer with a field too many, or an outcome of the wrong type.
    const actionPath = '/api/v1/actions/{id}';
    const before = problems.length;
    check('get', actionPath, { ...action, body: { ...action.body, leaked: 'x' } });
    check('get', actionPath, { ...action, body: { ...action.body, outcome: 5 } });
    expect(problems.slice(before)).toEqual([
      expect.stringContaining('must NOT have additional properties'),
      expect.stringContaining('outcome'),
    ]);
    problems.length = before;
    const all = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m} ${path}`),
    );
    expect([...called].sort()).toEqual(all.sort());
    const twoHundredRefs = new Set(
      Object.values(doc.paths).flatMap((item) =>
        METHODS.flatMap((m) =>
          Object.entries(item[m]?.responses ?? {})
            .filter(([status]) => status.startsWith('2'))
            .map(([, r]) => (r as ResponseObject).content?.['application/json']?.schema as { $ref?: string })
            .flatMap((s) => (s?.$ref ? [s.$ref] : [])),
        ),
      ),
    );
    expect([...twoHundredRefs].filter((ref) => !schemasSeen.has(ref))).toEqual([]);
  }, 120_000);
});
