import type { ArgumentsHost } from '@nestjs/common';
import {
  ConflictError,
  fromRecord,
  InvalidInputError,
  NotFoundError,
  recordOf,
  TooManyAttemptsError,
  UnprocessableError,
  UpstreamUnavailableError,
} from '../common/app-errors';
import { ErrorFilter } from './error.filter';

function answer(error: unknown): { status: number; body: unknown } {
  const sent = { status: 0, body: undefined as unknown };
  const res = {
    headersSent: false,
    type: () => res,
    status: (s: number) => ((sent.status = s), res),
    json: (b: unknown) => ((sent.body = b), res),
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(error, host);
  return sent;
}

describe('ErrorFilter on the application errors', () => {
  it('maps each kind to its status and body', () => {
    expect(answer(new InvalidInputError('mac', 'must be a MAC'))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'mac: must be a MAC',
        fields: [{ field: 'mac', problems: ['must be a MAC'] }],
      },
    });
    expect(answer(new InvalidInputError([], 'too many rows')).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'too many rows',
    });
    expect(answer(new NotFoundError('unknown modem x'))).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'unknown modem x' },
    });
    expect(answer(new NotFoundError('no simulated modem x', 'id')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'no simulated modem x',
      fields: [{ field: 'id', problems: ['no simulated modem x'] }],
    });
    expect(answer(new ConflictError('rebooted lately', { actionId: 'act-1' }))).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'rebooted lately', actionId: 'act-1' },
    });
    expect(answer(new UnprocessableError('no write access')).status).toBe(422);
    expect(answer(new TooManyAttemptsError('locked', 840))).toEqual({
      status: 429,
      body: { statusCode: 429, error: 'Too Many Requests', message: 'locked', retryAfterSec: 840 },
    });
    expect(answer(new UpstreamUnavailableError('CMTS c did not answer'))).toEqual({
      status: 502,
      body: { statusCode: 502, error: 'Bad Gateway', message: 'CMTS c did not answer' },
    });
  });

  it('tells a temporary outage as 503 with its public message, never the cause', () => {
    const error = new UpstreamUnavailableError('Redis: connect ECONNREFUSED 10.0.0.7:6379', {
      temporary: true,
      publicMessage: 'telemetry store unavailable; retry shortly',
    });
    expect(answer(error)).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'telemetry store unavailable; retry shortly',
      },
    });
  });

  it('answers anything else with a 500 that leaks nothing', () => {
    expect(answer(new Error('secret detail'))).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'internal error' },
    });
  });
});

describe('application errors as records', () => {
  it('raises a kept refusal again as the same kind, message and fields', () => {
    for (const error of [
      new NotFoundError('unknown CMTS c'),
      new NotFoundError('no simulated CMTS c', 'cmtsId'),
      new InvalidInputError('scope.cmtsId', 'required'),
      new ConflictError('claimed', { actionId: 'act-1' }),
      new UnprocessableError('used for another scope'),
    ]) {
      const again = fromRecord(
        JSON.parse(JSON.stringify(recordOf(error))) as Parameters<typeof fromRecord>[0],
      );
      expect(again.constructor).toBe(error.constructor);
      expect(answer(again)).toEqual(answer(error));
    }
  });

  it('keeps no record of an outage', () => {
    expect(recordOf(new UpstreamUnavailableError('Redis away', { temporary: true }))).toBeUndefined();
    expect(recordOf(new Error('bug'))).toBeUndefined();
  });
});
