import { VerifyAttemptStore } from '../../lines/verify-attempt.store';
import { DocApiKeyStore, DocLineTokenStore, DocRemoteActionStore } from '../doc-stores';
import { memoryDocSpace } from './memory-docs';

// Keys, tokens, verification attempts and remote actions in this process. Same contracts as the Redis ones.

/** API keys in this process. */
export class MemoryApiKeyStore extends DocApiKeyStore {
  constructor(now: () => number = Date.now) {
    super(memoryDocSpace(now));
  }
}

/** Line tokens in this process. */
export class MemoryLineTokenStore extends DocLineTokenStore {
  constructor(now: () => number = Date.now) {
    super(memoryDocSpace(now));
  }
}

export class MemoryVerifyAttemptStore extends VerifyAttemptStore {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  bumpAttempts(customerNumber: string, ttlSec: number): Promise<number> {
    const now = this.now();
    const current = this.counters.get(customerNumber);
    const next =
      current && current.expiresAt > now
        ? { ...current, count: current.count + 1 }
        : { count: 1, expiresAt: now + ttlSec * 1000 };
    this.counters.set(customerNumber, next);
    return Promise.resolve(next.count);
  }

  getAttempts(customerNumber: string): Promise<{ count: number; ttlSec: number }> {
    const c = this.counters.get(customerNumber);
    const now = this.now();
    return Promise.resolve(
      c && c.expiresAt > now
        ? { count: c.count, ttlSec: Math.ceil((c.expiresAt - now) / 1000) }
        : { count: 0, ttlSec: 0 },
    );
  }

  clearAttempts(customerNumber: string): Promise<void> {
    this.counters.delete(customerNumber);
    return Promise.resolve();
  }
}

/** Remote actions in this process. */
export class MemoryRemoteActionStore extends DocRemoteActionStore {
  constructor(now: () => number = Date.now) {
    super(memoryDocSpace(now));
  }
}
