import type { RetentionPolicy } from '../config/app-config';
import type { CounterSnapshot, HistoryEntry } from '../domain/diagnosis';
import { groupKey, type CmtsRecord, type ModemRecord } from '../domain/modem-record';
import { decodeJson, encodeJson } from './reading-codec';
import {
  TelemetryStore,
  type AuditEntry,
  type StoredReading,
  type SweepOutcome,
  type SweepState,
  type VerdictSummary,
} from './telemetry-store';

const MAX_SWEEPS = 50;

/** Single-instance store for running without Redis. Same contract as the Redis one. */
export class MemoryTelemetryStore extends TelemetryStore {
  readonly kind = 'memory' as const;
  private readonly modems = new Map<string, string>();
  private readonly latestById = new Map<string, { json: string; expiresAt: number }>();
  private readonly historyById = new Map<string, HistoryEntry[]>();
  private readonly countersById = new Map<string, CounterSnapshot[]>();
  private readonly cmtsById = new Map<string, string>();
  private readonly macIndex = new Map<string, string>();
  /** Modem id -> when its latest reading found it silent. */
  private readonly silentSince = new Map<string, number>();
  /** cmtsId -> group -> modem ids */
  private readonly groupIndex = new Map<string, Map<string, Set<string>>>();
  private readonly verdicts = new Map<string, VerdictSummary>();
  private readonly sweeps = new Map<string, { state: SweepState; seen: Set<string> }>();
  private readonly slots = new Map<string, number>();
  private readonly nextFree = new Map<string, number>();
  private readonly customerIndex = new Map<string, Set<string>>();
  private readonly docs = new Map<string, { json: string; expiresAt: number }>();
  private docsPruneAt = 1024;
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private audit: AuditEntry[] = [];

