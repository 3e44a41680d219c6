import type { RetentionPolicy } from '../../config/app-config';
import type { CounterSnapshot, HistoryEntry } from '../../domain/diagnosis';
import type { ModemEventLog } from '../../domain/modem-reading';
import {
  eventLogOf,
  ReadingStore,
  type StoredReading,
  verdictSummary,
  type VerdictSummary,
} from '../../readings/reading.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';

/** Readings, history and counter snapshots in this process (single instance). Same contract as RedisReadingStore. */
export class MemoryReadingStore extends ReadingStore {
  private readonly latestById = new Map<string, { json: string; expiresAt: number }>();
  private readonly eventLogs = new Map<string, { json: string; expiresAt: number }>();
  private readonly historyById = new Map<string, HistoryEntry[]>();
  private readonly countersById = new Map<string, CounterSnapshot[]>();
  /** Modem id -> when its latest reading found it silent. */
  private readonly silentSince = new Map<string, number>();
  private readonly verdicts = new Map<string, VerdictSummary>();

  constructor(
    private readonly retention: RetentionPolicy,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  saveReading(stored: StoredReading, entry: HistoryEntry, counters: CounterSnapshot | null): Promise<void> {
    const id = stored.reading.modemId;
    const now = this.now();
    this.latestById.set(id, {
      json: encodeJson(stored),
      expiresAt: now + this.retention.readingTtlSec * 1000,
    });
    this.verdicts.set(id, verdictSummary(stored));
    if (stored.reading.reachable) {
      this.silentSince.delete(id);
    } else {
      this.silentSince.set(id, stored.reading.observedAt);
    }

    this.appendHistory(id, [entry], now);
    const log = eventLogOf(stored);
    if (log) {
      this.eventLogs.set(id, {
        json: JSON.stringify(log),
        expiresAt: now + this.retention.historyRetentionSec * 1000,
      });
    }

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

  eventLog(modemId: string): Promise<ModemEventLog | null> {
    const hit = this.eventLogs.get(modemId);
    return Promise.resolve(
      hit && hit.expiresAt > this.now() ? (JSON.parse(hit.json) as ModemEventLog) : null,
    );
  }

  latest(modemId: string): Promise<StoredReading | null> {
    const hit = this.latestById.get(modemId);
    if (!hit || hit.expiresAt <= this.now()) {
      return Promise.resolve(null);
    }
    return Promise.resolve(decodeJson<StoredReading>(hit.json));
  }

  latestVerdicts(modemIds: readonly string[]): Promise<Map<string, VerdictSummary>> {
    const out = new Map<string, VerdictSummary>();
    for (const id of modemIds) {
      const v = this.verdicts.get(id);
      if (v) {
        out.set(id, v);
      }
    }
    return Promise.resolve(out);
  }

  silentModemsSince(sinceMs: number): Promise<number> {
    let n = 0;
    this.silentSince.forEach((at) => (n += at >= sinceMs ? 1 : 0));
    return Promise.resolve(n);
  }

  addHistory(modemId: string, entries: readonly HistoryEntry[]): Promise<void> {
    this.appendHistory(modemId, entries, this.now());
    return Promise.resolve();
  }

  private appendHistory(id: string, entries: readonly HistoryEntry[], now: number): void {
    const history = (this.historyById.get(id) ?? []).filter(
      (e) => e.at >= now - this.retention.historyRetentionSec * 1000,
    );
    history.push(...entries);
    history.sort((a, b) => a.at - b.at);
    this.historyById.set(id, history.slice(-this.retention.historyMaxEntries));
  }

  history(modemId: string, sinceMs: number): Promise<HistoryEntry[]> {
    return Promise.resolve((this.historyById.get(modemId) ?? []).filter((e) => e.at >= sinceMs));
  }

  counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null> {
    const s = (this.countersById.get(modemId) ?? []).find((c) => c.at >= notBeforeMs);
    return Promise.resolve(s ?? null);
  }

  forgetModem(modemId: string): Promise<void> {
    this.verdicts.delete(modemId);
    this.silentSince.delete(modemId);
    this.latestById.delete(modemId);
    this.historyById.delete(modemId);
    this.countersById.delete(modemId);
    this.eventLogs.delete(modemId);
    return Promise.resolve();
  }
}
