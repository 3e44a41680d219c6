import { UpstreamUnavailableError } from '../common/app-errors';
import type { CounterSnapshot, Diagnosis, HistoryEntry, SubKind, Verdict } from '../domain/diagnosis';
import type { CmtsRecord, ModemRecord } from '../domain/modem-record';
import type { ModemReading } from '../domain/modem-reading';

/** The latest reading of a modem with the verdict it got. */
export interface StoredReading {
  reading: ModemReading;
  diagnosis: Diagnosis;
  thresholdsProfile: string;
}

/** The verdict of a modem's latest diagnosis, kept small for neighbourhood and node views. */
export interface VerdictSummary {
  verdict: Verdict;
  subKinds: SubKind[];
  at: number;
}

export type SweepScope =
  | { kind: 'all' }
  | { kind: 'cmts'; cmtsId: string }
  | { kind: 'node'; cmtsId: string; serviceGroupId: string };

/** A sweep's progress. Counts are exact: each modem is counted once however often its chunk is retried. */
export interface SweepState {
  id: string;
  scope: SweepScope;
  /** Who started it: a client, the interval schedule, or the app's start (SWEEP_AT_START). */
  trigger: 'api' | 'schedule' | 'start';
  total: number;
  done: number;
  failed: number;
  byVerdict: Partial<Record<Verdict, number>>;
  createdAt: number;
  finishedAt: number | null;
}

/** One modem's outcome in a sweep: its verdict, or null when the check itself failed. */
export interface SweepOutcome {
  modemId: string;
  verdict: Verdict | null;
}

/** One line of the audit log: who did what to what, and how it ended. Never secrets. */
export interface AuditEntry {
  at: number;
  actor: { keyId: string; name: string };
  action: string;
  target?: string;
  outcome: string;
  detail?: Record<string, string | number | boolean | null>;
}

/** Redis did not answer: 503, "retry shortly"; the cause goes to the logs only. */
export class StoreUnavailableError extends UpstreamUnavailableError {
  override name = 'StoreUnavailableError';

  constructor(message: string) {
    super(message, { temporary: true, publicMessage: 'telemetry store unavailable; retry shortly' });
  }
}

/**
 * Everything Linecheck keeps: the inventory, the latest reading per modem, a bounded history and the
 * codeword snapshots that FEC windows start from. Two implementations: Redis, and in-process for a single
 * instance without Redis. One contract suite runs against both.
 */
export abstract class TelemetryStore {
  abstract readonly kind: 'redis' | 'memory';

  abstract putModem(record: ModemRecord): Promise<void>;
  abstract getModem(id: string): Promise<ModemRecord | null>;
  abstract deleteModem(id: string): Promise<boolean>;
  /** Modems in id order. */
  abstract listModems(offset: number, limit: number): Promise<{ total: number; items: ModemRecord[] }>;
  abstract getModems(ids: readonly string[]): Promise<ModemRecord[]>;
  abstract modemIdByMac(mac: string): Promise<string | null>;
  /** Modems whose customer record carries this (normalised) customer number. */
  abstract modemIdsByCustomer(customerNumber: string): Promise<string[]>;
  /** Modems whose last known membership is this group of this CMTS. */
  abstract groupMembers(cmtsId: string, group: string): Promise<string[]>;
  /** Groups with at least one member on this CMTS. */
  abstract groups(cmtsId: string): Promise<string[]>;

  abstract putCmts(record: CmtsRecord): Promise<void>;
  abstract getCmts(id: string): Promise<CmtsRecord | null>;
  abstract deleteCmts(id: string): Promise<boolean>;
  abstract listCmts(): Promise<CmtsRecord[]>;

  /** Latest verdicts of several modems (missing ones are left out). */
  abstract latestVerdicts(modemIds: readonly string[]): Promise<Map<string, VerdictSummary>>;

  /** Stores the latest reading (with TTL), appends its history entry and, when due, a counter snapshot. */
  abstract saveReading(
    stored: StoredReading,
    history: HistoryEntry,
    counters: CounterSnapshot | null,
  ): Promise<void>;
  /** Adds history entries without a reading (the simulator's made-up past of a modem switched to a scenario). */
  abstract addHistory(modemId: string, entries: readonly HistoryEntry[]): Promise<void>;
  abstract latest(modemId: string): Promise<StoredReading | null>;
  /**
   * How many modems' latest reading is a silent one (the modem did not answer) taken at or after `sinceMs`: a
   * burst of silence across the fleet is evidence in itself. Kept by saveReading (one entry per modem at most).
   */
  abstract silentModemsSince(sinceMs: number): Promise<number>;
  /** History entries at or after `sinceMs`, oldest first. */
  abstract history(modemId: string, sinceMs: number): Promise<HistoryEntry[]>;
  /** The earliest counter snapshot at or after `notBeforeMs`. */
  abstract counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null>;

  /**
   * Cross-instance guard for one poll of one modem: true when this caller may poll. The in-process store
   * always says true (the caller coalesces concurrent requests in memory first).
   */
  abstract tryLockPoll(modemId: string, ttlMs: number): Promise<boolean>;
  abstract unlockPoll(modemId: string): Promise<void>;

  abstract createSweep(sweep: SweepState): Promise<void>;
  /** Counts outcomes not counted before for this sweep; marks the sweep finished when all are in. */
  abstract recordSweepOutcomes(
    sweepId: string,
    outcomes: readonly SweepOutcome[],
    now: number,
  ): Promise<void>;
  abstract getSweep(id: string): Promise<SweepState | null>;
  /** Most recent first. */
  abstract listSweeps(limit: number): Promise<SweepState[]>;
  /** True for exactly one caller per slot name (until ttl): one scheduled sweep per interval, across instances. */
  abstract claimSlot(slot: string, ttlSec: number): Promise<boolean>;
  /**
   * Rate limiting across instances: reserves the next free slot on every given limit at once (each allows one
   * event per `intervalMs`) and returns how long the caller must wait before its event. Clocks are the store's.
   */
  abstract reserveSlots(limits: readonly { key: string; intervalMs: number }[]): Promise<number>;

  /**
   * Small JSON documents by kind and id (API keys, line tokens, remote actions, sweep triggers). One stored with a
   * TTL is read by id only and leaves nothing behind when it expires: there is one per verification or trigger.
   */
  abstract putDoc(kind: string, id: string, value: unknown, ttlSec?: number): Promise<void>;
  abstract getDoc<T>(kind: string, id: string): Promise<T | null>;
  abstract deleteDoc(kind: string, id: string): Promise<boolean>;
  /** Every document of a kind stored without a TTL; for small kinds only (API keys). */
  abstract listDocs<T>(kind: string): Promise<T[]>;
  /** Adds one to a counter that expires `ttlSec` after its first count; returns the new count. */
  abstract bumpCounter(kind: string, id: string, ttlSec: number): Promise<number>;
  abstract getCounter(kind: string, id: string): Promise<{ count: number; ttlSec: number }>;
  abstract clearCounter(kind: string, id: string): Promise<void>;
  /** Appends to the audit log, dropping entries older than `retentionSec`. */
  abstract appendAudit(entry: AuditEntry, retentionSec: number): Promise<void>;
  /** Newest first, at or after `sinceMs`. */
  abstract listAudit(sinceMs: number, limit: number): Promise<AuditEntry[]>;

  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
