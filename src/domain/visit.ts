import type { FaultPlace, Severity, SubKind, Verdict } from './diagnosis';
import type { Skill, Urgency } from './dispatch';

// The outcome loop (issue 16): every line check's dispatch decision is logged, the field reports what a visit found,
// and the two together say how often the decisions were right.

/** What a technician found on a visit. */
export const VISIT_FOUND = [
  'NO_FAULT_FOUND',
  'HOME_WIRING',
  'DROP',
  'TAP_OR_AMPLIFIER',
  'PLANT',
  'MODEM',
  'CUSTOMER_EQUIPMENT',
  'OTHER',
] as const;
export type VisitFound = (typeof VISIT_FOUND)[number];

/** Finds that are no fault of the line or the modem: the visit was not needed for what the diagnosis saw. */
export const NO_FAULT_FINDS: readonly VisitFound[] = ['NO_FAULT_FOUND', 'CUSTOMER_EQUIPMENT'];

/** The find that confirms a predicted place of the fault; UNKNOWN predicts none. */
export const FOUND_AT_PLACE: Readonly<Record<FaultPlace, VisitFound | null>> = {
  HOME: 'HOME_WIRING',
  DROP: 'DROP',
  TAP_OR_AMPLIFIER: 'TAP_OR_AMPLIFIER',
  PLANT: 'PLANT',
  UNKNOWN: null,
};

/** One line check's decision, as the "calls" data set keeps it: one per modem and reading. */
export interface DecisionRecord {
  modemId: string;
  /** The reading's observedAt (epoch ms): with the modem id, the decision's identity. */
  at: number;
  verdict: Verdict;
  subKinds: SubKind[];
  /** The FAULT and MARGINAL findings' codes, each code and severity once. */
  findings: { code: SubKind; severity: Exclude<Severity, 'INFO'> }[];
  /** The predicted place of the fault; null when the diagnosis located none. */
  place: FaultPlace | null;
  dispatch: { needed: boolean; urgency: Urgency; skill: Skill; confirmed: boolean };
}

/** A visit the field reported. */
export interface Visit {
  id: string;
  modemId: string;
  /** The field-service system's id of the visit; null when it gave none. */
  externalId: string | null;
  visitedAt: number;
  found: VisitFound;
  fixed: string | null;
  technician: string | null;
  /** The decision that sent the technician (its `at`); null when no decision of the modem was found. */
  diagnosisAt: number | null;
  recordedAt: number;
}

/** What recording a visit with an external id did: stored, already stored as such, or stored otherwise (refused). */
export type VisitOutcome = 'created' | 'duplicate' | 'conflict';
