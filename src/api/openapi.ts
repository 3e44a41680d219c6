import { STATUS_CODES } from 'node:http';
import type { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/api-key';
import { CONFLICTING_KEYS_MESSAGE, NO_KEY_MESSAGE, UNAUTHENTICATED_LIMIT_MESSAGE } from '../auth/auth.guard';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';
import { LineTokenGuard } from '../lines/line-token.guard';
import { ErrorResponse, TooManyRequestsResponse, ValidationErrorResponse } from './dto/error.response';
import { ActionOutcomeResponse } from './dto/lines.response';
import { SnmpV2cViewResponse, SnmpV3ViewResponse } from './dto/modem.response';
import { SnmpV2cDto, SnmpV3Dto } from './dto/modem.dto';
import { ReachableReadingResponse, UnreachableReadingResponse } from './dto/telemetry.response';
import { PreEqChannelAnalysisResponse, PreEqEchoViewResponse } from './dto/pre-equalisation.response';
import {
  errorBody,
  exampleKey,
  requestContentOf,
  UNSUPPORTED_MEDIA_TYPE,
  type ErrorCase,
} from './openapi.decorators';

const DESCRIPTION = `
Linecheck tells a cable ISP's call-centre agent, in one answer with evidence, whether a customer's line needs a
technician. It polls the DOCSIS cable modem over SNMP (and reads the modem's CMTS and its neighbours in the same
node), keeps readings and history, and grades them against textbook limits: **TEXTBOOK_OK** (the line is fine: check
the customer's own equipment), **LINE_FAULT** (dispatch; the finding names the channel, the value and the limit),
and the cases in between (MARGINAL, FLAPPING, MODEM_OFFLINE, PLANT_OUTAGE, PROVISIONING_ISSUE, INSUFFICIENT_DATA).

**Agents** verify the caller (\`POST /api/v1/lines/verify\`), then ask for the line's diagnosis, timeline and history
with the line token they got. **The NOC** watches nodes, the fleet summary, sweeps and \`/metrics\`. **Operators**
keep the inventory and CMTSes and may reboot a modem. AI agents can use the same tools over MCP (\`POST /mcp\`).

### Access
Every route except \`/health\` and \`/docs\` needs an API key, as \`Authorization: Bearer <key>\` or \`X-API-Key: <key>\`:
no valid key gives 401, a key without one of the route's roles gives 403. Roles are agent, noc, operator, admin and
reboot (may reboot a modem remotely: given to an agent key, only a line it verified); an admin key may call every
route, and routes that name no role are admin-only. Each route's description lists its roles; \`GET /api/v1/me\` tells
a key its own. Keys with none of noc, operator and admin must also send the \`X-Line-Token\` from caller verification
on a line's own data (diagnosis, telemetry, pre-equalisation, timeline, history) and its reboot when
LINE_TOKEN_REQUIRED is on (the default). Requests are rate-limited
per key (RATE_LIMIT_PER_MIN, 429), and requests without a valid key per client address
(UNAUTHENTICATED_RATE_PER_MIN, 429 with Retry-After). A 401 carries a Bearer \`WWW-Authenticate\` challenge; two
different keys in one request are refused. A request body is read only after its key and role are checked.

### Errors
Every error is JSON: \`{ statusCode, error, message }\`. Bad input gets 400 (415 for a body that is not JSON) with
every bad field named (\`fields: [{ field, problems }]\`); unknown fields are refused. A modem that does not answer is not an error but a
verdict (MODEM_OFFLINE). A store (Redis) outage gets 503; while it lasts, keys created through the admin API cannot
be checked either, so their calls get 503 on every route.
`.trim();

const TAGS: [string, string][] = [
  ['lines', 'Caller verification: the first step of every call.'],
  ['me', 'The calling key: who it is and what it may do.'],
  [
    'modems',
    'Diagnosis, telemetry, pre-equalisation, timeline and history of a line; the modem inventory and bulk import.',
  ],
  ['actions', 'Remote fixes (reboot) and how they went.'],
  ['nodes', 'Service groups (nodes) as the NOC sees them.'],
  ['fleet', 'The fleet summary, live events and Prometheus metrics.'],
  ['thresholds', 'The limits verdicts are graded against.'],
  ['sweeps', 'Checking every modem of a scope in the background.'],
  ['cmts', 'The CMTSes Linecheck reads, and discovery of their modems.'],
  ['admin', 'API keys and the audit log.'],
  ['mcp', 'The Model Context Protocol server for AI agents.'],
  ['health', 'Liveness and readiness.'],
  ['simulator', 'The simulated fleet of cable modems (only when SIMULATOR_ENABLED).'],
];

/** Schemas referenced only through oneOf / $ref. */
const EXTRA_MODELS = [
  ErrorResponse,
  TooManyRequestsResponse,
  SnmpV2cDto,
  SnmpV3Dto,
  SnmpV2cViewResponse,
  SnmpV3ViewResponse,
  ReachableReadingResponse,
  UnreachableReadingResponse,
  ActionOutcomeResponse,
  PreEqChannelAnalysisResponse,
  PreEqEchoViewResponse,
];

const LINE_TOKEN_HEADER = 'X-Line-Token';

/**
 * Swagger UI at /docs and the document at /docs-json. SwaggerModule serves them on the HTTP adapter, not as
 * Nest controllers, so the AuthGuard and rate limits do not apply: the API description needs no key.
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    raw: ['json'],
    customSiteTitle: 'Linecheck API',
    swaggerOptions: { persistAuthorization: true },
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Linecheck')
    .setDescription(DESCRIPTION)
    .setVersion('0.1.0')
    // Relative: the API is described where it is served, whatever host name or proxy prefix reaches it.
    .addServer('/', 'This Linecheck instance')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'The API key as a Bearer token: `Authorization: Bearer <key>`.',
      },
      'bearer',
    )
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The API key in its own header.' },
      'apiKey',
    );
  for (const [name, description] of TAGS) {
    builder.addTag(name, description);
  }
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: operationId,
    extraModels: EXTRA_MODELS,
  });
  document.info.license = { name: 'UNLICENSED (proprietary)' };
  unwrapLoneAllOf(document.components);
  const operations = operationsById(document);
  for (const operation of operations.values()) {
    for (const [status, response] of Object.entries(operation.responses)) {
      // OpenAPI requires a description; where a route gave none, the reason phrase says enough.
      if (response && 'description' in response && !response.description) {
        response.description = STATUS_CODES[status] ?? status;
      }
    }
  }
  for (const route of routeHandlers(app)) {
    const operation = operations.get(operationId(route.controller, route.method));
    if (!operation) {
      continue;
    }
    describeAccess(operation, route.access);
    const requestContent = requestContentOf(route.handler);
    if (requestContent) {
      operation.requestBody = { required: true, ...requestContent };
    }
    if (operation.requestBody) {
      addErrorCase(operation, 415, UNSUPPORTED_MEDIA_TYPE, ValidationErrorResponse);
    }
  }
  return document;
}

/**
 * The scanner wraps a bare enum or model reference as `allOf: [$ref]`; alone, that is the reference itself
 * (linters flag a one-schema allOf).
 */
function unwrapLoneAllOf(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(unwrapLoneAllOf);
    return;
  }
  if (typeof value !== 'object' || value == null) {
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(record)) {
    const inner = child as { allOf?: unknown[] } | null;
    if (inner && typeof inner === 'object' && Object.keys(inner).length === 1 && inner.allOf?.length === 1) {
      record[key] = inner.allOf[0];
    } else {
      unwrapLoneAllOf(child);
    }
  }
}

