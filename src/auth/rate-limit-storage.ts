import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * Where per-key request counts live: `shared` is a storage every instance counts in (Redis), or undefined for the
 * throttler's own in-process counts. Provided by the store adapter, so auth/ builds no connection itself.
 */
export abstract class RateLimitStorage {
  abstract readonly shared: ThrottlerStorage | undefined;
}
