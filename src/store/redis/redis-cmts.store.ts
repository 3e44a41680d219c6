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
    await this.s.run(() =>
      this.s.redis
        .multi()
        .set(this.s.key('cmts', record.id), encodeJson(record))
        .zadd(this.s.key('cmtses'), 0, record.id)
        .exec(),
    );
  }

  async getCmts(id: string): Promise<CmtsRecord | null> {
    const json = await this.s.run(() => this.s.redis.get(this.s.key('cmts', id)));
    return json ? decodeJson<CmtsRecord>(json) : null;
  }

  async deleteCmts(id: string): Promise<boolean> {
    const results = await this.s.run(() =>
      this.s.redis.multi().del(this.s.key('cmts', id)).zrem(this.s.key('cmtses'), id).exec(),
    );
    return Number(results?.[0]?.[1] ?? 0) > 0;
  }

  async listCmts(): Promise<CmtsRecord[]> {
    const ids = await this.s.run(() => this.s.redis.zrange(this.s.key('cmtses'), 0, -1));
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.s.run(() => this.s.redis.mget(ids.map((id) => this.s.key('cmts', id))));
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<CmtsRecord>(j));
  }
}
