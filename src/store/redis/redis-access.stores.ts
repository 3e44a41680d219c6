import { RemoteActionStore } from '../../actions/remote-action.store';
import type { RemoteAction } from '../../actions/remote-action';
import { ApiKeyStore } from '../../auth/api-key.store';
import type { ApiKeyRecord } from '../../domain/api-key';
import { LineTokenStore, type LineGrant } from '../../lines/line-token.store';
import { VerifyAttemptStore } from '../../lines/verify-attempt.store';
import { RedisDocs } from './redis-docs';
import type { RedisSpace } from './redis-space';

// Keys, tokens, verification attempts and remote actions: small documents and counters on the shared Redis.

/** Keys: doc:apikey:<hash>, docs:apikey. */
export class RedisApiKeyStore extends ApiKeyStore {
  private readonly docs: RedisDocs<ApiKeyRecord>;

  constructor(s: RedisSpace) {
    super();
    this.docs = new RedisDocs(s, 'apikey');
  }

  putKey(record: ApiKeyRecord): Promise<void> {
    return this.docs.put(record.hash, record);
  }

  getKey(hash: string): Promise<ApiKeyRecord | null> {
    return this.docs.get(hash);
  }

  deleteKey(hash: string): Promise<boolean> {
    return this.docs.delete(hash);
  }

  listKeys(): Promise<ApiKeyRecord[]> {
    return this.docs.list();
  }
}

/** Keys: doc:linetoken:<digest> (EX ttl). */
export class RedisLineTokenStore extends LineTokenStore {
  private readonly docs: RedisDocs<LineGrant>;

  constructor(s: RedisSpace) {
    super();
    this.docs = new RedisDocs(s, 'linetoken');
  }

  putGrant(digest: string, grant: LineGrant, ttlSec: number): Promise<void> {
    return this.docs.put(digest, grant, ttlSec);
  }

  getGrant(digest: string): Promise<LineGrant | null> {
    return this.docs.get(digest);
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
export class RedisRemoteActionStore extends RemoteActionStore {
  private readonly actions: RedisDocs<RemoteAction>;
  private readonly current: RedisDocs<{ actionId: string }>;

  constructor(s: RedisSpace) {
    super();
    this.actions = new RedisDocs(s, 'action');
    this.current = new RedisDocs(s, 'reboot-current');
  }

  saveAction(action: RemoteAction, ttlSec: number): Promise<void> {
    return this.actions.put(action.id, action, ttlSec);
  }

  getAction(id: string): Promise<RemoteAction | null> {
    return this.actions.get(id);
  }

  setCurrentAction(modemId: string, actionId: string, ttlSec: number): Promise<void> {
    return this.current.put(modemId, { actionId }, ttlSec);
  }

  async currentAction(modemId: string): Promise<string | null> {
    return (await this.current.get(modemId))?.actionId ?? null;
  }
}
