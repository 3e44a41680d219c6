import { decodeJson, encodeJson } from '../../domain/reading-json';
import type { DocSpace, Docs } from '../doc-stores';

/** Small JSON documents of one kind in this process, as RedisDocs keeps them: expiring ones are read by id only. */
export class MemoryDocs<T> implements Docs<T> {
  private readonly docs = new Map<string, { json: string; expiresAt: number }>();
  private pruneAt = 1024;

  constructor(private readonly now: () => number = Date.now) {}

  put(id: string, value: T, ttlSec?: number): Promise<void> {
    const expiresAt = ttlSec ? this.now() + ttlSec * 1000 : Infinity;
    this.docs.set(id, { json: encodeJson(value), expiresAt });
    // Expired documents are dropped whenever the map has doubled since the last look: amortised O(1) per put.
    if (this.docs.size >= this.pruneAt) {
      const now = this.now();
      for (const [k, d] of this.docs) {
        if (d.expiresAt <= now) {
          this.docs.delete(k);
        }
      }
      this.pruneAt = Math.max(1024, 2 * this.docs.size);
    }
    return Promise.resolve();
  }

  get(id: string): Promise<T | null> {
    const doc = this.docs.get(id);
    return Promise.resolve(doc && doc.expiresAt > this.now() ? decodeJson<T>(doc.json) : null);
  }

  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.docs.delete(id));
  }

  /** Every document stored without a TTL, in id order. */
  list(): Promise<T[]> {
    return Promise.resolve(
      [...this.docs.entries()]
        .filter(([, d]) => d.expiresAt === Infinity)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, d]) => decodeJson<T>(d.json)),
    );
  }
}

/** Documents in this process: a MemoryDocs per kind. */
export function memoryDocSpace(now: () => number = Date.now): DocSpace {
  return <T>() => new MemoryDocs<T>(now);
}
