import type { ApiKeyRecord } from '../domain/api-key';

/** API keys made through the admin endpoint, by the hash of their secret (never the secret). */
export abstract class ApiKeyStore {
  abstract putKey(record: ApiKeyRecord): Promise<void>;
  abstract getKey(hash: string): Promise<ApiKeyRecord | null>;
  abstract deleteKey(hash: string): Promise<boolean>;
  /** Every stored key, by hash order. */
  abstract listKeys(): Promise<ApiKeyRecord[]>;
}
