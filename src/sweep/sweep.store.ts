import type { Verdict } from '../domain/diagnosis';

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

/** Sweeps and their exact counts (the last 50, a week at most), and what an idempotent trigger did. */
export abstract class SweepStore {
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
  /** What the first request with an idempotency key did; read by id only, gone after `ttlSec`. */
  abstract putTrigger(id: string, trigger: unknown, ttlSec: number): Promise<void>;
  abstract getTrigger<T>(id: string): Promise<T | null>;
}
