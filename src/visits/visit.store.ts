import type { DecisionRecord, Visit, VisitOutcome } from '../domain/visit';

/** A visit to record, with its content as given (what a repeat of its external id must match to be the same). */
export interface VisitWrite {
  visit: Visit;
  content: string;
}

/** What became of one visit of a write: for a duplicate or a conflict, the visit stored before under its external id. */
export interface VisitWriteResult {
  outcome: VisitOutcome;
  visit: Visit;
}

/** The decision log (the "calls" data set) and the visits the field reports. */
export abstract class VisitStore {
  /**
   * Records a decision unless one of the same modem and `at` is stored already (cache answers of one reading);
   * drops decisions older than `retentionSec`. True when it was new.
   */
  abstract recordDecision(decision: DecisionRecord, retentionSec: number): Promise<boolean>;
  /** The decisions of these (modem, at) pairs, in their order; null where none is stored. */
  abstract decisions(refs: readonly { modemId: string; at: number }[]): Promise<(DecisionRecord | null)[]>;
  /** The modem's latest decision with `sinceMs` <= at <= `untilMs`, or null. */
  abstract latestDecision(modemId: string, sinceMs: number, untilMs: number): Promise<DecisionRecord | null>;
  /** Every decision with `fromMs` <= at < `toMs`, oldest first. */
  abstract decisionsBetween(fromMs: number, toMs: number): Promise<DecisionRecord[]>;

  /**
   * Records visits, all or nothing and atomically: a visit whose external id is stored already (or comes earlier in
   * the same write) with the same content is a duplicate and not stored again; with other content it is a conflict,
   * and then nothing of the write is stored. One result per visit, in order.
   */
  abstract recordVisits(writes: readonly VisitWrite[]): Promise<VisitWriteResult[]>;
  /** The modem's visits, oldest first. */
  abstract visitsOf(modemId: string): Promise<Visit[]>;
  /** Every visit with `fromMs` <= visitedAt < `toMs`, oldest first. */
  abstract visitsBetween(fromMs: number, toMs: number): Promise<Visit[]>;
}
