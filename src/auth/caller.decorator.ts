import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '../domain/api-key';

export type AuthedRequest = Request & { caller?: Caller };

/** The authenticated caller of this request (set by AuthGuard). */
export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthedRequest>().caller;
  if (!caller) {
    throw new Error('CurrentCaller used on a public route');
  }
  return caller;
});

/** Both headers were sent with different keys: which one counts would be a guess, so neither does. */
export const CONFLICTING_KEYS = Symbol('conflicting keys');

/** `Authorization: Bearer <key>` or `X-API-Key: <key>` (both only when they carry the same key). */
export function presentedKey(req: Request): string | typeof CONFLICTING_KEYS | undefined {
  const auth = req.headers.authorization;
  const bearer =
    auth && /^bearer\s+/i.test(auth) ? auth.replace(/^bearer\s+/i, '').trim() || undefined : undefined;
  const header = req.headers['x-api-key'];
  const apiKey = (Array.isArray(header) ? header[0] : header)?.trim() || undefined;
  if (bearer && apiKey && bearer !== apiKey) {
    return CONFLICTING_KEYS;
  }
  return bearer ?? apiKey;
}
