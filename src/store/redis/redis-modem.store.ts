import { groupKey, type ModemRecord } from '../../domain/modem-record';
import { ModemStore } from '../../inventory/modem.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';
import type { RedisSpace, SlotWrite } from './redis-space';

/** Keys: modem:<id>, modems, mac:<mac>, cust:<number>, grp:<cmts>:<group>, grps:<cmts>. */
export class RedisModemStore extends ModemStore {
  constructor(private readonly s: RedisSpace) {
    super();
  }

  async putModem(record: ModemRecord): Promise<void> {
    const previous = await this.getModem(record.id);
    const modem = this.s.key('modem', record.id);
    const modems = this.s.key('modems');
    const index: SlotWrite[] = [...this.unindex(previous), [modems, (tx) => tx.zadd(modems, 0, record.id)]];
    if (record.mac) {
      const mac = this.s.key('mac', record.mac);
      index.push([mac, (tx) => tx.set(mac, record.id)]);
    }
    if (record.customer) {
      const cust = this.s.key('cust', record.customer.customerNumber);
      index.push([cust, (tx) => tx.sadd(cust, record.id)]);
    }
    const m = record.membership;
    if (m) {
      const grp = this.s.key('grp', `${m.cmtsId}:${groupKey(m)}`);
      const grps = this.s.key('grps', m.cmtsId);
      index.push([grp, (tx) => tx.sadd(grp, record.id)], [grps, (tx) => tx.sadd(grps, groupKey(m))]);
    }
    // The indexes first, the record last: a retry after a failure still finds the previous record to unindex.
    await this.s.run(() => this.s.write(index, [[modem, (tx) => tx.set(modem, encodeJson(record))]]));
  }

  private unindex(record: ModemRecord | null): SlotWrite[] {
    const out: SlotWrite[] = [];
    if (record?.mac) {
      const mac = this.s.key('mac', record.mac);
      out.push([mac, (tx) => tx.del(mac)]);
    }
    if (record?.customer) {
      const cust = this.s.key('cust', record.customer.customerNumber);
      out.push([cust, (tx) => tx.srem(cust, record.id)]);
    }
    const m = record?.membership;
    if (record && m) {
      const grp = this.s.key('grp', `${m.cmtsId}:${groupKey(m)}`);
      out.push([grp, (tx) => tx.srem(grp, record.id)]);
    }
    return out;
  }

  async getModem(id: string): Promise<ModemRecord | null> {
    const json = await this.s.run(() => this.s.redis.get(this.s.key('modem', id)));
    return json ? decodeJson<ModemRecord>(json) : null;
  }

  async getModems(ids: readonly string[]): Promise<ModemRecord[]> {
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.s.run(() => this.s.mget(ids.map((id) => this.s.key('modem', id))));
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<ModemRecord>(j));
  }

  async deleteModem(id: string): Promise<boolean> {
    const previous = await this.getModem(id);
    const modem = this.s.key('modem', id);
    const modems = this.s.key('modems');
    // The indexes first, the record last (a retry finds it again to unindex); the reply is the record's DEL.
    const replies = await this.s.run(() =>
      this.s.write(
        [[modems, (tx) => tx.zrem(modems, id)], ...this.unindex(previous)],
        [[modem, (tx) => tx.del(modem)]],
      ),
    );
    return Number(replies.at(-1)) > 0;
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
