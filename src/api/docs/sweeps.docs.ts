import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { StartSweepDto } from '../dto/sweep.dto';
import {
  SWEEP_FINISHED_EXAMPLE,
  SWEEP_RUNNING_EXAMPLE,
  SweepListResponse,
  SweepViewResponse,
} from '../dto/sweep.response';
import {
  ApiDocs,
  ApiStoreErrors,
  BODY_TOO_LARGE,
  invalid,
  MALFORMED_JSON,
  UNKNOWN_CMTS,
} from '../openapi.decorators';

/** The OpenAPI description of SweepsController's routes, one decorator per route. */
export const SweepsDocs = {
  start: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Start a sweep',
        description:
          'Checks every modem in scope (all, one CMTS, or one node) in the background, across instances, storing ' +
          'readings and verdicts: how the NOC refreshes a node after an incident or the fleet before a report. A ' +
          'modem checked within SWEEP_MAX_AGE_SEC is not polled again. Follow it with GET /api/v1/sweeps/{id}. ' +
          'With an Idempotency-Key, a retried request (a timeout, a lost answer) gets the sweep the first one started ' +
          '(Idempotent-Replayed: true) instead of starting another, for a day, per API key.',
      }),
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        description: 'Any unique string (a UUID): retries with the same key start one sweep between them.',
        example: '7d1c9a52-5a8e-4c3b-9d0e-2f6b8e1a4c77',
      }),
      ApiBody({
        type: StartSweepDto,
        examples: {
          node: {
            summary: 'One node',
            value: { scope: { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1' } },
          },
          cmts: { summary: 'One CMTS', value: { scope: { kind: 'cmts', cmtsId: 'sim-cmts-1' } } },
          all: { summary: 'The whole fleet', value: { scope: { kind: 'all' } } },
        },
      }),
      ApiAcceptedResponse({
        type: SweepViewResponse,
        description: 'Started (or, for a retried Idempotency-Key, the sweep the first request started).',
        example: SWEEP_RUNNING_EXAMPLE,
        headers: {
          'Idempotent-Replayed': {
            description:
              'With an Idempotency-Key: true when this answer replays an earlier request with that key.',
            schema: { type: 'string', enum: ['true', 'false'] },
          },
        },
      }),
      ApiStoreErrors({
        400: [
          invalid('The scope is missing a field its kind needs', [
            {
              field: 'scope.cmtsId',
              problems: ['cmtsId is required for a cmts or node scope: 1-64 letters, digits, . _ : -'],
            },
          ]),
          MALFORMED_JSON,
          invalid('An Idempotency-Key of the wrong form', [
            {
              field: 'Idempotency-Key',
              problems: ['Idempotency-Key must be 8-128 letters, digits, _ . : - (a UUID does)'],
            },
          ]),
        ],
        404: [
          UNKNOWN_CMTS,
          {
            when: 'The node has no modems on that CMTS',
            body: { message: 'unknown node 1000.9 on sim-cmts-1' },
          },
        ],
        409: [
          {
            when: 'The first request with this Idempotency-Key claimed it but started no sweep (its instance died)',
            body: {
              message:
                'a request with Idempotency-Key 7d1c9a52-5a8e-4c3b-9d0e-2f6b8e1a4c77 claimed it but started no sweep; use a new key',
            },
          },
        ],
        413: [BODY_TOO_LARGE],
        422: [
          {
            when: 'The Idempotency-Key was used before for another scope',
            body: {
              message:
                'Idempotency-Key 7d1c9a52-5a8e-4c3b-9d0e-2f6b8e1a4c77 was used for another scope ({"kind":"all"})',
            },
          },
        ],
      }),
    ),
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Recent sweeps',
        description: 'Recent sweeps with their progress, newest first.',
      }),
      ApiOkResponse({ type: SweepListResponse, example: { items: [SWEEP_FINISHED_EXAMPLE] } }),
      ApiStoreErrors({
        400: [
          invalid('limit is out of range', [
            { field: 'limit', problems: ['limit must not be greater than 50'] },
          ]),
        ],
      }),
    ),
  get: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Sweep progress',
        description: 'Total, done, failed, counts by verdict, elapsed time and ETA of one sweep.',
      }),
      ApiOkResponse({
        type: SweepViewResponse,
        examples: {
          finished: { summary: 'Finished', value: SWEEP_FINISHED_EXAMPLE },
          running: { summary: 'Just started', value: SWEEP_RUNNING_EXAMPLE },
        },
      }),
      ApiStoreErrors({
        400: [
          invalid('Not a sweep id', [
            { field: 'id', problems: ['id must be a sweep id such as sw-mie6h0k2-3fa9c1'] },
          ]),
        ],
        404: [{ when: 'No sweep with this id', body: { message: 'unknown sweep sw-mww5akv4-5432a1' } }],
      }),
    ),
};
