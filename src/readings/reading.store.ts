import type {
  CounterSnapshot,
  Diagnosis,
  HistoryEntry,
  PreEqSummary,
  SubKind,
  Verdict,
} from '../domain/diagnosis';
import type { ModemEventLog, ModemReading } from '../domain/modem-reading';

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
  /** The modem's pre-equalisation summary, for comparing neighbours (absent when not read). */
  preEq?: PreEqSummary;
}

/** What a stored reading leaves for its neighbours' diagnoses. */
export function verdictSummary(stored: StoredReading): VerdictSummary {
  const { verdict, subKinds, preEq } = stored.diagnosis;
  return { verdict, subKinds, at: stored.reading.observedAt, ...(preEq ? { preEq } : {}) };
}

/**
 * What was measured: the latest reading per modem (with its verdict), a bounded history, the codeword snapshots
 * that FEC windows start from, and which modems went silent. Bounded by the retention policy.
 */
export abstract class ReadingStore {
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
   * The event log of the modem's latest full poll (saveReading keeps it from a full poll's reading, for the history
   * retention), or null when no full poll read it in that time.
   */
  abstract eventLog(modemId: string): Promise<ModemEventLog | null>;
  /** Latest verdicts of several modems (missing ones are left out). */
  abstract latestVerdicts(modemIds: readonly string[]): Promise<Map<string, VerdictSummary>>;
  /**
   * How many modems' latest reading is a silent one (the modem did not answer) taken at or after `sinceMs`: a
   * burst of silence across the fleet is evidence in itself. Kept by saveReading (one entry per modem at most).
   */
  abstract silentModemsSince(sinceMs: number): Promise<number>;
  /** History entries at or after `sinceMs`, oldest first. */
  abstract history(modemId: string, sinceMs: number): Promise<HistoryEntry[]>;
  /** The earliest counter snapshot at or after `notBeforeMs`. */
  abstract counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null>;
  /** Drops everything kept about a modem (its record was deleted). */
  abstract forgetModem(modemId: string): Promise<void>;
}

/** The event log a stored reading carries, when its poll read one (a full poll of a modem that answered). */
export function eventLogOf(stored: StoredReading): ModemEventLog | null {
  const r = stored.reading;
  return r.reachable && r.detail === 'full' && r.events !== undefined
    ? { readAt: r.observedAt, events: r.events }
    : null;
}
