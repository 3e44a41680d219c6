import type { FaultLocation, SubKind } from './diagnosis';

// What a diagnosis asks of the field (issue 16): whether to send someone, how soon, whom, with what, and when the
// job is done. Derived when a diagnosis is answered (the hour of the day and the confirmation change it), never stored.

export const URGENCIES = ['NOC_ONLY', 'SAME_DAY', 'NEXT_AVAILABLE', 'NONE'] as const;
/** NOC_ONLY: a plant outage or a node-wide fault, no house call; NONE: no visit. */
export type Urgency = (typeof URGENCIES)[number];

/** The visits a fault may ask for, fastest first: a policy names one for each kind of fault. */
export const VISIT_URGENCIES = ['SAME_DAY', 'NEXT_AVAILABLE'] as const;
export type VisitUrgency = (typeof VISIT_URGENCIES)[number];

export const SKILLS = ['INSTALL_TECH', 'LINE_TECH', 'NOC', 'NONE'] as const;
/** INSTALL_TECH: the home and the drop; LINE_TECH: taps, amplifiers, plant. */
export type Skill = (typeof SKILLS)[number];

export const BRING_ITEMS = ['PAD_ATTENUATOR', 'SPLITTER', 'CONNECTORS', 'DROP_CABLE', 'SPARE_MODEM'] as const;
export type BringItem = (typeof BRING_ITEMS)[number];

export const FIRST_CHECKS = [
  /** The customer: is the modem powered, its lights on? (Only this home is affected.) */
  'CHECK_POWER_AT_MODEM',
  /** The customer: coax screwed on at the modem and the wall outlet. */
  'CHECK_COAX_AT_MODEM',
  /** The agent: a remote reboot, then a fresh check. */
  'REMOTE_REBOOT',
  /** The customer: a computer wired straight to the modem, bypassing their own router. */
  'TEST_WIRED_TO_MODEM',
  /** The technician: remove splitters and in-home runs, measure at the entry point. */
  'MEASURE_AT_ENTRY_POINT',
  /** The technician: the drop's connectors, ground block and cable from the tap. */
  'CHECK_DROP_AND_GROUND_BLOCK',
  /** The technician: the tap port and the tap's other homes. */
  'CHECK_TAP_AND_AMPLIFIER',
  /** The NOC: the node's alarms and the outage ticket this call belongs to. */
  'CHECK_NODE_ALARMS',
  /** The back office: the modem's configuration file and subscription. */
  'CHECK_PROVISIONING',
  /** Nobody yet: check the line again before deciding (the evidence is not enough). */
  'RECHECK_LINE',
] as const;
export type FirstCheck = (typeof FIRST_CHECKS)[number];

export const CLOSE_MEASURES = [
  'DS_POWER',
  'DS_SNR',
  'US_TX_POWER',
  'OFDM_MER',
  'UNCORRECTABLE_RATIO',
  'T3_T4_TIMEOUTS',
  'US_PRE_EQ_MTR',
] as const;
export type CloseMeasure = (typeof CLOSE_MEASURES)[number];

/** A level the technician must reach on every channel of its kind before closing the job. */
export interface CloseCondition {
  measure: CloseMeasure;
  /** Inclusive bounds; absent: no bound on that side. */
  min?: number;
  max?: number;
  unit: 'dBmV' | 'dB' | 'ratio' | 'count';
}

/** Whether the fault was seen often enough to spend a technician's slot on it. */
export interface Confirmation {
  confirmed: boolean;
  /** HARD_FAULT: one reading is enough (offline at the CMTS, no power headroom); SEEN_TWICE: two readings. */
  by: 'HARD_FAULT' | 'SEEN_TWICE' | null;
  /** Readings of this modem in the confirmation window that showed a fault, this one included. */
  faultReadings: number;
  /** Readings in the window in all. */
  readings: number;
  /** CONTINUOUS: every reading since the first fault shows it; INTERMITTENT: good readings in between. */
  pattern: 'CONTINUOUS' | 'INTERMITTENT' | 'SINGLE_READING';
  /** When an unconfirmed fault is checked again (epoch ms); null when nothing is scheduled. */
  recheckAt: number | null;
}

/** When a visit can happen, in the operator's time zone. */
export interface VisitWindow {
  timeZone: string;
  /** The local cut-off for a same-day slot, HH:MM. */
  sameDayCutoff: string;
  /** The local date of the earliest visit the policy allows (YYYY-MM-DD); null without a visit. */
  earliestDate: string | null;
  reason: 'BEFORE_CUTOFF' | 'AFTER_CUTOFF' | 'NOT_A_WORKING_DAY' | 'NOT_URGENT' | 'NO_VISIT';
}

export interface Dispatch {
  needed: boolean;
  urgency: Urgency;
  /** A same-day slot is realistic: a SAME_DAY fault, on a working day, before the cut-off. */
  sameDayEligible: boolean;
  visitWindow: VisitWindow;
  /** OUT_OF_SERVICE: the customer has no service; DEGRADED: it works, badly. Null without a fault. */
  impact: 'OUT_OF_SERVICE' | 'DEGRADED' | null;
  skill: Skill;
  location: FaultLocation | null;
  bring: BringItem[];
  firstChecks: FirstCheck[];
  closeWhen: CloseCondition[];
  /** The node outage this call belongs to (`<cmtsId>/<node>`), so its calls become one ticket; null otherwise. */
  outage: string | null;
  confirmation: Confirmation;
}

/** The operator's dispatch policy (configuration: DISPATCH_* variables). */
export interface DispatchPolicy {
  /** IANA time zone of the field force. */
  timeZone: string;
  /** Local HH:MM after which no same-day slot is offered. */
  sameDayCutoff: string;
  /** ISO weekdays (1 Monday .. 7 Sunday) with technicians. */
  workingDays: number[];
  /** Local dates (YYYY-MM-DD) without technicians. */
  holidays: string[];
  /** What a confirmed fault that leaves the customer without service gets, and one that degrades it. */
  outOfService: VisitUrgency;
  degraded: VisitUrgency;
  /** The most an unconfirmed fault gets: a slot is not spent on one reading. */
  unconfirmed: VisitUrgency;
  /** LINE_FAULT sub-kinds that leave the customer without service (a silent modem always does). */
  outOfServiceSubKinds: SubKind[];
  /** FAULT findings of these sub-kinds confirm on one reading (offline at the CMTS, no power headroom). */
  hardFaultSubKinds: SubKind[];
  /** Earlier readings this recent count towards confirming a fault. */
  confirmWindowHours: number;
  /** An unconfirmed fault is polled again after this long. */
  recheckAfterSec: number;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  timeZone: 'Europe/Warsaw',
  sameDayCutoff: '13:30',
  workingDays: [1, 2, 3, 4, 5, 6],
  holidays: [],
  outOfService: 'SAME_DAY',
  degraded: 'NEXT_AVAILABLE',
  unconfirmed: 'NEXT_AVAILABLE',
  outOfServiceSubKinds: ['EXCESSIVE_UNCORRECTABLES'],
  hardFaultSubKinds: [
    'NO_POWER_OR_DISCONNECTED',
    'REGISTRATION_RF_FAILURE',
    'HIGH_US_POWER',
    'T3_T4_TIMEOUTS',
  ],
  confirmWindowHours: 24,
  recheckAfterSec: 120,
};
