import { Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerException } from '@nestjs/throttler';
import type { AuthedRequest } from './caller.decorator';

/**
 * Per-key request limits (per client address on public routes). When the limit store (Redis) is away the
 * request goes through: a rate limit protects the service, it must not take it down with Redis.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('RateLimit');
  private lastWarnAt = 0;

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as AuthedRequest;
    return Promise.resolve(r.caller ? `key:${r.caller.keyId}` : `ip:${r.ip ?? 'unknown'}`);
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(ctx);
    } catch (error) {
      if (error instanceof ThrottlerException) {
        throw error;
      }
      if (Date.now() - this.lastWarnAt > 60_000) {
        this.lastWarnAt = Date.now();
        this.log.warn(`rate limits not applied: ${error instanceof Error ? error.message : String(error)}`);
      }
      return true;
    }
  }
}
