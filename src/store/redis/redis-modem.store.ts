import type Redis from 'ioredis';
import { groupKey, type ModemRecord } from '../../domain/modem-record';
import { ModemStore } from '../../inventory/modem.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';
import type { RedisSpace } from './redis-space';

/** Keys: modem:<id>, modems, mac:<mac>, cust:<number>, grp:<cmts>:<group>, grps:<cmts>. */
export class RedisModemStore extends ModemStore {
  constructor(private readonly s: RedisSpace) {
    super();
  }

  async putModem(record: ModemRecord): Promise<void> {
    const previous = await this.getModem(record.id);
    const tx = this.s.redis.multi();
    this.unindex(tx, previous);
    tx.set(this.s.key('modem', record.id), encodeJson(record)).zadd(this.s.key('modems'), 0, record.id);
    if (record.mac) {
      tx.set(this.s.key('mac', record.mac), record.id);
    }
    if (record.customer) {
      tx.sadd(this.s.key('cust', record.customer.customerNumber), record.id);
    }
    const m = record.membership;
    if (m) {
      tx.sadd(this.s.key('grp', `${m.cmtsId}:${groupKey(m)}`), record.id).sadd(
        this.s.key('grps', m.cmtsId),
        groupKey(m),
      );
    }
    await this.s.run(() => tx.exec());
  }

  private unindex(tx: ReturnType<Redis['multi']>, record: ModemRecord | null): void {
    if (record?.mac) {
      tx.del(this.s.key('mac', record.mac));
    }
    if (record?.customer) {
      tx.srem(this.s.key('cust', record.customer.customerNumber), record.id);
    }
    const m = record?.membership;
    if (record && m) {
      tx.srem(this.s.key('grp', `${m.cmtsId}:${groupKey(m)}`), record.id);
    }
  }

  async getModem(id: string): Promise<ModemRecord | null> {
    const json = await this.s.run(() => this.s.redis.get(this.s.key('modem', id)));
    return json ? decodeJson<ModemRecord>(json) : null;
  }

  async getModems(ids: readonly string[]): Promise<ModemRecord[]> {
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.s.run(() => this.s.redis.mget(ids.map((id) => this.s.key('modem', id))));
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<ModemRecord>(j));
  }

  async deleteModem(id: string): Promise<boolean> {
    const previous = await this.getModem(id);
    const tx = this.s.redis.multi();
    tx.del(this.s.key('modem', id));
    tx.zrem(this.s.key('modems'), id);
    this.unindex(tx, previous);
    const results = await this.s.run(() => tx.exec());
    return Number(results?.[1]?.[1] ?? 0) > 0;
  }

  async listModems(offset: number, limit: number): Promise<{ total: number; items: ModemRecord[] }> {
    const [total, ids] = await this.s.run(() =>
      Promise.all([
        this.s.redis.zcard(this.s.key('modems')),
        this.s.redis.zrange(this.s.key('modems'), offset, offset + limit - 1),
      ]),
    );
    if (ids.length === 0) {
      return { total, items: [] };
    }
    return { total, items: await this.getModems(ids) };
  }

  async modemIdByMac(mac: string): Promise<string | null> {
    return this.s.run(() => this.s.redis.get(this.s.key('mac', mac)));
  }

  async modemIdsByCustomer(customerNumber: string): Promise<string[]> {
    return (await this.s.run(() => this.s.redis.smembers(this.s.key('cust', customerNumber)))).sort();
  }

  async groupMembers(cmtsId: string, group: string): Promise<string[]> {
    return (await this.s.run(() => this.s.redis.smembers(this.s.key('grp', `${cmtsId}:${group}`)))).sort();
  }

  async groups(cmtsId: string): Promise<string[]> {
    const keys = await this.s.run(() => this.s.redis.smembers(this.s.key('grps', cmtsId)));
    const sizes = await this.s.run(() =>
      Promise.all(keys.map((g) => this.s.redis.scard(this.s.key('grp', `${cmtsId}:${g}`)))),
    );
    return keys.filter((_, i) => sizes[i] > 0).sort();
  }
}