function operationId(controller: string, method: string): string {
  return `${controller.replace(/Controller$/, '')}_${method}`;
}

/** Who may call a route, read from the metadata AuthGuard and LineTokenGuard act on. */
interface RouteAccess {
  isPublic: boolean;
  roles: readonly Role[];
  needsLineToken: boolean;
}

interface RouteHandler {
  controller: string;
  method: string;
  handler: object;
  access: RouteAccess;
}

function routeHandlers(app: INestApplication): RouteHandler[] {
  const scanner = new MetadataScanner();
  const routes: RouteHandler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) {
        continue;
      }
      const prototype = controller.prototype as Record<string, object>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) {
          continue;
        }
        // Handler first, then class: Reflector.getAllAndOverride, as the guards read it.
        const meta = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
        const guards = [
          ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
          ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? []),
        ];
        routes.push({
          controller: controller.name,
          method,
          handler,
          access: {
            isPublic: meta<boolean>(PUBLIC_KEY) === true,
            roles: meta<Role[]>(ROLES_KEY) ?? ['admin'],
            needsLineToken: guards.includes(LineTokenGuard),
          },
        });
      }
    }
  }
  return routes;
}

function operationsById(document: OpenAPIObject): Map<string, OperationObject> {
  const operations = new Map<string, OperationObject>();
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation?.operationId) {
        operations.set(operation.operationId, operation);
      }
    }
  }
  return operations;
}

function rateLimited(isPublic: boolean): ErrorCase {
  return {
    when: `More than RATE_LIMIT_PER_MIN requests in a minute from this ${isPublic ? 'client address' : 'key'}`,
    body: { message: 'ThrottlerException: Too Many Requests' },
  };
}

