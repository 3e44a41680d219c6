import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { STATUS_CODES } from 'node:http';

/**
 * 415 for a body no parser took (no or another Content-Type), instead of the handler seeing no body at all and
 * answering "host must be a string". Undefined when the body was read, or there was none.
 */
export function unreadBodyError(req: Request, accepted: string): HttpException | undefined {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody || req.body !== undefined) {
    return undefined;
  }
  const sent = req.headers['content-type'];
  const problem =
    `send the body as ${accepted}` +
    (sent ? `, not ${sent.slice(0, 100)}` : '; the request had no Content-Type');
  return new HttpException(
    {
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: problem,
      fields: [{ field: 'Content-Type', problems: [problem] }],
    },
    415,
  );
}

/**
 * body-parser's own errors (malformed JSON, too large, an unknown charset) as a 4xx that names the body. Nest would
 * turn a malformed-JSON SyntaxError into a bare 400 and pass the others on unchanged.
 */
export function unreadableBodyError(error: unknown): unknown {
  const e = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
    message?: unknown;
    limit?: unknown;
  };
  if (
    typeof e.type !== 'string' ||
    typeof e.status !== 'number' ||
    e.status < 400 ||
    e.status >= 500 ||
    e.expose !== true ||
    typeof e.message !== 'string'
  ) {
    return error;
  }
  const message =
    e.type === 'entity.too.large' && typeof e.limit === 'number'
      ? `request body too large: at most ${e.limit} bytes`
      : e.message;
  return new HttpException(
    {
      statusCode: e.status,
      error: STATUS_CODES[e.status],
      message,
      fields: [{ field: 'body', problems: [message] }],
    },
    e.status,
  );
}
