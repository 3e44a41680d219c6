import { VerifyAttemptStore } from '../../lines/verify-attempt.store';
import { DocApiKeyStore, DocLineTokenStore, DocRemoteActionStore } from '../doc-stores';
import { redisDocSpace } from './redis-docs';
import type { RedisSpace } from './redis-space';

// Keys, tokens, verification attempts and remote actions: small documents and counters on the shared Redis.

/** Keys: doc:apikey:<hash>, docs:apikey. */
export class RedisApiKeyStore extends DocApiKeyStore {
  constructor(s: RedisSpace) {
    super(redisDocSpace(s));
  }
}

/** Keys: doc:linetoken:<digest> (EX ttl). */
export class RedisLineTokenStore extends DocLineTokenStore {
  constructor(s: RedisSpace) {
    super(redisDocSpace(s));
  }
}

/** Keys: count:verify-attempts:<customer number>, expiring after its first count. */
export class RedisVerifyAttemptStore extends VerifyAttemptStore {
  constructor(private readonly s: RedisSpace) {
    super();
  }

  private key(customerNumber: string): string {
    return this.s.key('count:verify-attempts', customerNumber);
  }

  async bumpAttempts(customerNumber: string, ttlSec: number): Promise<number> {
    const key = this.key(customerNumber);
    const [[, count]] = (await this.s.run(() =>
      this.s.redis.multi().incr(key).expire(key, ttlSec, 'NX').exec(),
    )) as [[unknown, number]];
    return count;
  }

  async getAttempts(customerNumber: string): Promise<{ count: number; ttlSec: number }> {
    const key = this.key(customerNumber);
    const [[, count], [, ttl]] = (await this.s.run(() => this.s.redis.multi().get(key).ttl(key).exec())) as [
      [unknown, string | null],
      [unknown, number],
    ];
    return count == null ? { count: 0, ttlSec: 0 } : { count: Number(count), ttlSec: Math.max(0, ttl) };
  }

  async clearAttempts(customerNumber: string): Promise<void> {
    await this.s.run(() => this.s.redis.del(this.key(customerNumber)));
  }
}

/** Keys: doc:action:<id> (EX ttl), doc:reboot-current:<modem id> (EX cool-down). */
export class RedisRemoteActionStore extends DocRemoteActionStore {
  constructor(s: RedisSpace) {
    super(redisDocSpace(s));
  }
}
