import { decodeJson, encodeJson } from '../../domain/reading-json';
import type { DocSpace, Docs } from '../doc-stores';
import type { RedisSpace } from './redis-space';

/**
 * Small JSON documents of one kind: `doc:<kind>:<id>`, and `docs:<kind>` the set of the lasting ones. One stored
 * with a TTL is read by id only and leaves nothing behind when it expires.
 */
export class RedisDocs<T> implements Docs<T> {
  constructor(
    private readonly s: RedisSpace,
    private readonly kind: string,
  ) {}

  async put(id: string, value: T, ttlSec?: number): Promise<void> {
    const key = this.s.key(`doc:${this.kind}`, id);
    const index = this.s.key('docs', this.kind);
    // Only lasting documents are indexed for list: an index entry per expiring one would outlive it for good. On a
    // cluster the index is another slot, written after the document: list() never sees an id before its document.
    await this.s.run(() =>
      this.s.write(
        [
          [
            key,
            (tx) => (ttlSec ? tx.set(key, encodeJson(value), 'EX', ttlSec) : tx.set(key, encodeJson(value))),
          ],
        ],
        [[index, (tx) => (ttlSec ? tx.srem(index, id) : tx.sadd(index, id))]],
      ),
    );
  }

  async get(id: string): Promise<T | null> {
    const json = await this.s.run(() => this.s.redis.get(this.s.key(`doc:${this.kind}`, id)));
    return json ? decodeJson<T>(json) : null;
  }

  async delete(id: string): Promise<boolean> {
    const key = this.s.key(`doc:${this.kind}`, id);
    const index = this.s.key('docs', this.kind);
    // The document first: once DELETE has answered, whatever happens to the index, the id reads as gone (a key no
    // longer works); list() drops an id whose document is missing.
    const [removed] = await this.s.run(() =>
      this.s.write([[key, (tx) => tx.del(key)]], [[index, (tx) => tx.srem(index, id)]]),
    );
    return removed === 1;
  }

  /** Every document of the kind stored without a TTL, in id order. */
  async list(): Promise<T[]> {
    const ids = (await this.s.run(() => this.s.redis.smembers(this.s.key('docs', this.kind)))).sort();
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.s.run(() => this.s.mget(ids.map((id) => this.s.key(`doc:${this.kind}`, id))));
    const gone = ids.filter((_, i) => jsons[i] == null);
    if (gone.length > 0) {
      await this.s.run(() => this.s.redis.srem(this.s.key('docs', this.kind), ...gone));
    }
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<T>(j));
  }
}

/** Documents on the shared Redis: a RedisDocs per kind. */
export function redisDocSpace(s: RedisSpace): DocSpace {
  return <T>(kind: string) => new RedisDocs<T>(s, kind);
}
