import type { CmtsRecord } from '../../domain/modem-record';
import { CmtsStore } from '../../inventory/cmts.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';

/** CMTS records in this process (single instance). Same contract as RedisCmtsStore. */
export class MemoryCmtsStore extends CmtsStore {
  private readonly cmtsById = new Map<string, string>();

  putCmts(record: CmtsRecord): Promise<void> {
    this.cmtsById.set(record.id, encodeJson(record));
    return Promise.resolve();
  }

  getCmts(id: string): Promise<CmtsRecord | null> {
    const json = this.cmtsById.get(id);
    return Promise.resolve(json ? decodeJson<CmtsRecord>(json) : null);
  }

  deleteCmts(id: string): Promise<boolean> {
    return Promise.resolve(this.cmtsById.delete(id));
  }

  listCmts(): Promise<CmtsRecord[]> {
    const ids = [...this.cmtsById.keys()].sort();
    return Promise.resolve(ids.map((id) => decodeJson<CmtsRecord>(this.cmtsById.get(id)!)));
  }
}
