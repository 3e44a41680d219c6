import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import {
  AppError,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  TooManyAttemptsError,
  UnprocessableError,
  UpstreamUnavailableError,
  type FieldProblem,
} from '../common/app-errors';

/**
 * Maps the application errors (common/app-errors.ts) to HTTP: { statusCode, error, message, fields?, ...details }.
 * Nest's own HttpExceptions (validation pipe, guards, body readers) pass through as they are; anything unexpected
 * is a 500 that does not leak internals.
 */
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
    if (error instanceof AppError) {
      const { status, body } = this.answer(error);
      res.status(status).json(body);
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
    this.log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    res.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
  }

  private answer(error: AppError): { status: number; body: Record<string, unknown> } {
    let status: number;
    let message = error.message;
    let fields: readonly FieldProblem[] = [];
    if (error instanceof InvalidInputError) {
      status = HttpStatus.BAD_REQUEST;
      fields = error.fields;
    } else if (error instanceof NotFoundError) {
      status = HttpStatus.NOT_FOUND;
      fields = error.field === undefined ? [] : [{ field: error.field, problems: [error.message] }];
    } else if (error instanceof ConflictError) {
      status = HttpStatus.CONFLICT;
    } else if (error instanceof UnprocessableError) {
      status = HttpStatus.UNPROCESSABLE_ENTITY;
    } else if (error instanceof TooManyAttemptsError) {
      status = HttpStatus.TOO_MANY_REQUESTS;
    } else if (error instanceof UpstreamUnavailableError) {
      status = error.temporary ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
      message = error.publicMessage;
      if (message !== error.message) {
        this.log.warn(error.message);
      }
    } else {
      // A new kind of AppError this filter was not taught: a bug, answered like any other.
      this.log.error(error.stack ?? error.message);
      return {
        status: 500,
        body: { statusCode: 500, error: 'Internal Server Error', message: 'internal error' },
      };
    }
    const body = {
      statusCode: status,
      error: STATUS_CODES[status],
      message,
      ...(fields.length > 0 && { fields }),
      ...error.details,
    };
    return { status, body };
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
