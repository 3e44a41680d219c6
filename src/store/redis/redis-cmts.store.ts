import type { CmtsRecord } from '../../domain/modem-record';
import { CmtsStore } from '../../inventory/cmts.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';
import type { RedisSpace } from './redis-space';

/** Keys: cmts:<id>, cmtses. */
export class RedisCmtsStore extends CmtsStore {
  constructor(private readonly s: RedisSpace) {
    super();
  }

  async putCmts(record: CmtsRecord): Promise<void> {
    const cmts = this.s.key('cmts', record.id);
    const cmtses = this.s.key('cmtses');
    // The index first, the record last (on a cluster they are two slots); listCmts skips an id with no record.
    await this.s.run(() =>
      this.s.write(
        [[cmtses, (tx) => tx.zadd(cmtses, 0, record.id)]],
        [[cmts, (tx) => tx.set(cmts, encodeJson(record))]],
      ),
    );
  }

  async getCmts(id: string): Promise<CmtsRecord | null> {
    const json = await this.s.run(() => this.s.redis.get(this.s.key('cmts', id)));
    return json ? decodeJson<CmtsRecord>(json) : null;
  }

  async deleteCmts(id: string): Promise<boolean> {
    const cmts = this.s.key('cmts', id);
    const cmtses = this.s.key('cmtses');
    const replies = await this.s.run(() =>
      this.s.write([[cmtses, (tx) => tx.zrem(cmtses, id)]], [[cmts, (tx) => tx.del(cmts)]]),
    );
    return Number(replies.at(-1)) > 0;
  }

  async listCmts(): Promise<CmtsRecord[]> {
    const ids = await this.s.run(() => this.s.redis.zrange(this.s.key('cmtses'), 0, -1));
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.s.run(() => this.s.mget(ids.map((id) => this.s.key('cmts', id))));
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<CmtsRecord>(j));
  }
}
