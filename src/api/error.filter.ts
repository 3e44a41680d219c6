import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { InvalidInputError } from '../common/app-errors';
import { STATUS_CODES } from 'node:http';
import { CmtsUnreachableError } from '../cmts/cmts.service';
import { ScenarioError } from '../simulator/fleet';
import { StoreUnavailableError } from '../common/store-unavailable.error';
import type { FieldProblem } from './validation';

/** Maps domain errors to HTTP; anything unexpected is a 500 that does not leak internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (!res.headersSent) {
      // Every error body is JSON, also on a route that set another type up front (/metrics: text/plain).
      res.type('json');
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      res
        .status(status)
        .json(
          typeof body === 'string'
            ? { statusCode: status, error: STATUS_CODES[status], message: body }
            : { error: STATUS_CODES[status], ...body },
        );
      return;
    }
    if (error instanceof InvalidInputError) {
      const fields: FieldProblem[] = [{ field: error.field, problems: [error.problem] }];
      res.status(400).json({ statusCode: 400, error: 'Bad Request', message: error.message, fields });
      return;
    }
    const clientError = asClientError(error);
    if (clientError) {
      res.status(clientError.status).json({
        statusCode: clientError.status,
        error: STATUS_CODES[clientError.status],
        message: clientError.message,
      });
      return;
    }
    if (error instanceof StoreUnavailableError) {
      this.log.warn(error.message);
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'telemetry store unavailable; retry shortly',
      });
      return;
    }
    if (error instanceof CmtsUnreachableError) {
      res
        .status(HttpStatus.BAD_GATEWAY)
        .json({ statusCode: 502, error: 'Bad Gateway', message: error.message });
      return;
    }
    if (error instanceof ScenarioError) {
      res.status(error.status).json({
        statusCode: error.status,
        error: STATUS_CODES[error.status],
        message: error.message,
        fields: [{ field: error.field, problems: [error.message] }],
      });
      return;
    }
    this.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    res.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
  }
}

/** Client errors from Express' own layers carry a 4xx status and a message safe to show. */
function asClientError(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== 'object' || error == null) {
    return undefined;
  }
  const { status, expose, message } = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    expose === true &&
    typeof message === 'string'
  ) {
    return { status, message };
  }
  return undefined;
}
