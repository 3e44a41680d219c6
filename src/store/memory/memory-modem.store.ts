import { groupKey, type ModemRecord } from '../../domain/modem-record';
import { ModemStore } from '../../inventory/modem.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';

/** The modem inventory in this process (single instance). Same contract as RedisModemStore. */
export class MemoryModemStore extends ModemStore {
  private readonly modems = new Map<string, string>();
  private readonly macIndex = new Map<string, string>();
  /** cmtsId -> group -> modem ids */
  private readonly groupIndex = new Map<string, Map<string, Set<string>>>();
  private readonly customerIndex = new Map<string, Set<string>>();

  putModem(record: ModemRecord): Promise<void> {
    const previous = this.modems.get(record.id);
    this.unindex(previous ? decodeJson<ModemRecord>(previous) : null);
    this.modems.set(record.id, encodeJson(record));
    if (record.mac) {
      this.macIndex.set(record.mac, record.id);
    }
    if (record.customer) {
      const ids = this.customerIndex.get(record.customer.customerNumber) ?? new Set<string>();
      this.customerIndex.set(record.customer.customerNumber, ids.add(record.id));
    }
    const m = record.membership;
    if (m) {
      const groups = this.groupIndex.get(m.cmtsId) ?? new Map<string, Set<string>>();
      this.groupIndex.set(m.cmtsId, groups);
      const members = groups.get(groupKey(m)) ?? new Set<string>();
      groups.set(groupKey(m), members.add(record.id));
    }
    return Promise.resolve();
  }

  private unindex(record: ModemRecord | null): void {
    if (record?.mac && this.macIndex.get(record.mac) === record.id) {
      this.macIndex.delete(record.mac);
    }
    if (record?.customer) {
      this.customerIndex.get(record.customer.customerNumber)?.delete(record.id);
    }
    const m = record?.membership;
    if (record && m) {
      const groups = this.groupIndex.get(m.cmtsId);
      groups?.get(groupKey(m))?.delete(record.id);
      if (groups?.get(groupKey(m))?.size === 0) {
        groups.delete(groupKey(m));
      }
    }
  }

  getModem(id: string): Promise<ModemRecord | null> {
    const json = this.modems.get(id);
    return Promise.resolve(json ? decodeJson<ModemRecord>(json) : null);
  }

  getModems(ids: readonly string[]): Promise<ModemRecord[]> {
    return Promise.resolve(
      ids.flatMap((id) => {
        const json = this.modems.get(id);
        return json ? [decodeJson<ModemRecord>(json)] : [];
      }),
    );
  }

  deleteModem(id: string): Promise<boolean> {
    const previous = this.modems.get(id);
    this.unindex(previous ? decodeJson<ModemRecord>(previous) : null);
    return Promise.resolve(this.modems.delete(id));
  }

  listModems(offset: number, limit: number): Promise<{ total: number; items: ModemRecord[] }> {
    const ids = [...this.modems.keys()].sort();
    const items = ids
      .slice(offset, offset + limit)
      .map((id) => decodeJson<ModemRecord>(this.modems.get(id)!));
    return Promise.resolve({ total: ids.length, items });
  }

  modemIdByMac(mac: string): Promise<string | null> {
    return Promise.resolve(this.macIndex.get(mac) ?? null);
  }

  modemIdsByCustomer(customerNumber: string): Promise<string[]> {
    return Promise.resolve([...(this.customerIndex.get(customerNumber) ?? [])].sort());
  }

  groupMembers(cmtsId: string, group: string): Promise<string[]> {
    return Promise.resolve([...(this.groupIndex.get(cmtsId)?.get(group) ?? [])].sort());
  }

  groups(cmtsId: string): Promise<string[]> {
    return Promise.resolve([...(this.groupIndex.get(cmtsId)?.keys() ?? [])].sort());
  }
}
