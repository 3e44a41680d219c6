import { STATUS_CODES } from 'node:http';
import { applyDecorators, SetMetadata, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, type MediaTypeObject } from '@nestjs/swagger';
import {
  ConflictResponse,
  ErrorResponse,
  TooManyRequestsResponse,
  ValidationErrorResponse,
} from './dto/error.response';
import { ID_PROBLEM } from './dto/modem.dto';
import type { FieldProblem } from './validation';

// OpenAPI helpers for the controllers. Who may call a route (401, 403, security, roles, X-Line-Token) is not
// declared here: openapi.ts reads it from the same metadata the guards read, so the two cannot drift apart.

export type ErrorStatus = 400 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503;

/** One way a route fails: when it happens, and the body it answers with (statusCode and error are filled in). */
export interface ErrorCase {
  when: string;
  body: { message: string } & Record<string, unknown>;
}

/** A route's error cases by status. */
export type RouteErrors = Partial<Record<ErrorStatus, ErrorCase[]>>;

const ERROR_SCHEMAS: Record<ErrorStatus, Type<unknown>> = {
  400: ValidationErrorResponse,
  404: ValidationErrorResponse,
  409: ConflictResponse,
  413: ValidationErrorResponse,
  415: ValidationErrorResponse,
  422: ErrorResponse,
  429: TooManyRequestsResponse,
  502: ErrorResponse,
  503: ErrorResponse,
};

/** As error.filter.ts writes it (Nest's validation pipe too); a case that sets `error: undefined` leaves it out. */
export function errorBody(status: number, body: ErrorCase['body']): Record<string, unknown> {
  return { statusCode: status, error: STATUS_CODES[status], ...body };
}

export function exampleKey(when: string): string {
  return when
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}

/** Error responses of a route, each status with its cases as named examples. */
export function ApiErrors(errors: RouteErrors): MethodDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([key, cases]) => {
      const status = Number(key) as ErrorStatus;
      return ApiResponse({
        status,
        type: ERROR_SCHEMAS[status],
        description: cases.map((c) => c.when).join('. ') + '.',
        examples: Object.fromEntries(
          cases.map((c) => [exampleKey(c.when), { summary: c.when, value: errorBody(status, c.body) }]),
        ),
      });
    }),
  );
}

/** Error responses of a route that uses the store: its own, and 503 when the store does not answer. */
export function ApiStoreErrors(errors: RouteErrors = {}): MethodDecorator {
  return ApiErrors({ ...errors, 503: [STORE_UNAVAILABLE] });
}

/**
 * Error responses of a route about one modem (the path's id) that uses the store: 400 for a malformed id (then the
 * route's own 400s), 404 for an unknown modem (then the route's own 404s), its other errors, and 503.
 */
export function ApiModemErrors(errors: RouteErrors = {}): MethodDecorator {
  return ApiStoreErrors(byId(BAD_MODEM_ID, UNKNOWN_MODEM, errors));
}

/** As ApiModemErrors, for a route about one CMTS. */
export function ApiCmtsErrors(errors: RouteErrors = {}): MethodDecorator {
  return ApiStoreErrors(byId(BAD_CMTS_ID, UNKNOWN_CMTS, errors));
}

function byId(badId: ErrorCase, unknown: ErrorCase, errors: RouteErrors): RouteErrors {
  return { ...errors, 400: [badId, ...(errors[400] ?? [])], 404: [unknown, ...(errors[404] ?? [])] };
}

/** The answers of a PUT that registers or replaces a record: 200 when it was there, 201 when it is new. */
export function ApiPutResponses(type: Type<unknown>, example: unknown): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type, description: 'Updated.', example }),
    ApiCreatedResponse({ type, description: 'Registered.', example }),
  );
}

/** A route's errors with a JSON body: MALFORMED_JSON after its own 400s, and BODY_TOO_LARGE as the 413. */
export function withJsonBody(errors: RouteErrors): RouteErrors {
  return { ...errors, 400: [...(errors[400] ?? []), MALFORMED_JSON], 413: [BODY_TOO_LARGE] };
}

/**
 * A route's whole OpenAPI description as one decorator (src/api/docs/, one file per resource). The decorators are
 * listed top to bottom as they would stand stacked on the method, and applied in the same order as stacked ones.
 */
export function ApiDocs(
  ...decorators: (MethodDecorator | ClassDecorator | PropertyDecorator)[]
): MethodDecorator {
  return applyDecorators(...[...decorators].reverse());
}

/** A 400 from the validation pipe, with its message built the way the pipe builds it. */
export function invalid(when: string, fields: FieldProblem[]): ErrorCase {
  return {
    when,
    body: {
      message: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '),
      fields,
    },
  };
}

export const STORE_UNAVAILABLE: ErrorCase = {
  when: 'The telemetry store (Redis) did not answer; retry shortly',
  body: { message: 'telemetry store unavailable; retry shortly' },
};

/** The body as a whole could not be read (error.filter.ts): the problem is on the field `body`. */
export function unreadableBody(when: string, message: string): ErrorCase {
  return { when, body: { message, fields: [{ field: 'body', problems: [message] }] } };
}

export const MALFORMED_JSON = unreadableBody(
  'The body is not valid JSON',
  "Expected property name or '}' in JSON at position 1",
);

export const BODY_TOO_LARGE = unreadableBody(
  'The JSON body is over 256 KB',
  'request body too large: at most 262144 bytes',
);

/** Written by media-type.ts for every route with a body. */
export const UNSUPPORTED_MEDIA_TYPE: ErrorCase = {
  when: 'The body was sent without Content-Type: application/json',
  body: {
    message:
      'send the body as JSON with Content-Type: application/json (bulk import: text/csv or application/x-ndjson), ' +
      'not text/plain',
    fields: [
      {
        field: 'Content-Type',
        problems: [
          'send the body as JSON with Content-Type: application/json (bulk import: text/csv or ' +
            'application/x-ndjson), not text/plain',
        ],
      },
    ],
  },
};

export const BAD_MODEM_ID = invalid('The modem id is malformed', [{ field: 'id', problems: [ID_PROBLEM] }]);

export const BAD_CMTS_ID = invalid('The CMTS id is malformed', [{ field: 'id', problems: [ID_PROBLEM] }]);

export const UNKNOWN_MODEM: ErrorCase = {
  when: 'No modem with this id',
  body: { message: 'unknown modem sim-cm-00042' },
};

export const UNKNOWN_CMTS: ErrorCase = {
  when: 'No CMTS with this id',
  body: { message: 'unknown CMTS cmts-south-2' },
};

const REQUEST_CONTENT = 'linecheck:openapi:request-content';

export interface RequestContentDoc {
  description: string;
  content: Record<string, MediaTypeObject>;
}

/**
 * A request body with its own schema and examples per media type (@ApiBody repeats one schema and one set of
 * examples under every type). openapi.ts puts it in place of what the scanner found.
 */
export const ApiRequestContent = (doc: RequestContentDoc): MethodDecorator =>
  SetMetadata(REQUEST_CONTENT, doc);

export function requestContentOf(handler: object): RequestContentDoc | undefined {
  return Reflect.getMetadata(REQUEST_CONTENT, handler) as RequestContentDoc | undefined;
}
