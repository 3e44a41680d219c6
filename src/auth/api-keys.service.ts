import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/app-errors';
import { AppConfig } from '../config/app-config';
import { ApiKeyStore } from './api-key.store';
import {
  hashKey,
  keyRecord,
  newKeySecret,
  ROLES,
  type ApiKeyRecord,
  type Caller,
  type Role,
} from '../domain/api-key';

/** Admin-made keys are looked up in the store; a found key is trusted this long before it is read again. */
const CACHE_MS = 10_000;

/** Everyone, when no keys are configured (loopback only, with a loud warning at start). */
export const OPEN_CALLER: Caller = { keyId: 'open-access', name: 'open access (no API_KEYS)', roles: ROLES };

export type ApiKeyView = Omit<ApiKeyRecord, 'hash'>;

/** API keys from the configuration and from the admin endpoint. Only hashes are kept, never a secret. */
@Injectable()
export class ApiKeysService {
  private readonly configured: Map<string, ApiKeyRecord>;
  private readonly cache = new Map<string, { record: ApiKeyRecord | null; until: number }>();

  constructor(
    config: AppConfig,
    @Inject(ApiKeyStore) private readonly store: ApiKeyStore,
  ) {
    this.configured = new Map(config.auth.keys.map((k) => [k.hash, k]));
  }

  get enforced(): boolean {
    return this.configured.size > 0;
  }

  /** The caller a presented key stands for, or null when it is no valid key. */
  async authenticate(secret: string | undefined): Promise<Caller | null> {
    if (!this.enforced) {
      return OPEN_CALLER;
    }
    if (!secret) {
      return null;
    }
    const hash = hashKey(secret);
    const record = this.configured.get(hash) ?? (await this.stored(hash));
    return record ? { keyId: record.id, name: record.name, roles: record.roles } : null;
  }

  async create(name: string, roles: Role[]): Promise<{ key: string; record: ApiKeyView }> {
    const key = newKeySecret();
    const record = keyRecord(name, roles, hashKey(key), 'admin', Date.now());
    await this.store.putKey(record);
    return { key, record: view(record) };
  }

  async list(): Promise<ApiKeyView[]> {
    const stored = await this.store.listKeys();
    return [...this.configured.values(), ...stored].map(view);
  }

  async revoke(id: string): Promise<ApiKeyView> {
    const record = (await this.store.listKeys()).find((k) => k.id === id);
    if (!record) {
      const fromConfig = [...this.configured.values()].some((k) => k.id === id);
      throw new NotFoundError(
        fromConfig ? `key ${id} comes from API_KEYS: remove it there` : `unknown key ${id}`,
      );
    }
    await this.store.deleteKey(record.hash);
    this.cache.delete(record.hash);
    return view(record);
  }

  private async stored(hash: string): Promise<ApiKeyRecord | null> {
    const now = Date.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > now) {
      return hit.record;
    }
    const record = await this.store.getKey(hash);
    if (this.cache.size > 10_000) {
      this.cache.clear();
    }
    // Unknown keys are remembered briefly too, so a flood of bad keys does not become a flood of reads.
    this.cache.set(hash, { record, until: now + CACHE_MS });
    return record;
  }
}

function view({ hash: _hash, ...rest }: ApiKeyRecord): ApiKeyView {
  return rest;
}
