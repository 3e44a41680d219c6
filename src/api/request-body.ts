import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { json, text, type Request, type RequestHandler, type Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { from, mergeMap, type Observable } from 'rxjs';
import { unreadableBodyError, unreadBodyError } from './media-type';

/** Every JSON body the API takes is small: a modem, a CMTS, a sweep scope, a JSON-RPC message. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

const BODY_KEY = 'linecheck:body';

interface TextBody {
  types: string[];
  limitBytes: number;
}

/** The route takes its body as text of these media types, up to `limitBytes`, instead of small JSON. */
export const TextBody = (body: TextBody) => SetMetadata(BODY_KEY, body);

/**
 * Reads the request body only once the guards have let the request through (key, role, rate limits), with the
 * route's own limit: nobody without a key can make the service hold a body, and only the routes that take large
 * text (bulk imports) read large bodies. A body declared over the limit is refused before a byte of it is read.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  private readonly json = parser(json({ limit: JSON_BODY_LIMIT_BYTES }), JSON_BODY_LIMIT_BYTES);
  private readonly text = new Map<TextBody, RequestHandler>();

  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') {
      return next.handle();
    }
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request>();
    const body = this.reflector.get<TextBody | undefined>(BODY_KEY, ctx.getHandler());
    const read = body ? this.textParser(body) : this.json;
    const accepted = body
      ? body.types.join(' or ')
      : 'JSON with Content-Type: application/json (bulk import: text/csv or application/x-ndjson)';
    return from(
      new Promise<void>((resolve, reject) =>
        read(req, http.getResponse<Response>(), (error?: unknown) => {
          if (error) {
            const refused = unreadableBodyError(error);
            reject(refused instanceof Error ? refused : new Error('the request body could not be read'));
            return;
          }
          const unread = unreadBodyError(req, accepted);
          return unread ? reject(unread) : resolve();
        }),
      ),
    ).pipe(mergeMap(() => next.handle()));
  }

  private textParser(body: TextBody): RequestHandler {
    let p = this.text.get(body);
    if (!p) {
      p = parser(text({ type: body.types, limit: body.limitBytes }), body.limitBytes);
      this.text.set(body, p);
    }
    return p;
  }
}

/** body-parser reads (and discards) a too-large body before it answers; a declared length is judged up front. */
function parser(read: RequestHandler, limitBytes: number): RequestHandler {
  return (req, res, next) => {
    if (declaredLength(req) > limitBytes) {
      next(
        Object.assign(new Error('request entity too large'), {
          status: 413,
          expose: true,
          type: 'entity.too.large',
          limit: limitBytes,
        }),
      );
      return;
    }
    read(req, res, next);
  };
}

function declaredLength(req: IncomingMessage): number {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') {
    return 0; // the limit is on the decoded body: body-parser counts it while inflating
  }
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) ? length : 0;
}
