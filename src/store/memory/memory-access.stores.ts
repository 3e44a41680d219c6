import { RemoteActionStore } from '../../actions/remote-action.store';
import type { RemoteAction } from '../../actions/remote-action';
import { ApiKeyStore } from '../../auth/api-key.store';
import type { ApiKeyRecord } from '../../domain/api-key';
import { LineTokenStore, type LineGrant } from '../../lines/line-token.store';
import { VerifyAttemptStore } from '../../lines/verify-attempt.store';
import { MemoryDocs } from './memory-docs';

// Keys, tokens, verification attempts and remote actions in this process. Same contracts as the Redis ones.

export class MemoryApiKeyStore extends ApiKeyStore {
  private readonly docs: MemoryDocs<ApiKeyRecord>;

  constructor(now: () => number = Date.now) {
    super();
    this.docs = new MemoryDocs(now);
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

export class MemoryLineTokenStore extends LineTokenStore {
  private readonly docs: MemoryDocs<LineGrant>;

  constructor(now: () => number = Date.now) {
    super();
    this.docs = new MemoryDocs(now);
  }

  putGrant(digest: string, grant: LineGrant, ttlSec: number): Promise<void> {
    return this.docs.put(digest, grant, ttlSec);
  }

  getGrant(digest: string): Promise<LineGrant | null> {
    return this.docs.get(digest);
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

export class MemoryRemoteActionStore extends RemoteActionStore {
  private readonly actions: MemoryDocs<RemoteAction>;
  private readonly current: MemoryDocs<{ actionId: string }>;

  constructor(now: () => number = Date.now) {
    super();
    this.actions = new MemoryDocs(now);
    this.current = new MemoryDocs(now);
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
