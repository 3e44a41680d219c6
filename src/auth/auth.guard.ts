import {
  ForbiddenException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config';
import { hasRole, type Role } from '../domain/api-key';
import { ApiKeysService } from './api-keys.service';
import { CONFLICTING_KEYS, presentedKey, type AuthedRequest } from './caller.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

const UNAUTHENTICATED_WINDOW_MS = 60_000;

export const NO_KEY_MESSAGE =
  'a valid API key is required: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>"';
export const CONFLICTING_KEYS_MESSAGE =
  'two different API keys were sent (Authorization and X-API-Key): send one key, in one header';
export const UNAUTHENTICATED_LIMIT_MESSAGE =
  'too many requests without a valid API key from this address: wait for Retry-After seconds';

/**
 * Every HTTP route: 401 without a valid key, 403 without one of the route's roles (admin by default). Requests
 * without a valid key are counted per client address (UNAUTHENTICATED_RATE_PER_MIN): past the budget they get 429
 * with Retry-After. It runs before any body is read (RequestBodyInterceptor), so a refused request costs no memory.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly log = new Logger('Auth');
  private lastWarnAt = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly config: AppConfig,
    @InjectThrottlerStorage() private readonly counts: ThrottlerStorage,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (ctx.getType() !== 'http' || this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? ['admin'];
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = presentedKey(req);
    const caller = key === CONFLICTING_KEYS ? null : await this.keys.authenticate(key);
    if (!caller) {
      await this.countUnauthenticated(req, res);
      // RFC 6750: a bad credential is "invalid_token"; a missing one gets the bare challenge.
      res.setHeader(
        'WWW-Authenticate',
        key === undefined ? 'Bearer realm="linecheck"' : 'Bearer realm="linecheck", error="invalid_token"',
      );
      throw new UnauthorizedException(key === CONFLICTING_KEYS ? CONFLICTING_KEYS_MESSAGE : NO_KEY_MESSAGE);
    }
    req.caller = caller;
    if (!hasRole(caller, allowed)) {
      throw new ForbiddenException(
        `this needs one of the roles ${allowed.join(', ')}; the key sent has ${caller.roles.join(', ')}`,
      );
    }
    return true;
  }

  /** 429 for a minute once this address has sent more than its budget of requests without a valid key in one. */
  private async countUnauthenticated(req: AuthedRequest, res: Response): Promise<void> {
    const limit = this.config.auth.unauthenticatedPerMin;
    if (limit === 0) {
      return;
    }
    let record;
    try {
      record = await this.counts.increment(
        `unauthenticated:${req.ip ?? 'unknown'}`,
        UNAUTHENTICATED_WINDOW_MS,
        limit,
        UNAUTHENTICATED_WINDOW_MS,
        'unauthenticated',
      );
    } catch (error) {
      // Like the per-key limits: with the limit store away, the request is just refused with 401.
      if (Date.now() - this.lastWarnAt > 60_000) {
        this.lastWarnAt = Date.now();
        this.log.warn(
          `unauthenticated budget not applied: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return;
    }
    if (record.isBlocked) {
      res.setHeader('Retry-After', String(Math.max(1, record.timeToBlockExpire)));
      throw new HttpException(
        { statusCode: 429, message: UNAUTHENTICATED_LIMIT_MESSAGE },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