const NO_KEY: ErrorCase = { when: 'No API key, or not a valid one', body: { message: NO_KEY_MESSAGE } };
const CONFLICTING_KEYS: ErrorCase = {
  when: 'Authorization and X-API-Key carry different keys',
  body: { message: CONFLICTING_KEYS_MESSAGE },
};
const UNAUTHENTICATED_LIMIT: ErrorCase = {
  when: 'More than UNAUTHENTICATED_RATE_PER_MIN requests without a valid key from this client address in a minute',
  body: { message: UNAUTHENTICATED_LIMIT_MESSAGE },
};

function describeAccess(operation: OperationObject, access: RouteAccess): void {
  const lines: string[] = [];
  if (access.isPublic) {
    lines.push('**Access:** public, no API key needed.');
    operation.security = [];
  } else {
    const refusedRoles = ROLES.filter((r) => r !== 'admin' && !access.roles.includes(r));
    lines.push(
      access.roles.includes('admin')
        ? '**Roles:** admin.'
        : `**Roles:** ${access.roles.join(', ')} (or admin: an admin key may call every route).`,
    );
    operation.security = [{ bearer: [] }, { apiKey: [] }];
    addErrorCase(operation, 401, NO_KEY, ErrorResponse);
    addErrorCase(operation, 401, CONFLICTING_KEYS, ErrorResponse);
    (operation.responses[401] as ResponseObject).headers = {
      'WWW-Authenticate': {
        description: 'The Bearer challenge (RFC 6750), with error="invalid_token" when a key was sent.',
        schema: { type: 'string', example: 'Bearer realm="linecheck", error="invalid_token"' },
      },
    };
    addErrorCase(operation, 429, UNAUTHENTICATED_LIMIT, TooManyRequestsResponse);
    // A key holds at least one role, so a route open to every role but admin's cannot refuse one.
    if (refusedRoles.length > 0) {
      addErrorCase(
        operation,
        403,
        {
          when: `The key has none of the roles ${access.roles.join(', ')}`,
          body: {
            message: `this needs one of the roles ${access.roles.join(', ')}; the key sent has ${refusedRoles[0]}`,
          },
        },
        ErrorResponse,
      );
    }
    if (access.needsLineToken) {
      lines.push(
        `Keys with none of noc, operator and admin (agent keys, with or without reboot) must also send ` +
          `\`${LINE_TOKEN_HEADER}\` with the line token that \`POST /api/v1/lines/verify\` issued for this line to this ` +
          'key (when LINE_TOKEN_REQUIRED, the default). NOC, operator and admin keys need none.',
      );
      operation.parameters = [
        ...(operation.parameters ?? []),
        {
          name: LINE_TOKEN_HEADER,
          in: 'header',
          required: false,
          description:
            'The line token from POST /api/v1/lines/verify for this line. Required for keys with none of noc, ' +
            'operator and admin when LINE_TOKEN_REQUIRED (the default); NOC, operator and admin keys need none.',
          schema: { type: 'string', example: 'lt_rOqbdfJH6N-EbfAv68OH1-1sQAN6ASz-' },
        },
      ];
      addErrorCase(
        operation,
        403,
        {
          when: `A key with none of noc, operator and admin sent no ${LINE_TOKEN_HEADER}`,
          body: {
            message: `verify the caller first (POST /api/v1/lines/verify) and send the line token as ${LINE_TOKEN_HEADER}`,
          },
        },
        ErrorResponse,
      );
      addErrorCase(
        operation,
        403,
        {
          when: `The ${LINE_TOKEN_HEADER} is expired, or was issued for another line or key`,
          body: {
            message:
              `the ${LINE_TOKEN_HEADER} is not valid for sim-cm-00031 and this key ` +
              '(expired, or issued for another line or key)',
          },
        },
        ErrorResponse,
      );
    }
  }
  addErrorCase(operation, 429, rateLimited(access.isPublic), TooManyRequestsResponse);
  operation.description = [operation.description, ...lines].filter(Boolean).join('\n\n');
}

/** Adds a failure to a status's response, keeping what the route itself declared for that status. */
function addErrorCase(operation: OperationObject, status: number, c: ErrorCase, schema: Type<unknown>): void {
  const example = { summary: c.when, value: errorBody(status, c.body) };
  const existing = operation.responses[status] as ResponseObject | undefined;
  if (!existing) {
    operation.responses[status] = {
      description: `${c.when}.`,
      content: {
        'application/json': {
          schema: { $ref: getSchemaPath(schema) },
          examples: { [exampleKey(c.when)]: example },
        },
      },
    };
    return;
  }
  existing.description = `${existing.description} ${c.when}.`;
  const media = existing.content?.['application/json'];
  if (media) {
    media.examples = { ...media.examples, [exampleKey(c.when)]: example };
  }
}