  constructor(
    private readonly retention: RetentionPolicy,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

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

  getModems(ids: readonly string[]): Promise<ModemRecord[]> {
    return Promise.resolve(
      ids.flatMap((id) => {
        const json = this.modems.get(id);
        return json ? [decodeJson<ModemRecord>(json)] : [];
      }),
    );
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

  getModem(id: string): Promise<ModemRecord | null> {
    const json = this.modems.get(id);
    return Promise.resolve(json ? decodeJson<ModemRecord>(json) : null);
  }

  deleteModem(id: string): Promise<boolean> {
    const previous = this.modems.get(id);
    this.unindex(previous ? decodeJson<ModemRecord>(previous) : null);
    this.verdicts.delete(id);
    this.silentSince.delete(id);
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
    const { verdict, subKinds } = stored.diagnosis;
    this.verdicts.set(id, { verdict, subKinds, at: stored.reading.observedAt });
    if (stored.reading.reachable) {
      this.silentSince.delete(id);
    } else {
      this.silentSince.set(id, stored.reading.observedAt);
    }

    this.appendHistory(id, [entry], now);

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

  createSweep(sweep: SweepState): Promise<void> {
    this.sweeps.set(sweep.id, { state: structuredClone(sweep), seen: new Set() });
    while (this.sweeps.size > MAX_SWEEPS) {
      this.sweeps.delete(this.sweeps.keys().next().value!);
    }
    return Promise.resolve();
  }

  recordSweepOutcomes(sweepId: string, outcomes: readonly SweepOutcome[], now: number): Promise<void> {
    const sweep = this.sweeps.get(sweepId);
    if (sweep) {
      const s = sweep.state;
      for (const o of outcomes) {
        if (sweep.seen.has(o.modemId)) {
          continue;
        }
        sweep.seen.add(o.modemId);
        if (o.verdict) {
          s.done++;
          s.byVerdict[o.verdict] = (s.byVerdict[o.verdict] ?? 0) + 1;
        } else {
          s.failed++;
        }
      }
      if (s.finishedAt == null && s.done + s.failed >= s.total) {
        s.finishedAt = now;
      }
    }
    return Promise.resolve();
  }

  getSweep(id: string): Promise<SweepState | null> {
    const sweep = this.sweeps.get(id);
    return Promise.resolve(sweep ? structuredClone(sweep.state) : null);
  }

  listSweeps(limit: number): Promise<SweepState[]> {
    const all = [...this.sweeps.values()].map((s) => structuredClone(s.state));
    return Promise.resolve(all.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit));
  }

  claimSlot(slot: string, ttlSec: number): Promise<boolean> {
    const now = this.now();
    const held = this.slots.get(slot);
    if (held != null && held > now) {
      return Promise.resolve(false);
    }
    this.slots.set(slot, now + ttlSec * 1000);
    return Promise.resolve(true);
  }

  reserveSlots(limits: readonly { key: string; intervalMs: number }[]): Promise<number> {
    const now = this.now();
    const start = Math.max(now, ...limits.map((l) => this.nextFree.get(l.key) ?? 0));
    for (const l of limits) {
      this.nextFree.set(l.key, start + l.intervalMs);
    }
    return Promise.resolve(start - now);
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

  putDoc(kind: string, id: string, value: unknown, ttlSec?: number): Promise<void> {
    const expiresAt = ttlSec ? this.now() + ttlSec * 1000 : Infinity;
    this.docs.set(`${kind}:${id}`, { json: encodeJson(value), expiresAt });
    // Expired documents are dropped whenever the map has doubled since the last look: amortised O(1) per put.
    if (this.docs.size >= this.docsPruneAt) {
      const now = this.now();
      for (const [k, d] of this.docs) {
        if (d.expiresAt <= now) {
          this.docs.delete(k);
        }
      }
      this.docsPruneAt = Math.max(1024, 2 * this.docs.size);
    }
    return Promise.resolve();
  }

  getDoc<T>(kind: string, id: string): Promise<T | null> {
    const doc = this.docs.get(`${kind}:${id}`);
    return Promise.resolve(doc && doc.expiresAt > this.now() ? decodeJson<T>(doc.json) : null);
  }

  deleteDoc(kind: string, id: string): Promise<boolean> {
    return Promise.resolve(this.docs.delete(`${kind}:${id}`));
  }

  listDocs<T>(kind: string): Promise<T[]> {
    return Promise.resolve(
      [...this.docs.entries()]
        .filter(([k, d]) => k.startsWith(`${kind}:`) && d.expiresAt === Infinity)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, d]) => decodeJson<T>(d.json)),
    );
  }

  bumpCounter(kind: string, id: string, ttlSec: number): Promise<number> {
    const key = `${kind}:${id}`;
    const now = this.now();
    const current = this.counters.get(key);
    const next =
      current && current.expiresAt > now
        ? { ...current, count: current.count + 1 }
        : { count: 1, expiresAt: now + ttlSec * 1000 };
    this.counters.set(key, next);
    return Promise.resolve(next.count);
  }

  getCounter(kind: string, id: string): Promise<{ count: number; ttlSec: number }> {
    const c = this.counters.get(`${kind}:${id}`);
    const now = this.now();
    return Promise.resolve(
      c && c.expiresAt > now
        ? { count: c.count, ttlSec: Math.ceil((c.expiresAt - now) / 1000) }
        : { count: 0, ttlSec: 0 },
    );
  }

  clearCounter(kind: string, id: string): Promise<void> {
    this.counters.delete(`${kind}:${id}`);
    return Promise.resolve();
  }

  appendAudit(entry: AuditEntry, retentionSec: number): Promise<void> {
    const keepFrom = this.now() - retentionSec * 1000;
    this.audit = [...this.audit.filter((e) => e.at >= keepFrom), structuredClone(entry)];
    return Promise.resolve();
  }

  listAudit(sinceMs: number, limit: number): Promise<AuditEntry[]> {
    return Promise.resolve(
      this.audit
        .filter((e) => e.at >= sinceMs)
        .reverse()
        .slice(0, limit)
        .map((e) => structuredClone(e)),
    );
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
