import type { CounterSnapshot, HistoryEntry } from '../diagnosis/types';
import type { ModemRecord } from '../inventory/modem-record';
import { decodeJson, encodeJson } from './reading-codec';
import { TelemetryStore, type RetentionPolicy, type StoredReading } from './telemetry-store';

/** Single-instance store for running without Redis. Same contract as the Redis one. */
export class MemoryTelemetryStore extends TelemetryStore {
  readonly kind = 'memory' as const;
  private readonly modems = new Map<string, string>();
  private readonly latestById = new Map<string, { json: string; expiresAt: number }>();
  private readonly historyById = new Map<string, HistoryEntry[]>();
  private readonly countersById = new Map<string, CounterSnapshot[]>();

  constructor(
    private readonly retention: RetentionPolicy,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  putModem(record: ModemRecord): Promise<void> {
    this.modems.set(record.id, encodeJson(record));
    return Promise.resolve();
  }

  getModem(id: string): Promise<ModemRecord | null> {
    const json = this.modems.get(id);
    return Promise.resolve(json ? decodeJson<ModemRecord>(json) : null);
  }

  deleteModem(id: string): Promise<boolean> {
    this.latestById.delete(id);
    this.historyById.delete(id);
    this.countersById.delete(id);
    return Promise.resolve(this.modems.delete(id));
  }

  listModems(offset: number, limit: number): Promise<{ total: number; items: ModemRecord[] }> {
    const ids = [...this.modems.keys()].sort();
    const items = ids
      .slice(offset, offset + limit)
      .map((id) => decodeJson<ModemRecord>(this.modems.get(id)!));
    return Promise.resolve({ total: ids.length, items });
  }

  saveReading(stored: StoredReading, entry: HistoryEntry, counters: CounterSnapshot | null): Promise<void> {
    const id = stored.reading.modemId;
    const now = this.now();
    this.latestById.set(id, {
      json: encodeJson(stored),
      expiresAt: now + this.retention.readingTtlSec * 1000,
    });

    const history = (this.historyById.get(id) ?? []).filter(
      (e) => e.at >= now - this.retention.historyRetentionSec * 1000,
    );
    history.push(entry);
    history.sort((a, b) => a.at - b.at);
    this.historyById.set(id, history.slice(-this.retention.historyMaxEntries));

    if (counters) {
      const kept = (this.countersById.get(id) ?? []).filter(
        (s) => s.at >= now - (this.retention.counterWindowSec + this.retention.counterSpacingSec) * 1000,
      );
      const newest = kept[kept.length - 1];
      if (!newest || counters.at - newest.at >= this.retention.counterSpacingSec * 1000) {
        kept.push(counters);
      }
      this.countersById.set(id, kept);
    }
    return Promise.resolve();
  }

  latest(modemId: string): Promise<StoredReading | null> {
    const hit = this.latestById.get(modemId);
    if (!hit || hit.expiresAt <= this.now()) {
      return Promise.resolve(null);
    }
    return Promise.resolve(decodeJson<StoredReading>(hit.json));
  }

  history(modemId: string, sinceMs: number): Promise<HistoryEntry[]> {
    return Promise.resolve((this.historyById.get(modemId) ?? []).filter((e) => e.at >= sinceMs));
  }

  counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null> {
    const s = (this.countersById.get(modemId) ?? []).find((c) => c.at >= notBeforeMs);
    return Promise.resolve(s ?? null);
  }

  tryLockPoll(): Promise<boolean> {
    return Promise.resolve(true);
  }

  unlockPoll(): Promise<void> {
    return Promise.resolve();
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
