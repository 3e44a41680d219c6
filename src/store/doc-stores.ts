import { RemoteActionStore } from '../actions/remote-action.store';
import type { RemoteAction } from '../actions/remote-action';
import { ApiKeyStore } from '../auth/api-key.store';
import type { ApiKeyRecord } from '../domain/api-key';
import { LineTokenStore, type LineGrant } from '../lines/line-token.store';

// The stores that are small JSON documents by id (API keys, line tokens, remote actions), written once over a
// document space: memory/ gives MemoryDocs (this process), redis/ gives RedisDocs (the shared Redis).

/** Small JSON documents of one kind, by id; one stored with a TTL is read by id only (not listed). */
export interface Docs<T> {
  put(id: string, value: T, ttlSec?: number): Promise<void>;
  get(id: string): Promise<T | null>;
  delete(id: string): Promise<boolean>;
  /** Every document stored without a TTL, in id order. */
  list(): Promise<T[]>;
}

/** Where a store keeps its documents: one collection per kind (on Redis the kind names the keys). */
export type DocSpace = <T>(kind: string) => Docs<T>;

/** API keys by the hash of the secret. Kind `apikey`. */
export class DocApiKeyStore extends ApiKeyStore {
  private readonly docs: Docs<ApiKeyRecord>;

  constructor(space: DocSpace) {
    super();
    this.docs = space('apikey');
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

/** Line grants by token digest, expiring. Kind `linetoken`. */
export class DocLineTokenStore extends LineTokenStore {
  private readonly docs: Docs<LineGrant>;

  constructor(space: DocSpace) {
    super();
    this.docs = space('linetoken');
  }

  putGrant(digest: string, grant: LineGrant, ttlSec: number): Promise<void> {
    return this.docs.put(digest, grant, ttlSec);
  }

  getGrant(digest: string): Promise<LineGrant | null> {
    return this.docs.get(digest);
  }
}

/** Remote actions by id (kind `action`) and each modem's current reboot (kind `reboot-current`), expiring. */
export class DocRemoteActionStore extends RemoteActionStore {
  private readonly actions: Docs<RemoteAction>;
  private readonly current: Docs<{ actionId: string }>;

  constructor(space: DocSpace) {
    super();
    this.actions = space('action');
    this.current = space('reboot-current');
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
