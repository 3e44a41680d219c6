import type { CmtsModemRow, CmtsModemTables } from './cmts-reading';
import type { ModemReading } from './modem-reading';
import type { ThresholdsProfile } from './thresholds';

export const VERDICTS = [
  'TEXTBOOK_OK',
  'MARGINAL',
  'LINE_FAULT',
  'FLAPPING',
  'MODEM_OFFLINE',
  'PLANT_OUTAGE',
  'PROVISIONING_ISSUE',
  'INSUFFICIENT_DATA',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SUB_KINDS = [
  'LOW_DS_POWER',
  'HIGH_DS_POWER',
  'LOW_DS_SNR',
  'DS_TILT',
  'HIGH_US_POWER',
  'LOW_US_POWER',
  'OFDMA_TX_POWER',
  'EXCESSIVE_UNCORRECTABLES',
  'HIGH_CORRECTED',
  'T3_T4_TIMEOUTS',
  'PARTIAL_SERVICE_DS',
  'PARTIAL_SERVICE_US',
  'OFDM_LOW_MER',
  'OFDM_POWER',
  'US_RX_OFFSET',
  'LOW_US_SNR',
  'REGISTRATION_RF_FAILURE',
  'SERVICE_GROUP_OUTAGE',
  'CM_SNMP_UNREACHABLE_BUT_ONLINE',
  'NODE_WIDE',
  'RF_REINIT',
  'DEVICE_REBOOTS',
  'NO_POWER_OR_DISCONNECTED',
  'ACCESS_DENIED',
  'FORWARDING_DISABLED',
  'NO_CPE_DETECTED',
  'FEC_WINDOW_RESET',
  'NO_RESPONSE',
  'REGISTRATION_IN_PROGRESS',
  'NEIGHBOURS_UNKNOWN',
  'SILENCE_BURST',
  'CMTS_NO_EVIDENCE',
  'US_MICRO_REFLECTION',
  'US_GROUP_DELAY',
  'OFDM_MER_SPREAD',
  'DS_MICRO_REFLECTION',
  'DS_GROUP_DELAY',
  'OFDMA_PRE_EQ_NOT_APPLIED',
] as const;
export type SubKind = (typeof SUB_KINDS)[number];

export const ACTIONS = [
  'CHECK_CUSTOMER_EQUIPMENT',
  'REMOTE_FIX',
  'DISPATCH_TECHNICIAN',
  'ESCALATE_TO_NOC',
  'CHECK_POWER_AND_CABLING',
  'SWAP_MODEM',
  'BACK_OFFICE',
  'NO_DISPATCH',
] as const;
export type Action = (typeof ACTIONS)[number];

export type Severity = 'FAULT' | 'MARGINAL' | 'INFO';

export interface ChannelRef {
  direction: 'downstream' | 'upstream';
  kind: 'SC-QAM' | 'OFDM' | 'OFDMA';
  ifIndex: number;
  /** Null when the modem names no channel id for it (an upstream without docsIfUpChannelTable): never invented. */
  channelId: number | null;
  frequencyHz: number;
}

export interface Finding {
  code: SubKind;
  severity: Severity;
  /** Absent for whole-modem findings (T3/T4 sums, flapping, provisioning). */
  channel?: ChannelRef;
  observed: number;
  /** The band edge that was crossed (for INFO findings: the reference value). */
  limit: number;
  unit: 'dBmV' | 'dB' | '%' | 'count' | 'count/24h' | 'state' | 'ns' | 'dB/MHz';
  /** One sentence an agent can read to the customer. */
  message: string;
}

/** Compact per-poll summary kept as history (>= 24 h). Counters are sums over the modem's upstream channels. */
export interface HistoryEntry {
  at: number;
  reachable: boolean;
  /** When the CMTS last saw the modem register (docsIf3CmtsCmRegStatusLastRegTime), if known. */
  lastRegAt?: number;
  /** The CMTS registration state at the time, if known. */
  cmtsRegState?: number;
  uptimeSec?: number;
  statusValue?: number;
  resets?: number;
  t3?: number;
  t4?: number;
  t3Exceeded?: number;
  verdict?: Verdict;
}

/** Per-channel codeword counters at one instant: the start of a FEC grading window. */
export interface CounterSnapshot {
  at: number;
  uptimeSec: number;
  ds: { ifIndex: number; unerrored: bigint; corrected: bigint; uncorrectable: bigint }[];
  ofdm: { ifIndex: number; profileId: number; total: bigint; corrected: bigint; uncorrectable: bigint }[];
}

/** The modem's node as the CMTS sees it now, for offline triage and shared faults. */
export interface Neighbourhood {
  cmtsId: string;
  mdIfIndex: number;
  sgId: number;
  /** The node id (`1000.2`, or `us:2001+2002` when grouped by upstream channels). */
  groupKey: string;
  /** A service group (MdCmSgId), or the modems sharing the same upstream channels (no service group known). */
  groupedBy: 'serviceGroup' | 'upstreamChannels';
  /** When the CMTS snapshot these counts come from was taken (epoch ms). */
  observedAt: number;
  /**
   * Other modems of this group: every one the CMTS reports in it now, registered or not, plus the last known
   * members whose rows vanished from the CMTS tables.
   */
  others: number;
  /** Of the others, how many the CMTS reports but the inventory does not know (counted, without a verdict). */
  notInInventory: number;
  /** Of those, how many are not online at the CMTS now (row absent, or any state but operational). */
  othersOffline: number;
  /** Of the online others, how many show each FAULT sub-kind (from the CMTS, or their latest diagnosis). */
  faultCounts: Partial<Record<SubKind, number>>;
  /**
   * The others' pre-equalisation: as of their latest diagnosis, or, where the CMTS reads the modems' coefficients
   * (its record's `usEqData`), as of its snapshot when that is newer. Absent when none of them has one.
   */
  preEq?: NeighbourPreEq[];
}

/** A neighbour's pre-equalisation summary, from its latest diagnosis or from its CMTS's snapshot. */
export interface NeighbourPreEq extends PreEqSummary {
  modemId: string;
  /** When that diagnosis was made, or the CMTS walked (epoch ms). */
  at: number;
  /**
   * modem: its own docsIf3CmStatusUsEqData (ifIndex is the modem's); cmts: docsIf3CmtsCmUsStatusEqData of the
   * CMTS's snapshot (ifIndex is the CMTS's upstream; channelId is what the CMTS names the channel).
   */
  source: 'modem' | 'cmts';
}

/**
 * What the CMTS knows about this modem. `row` null: the modem has no row on its CMTS now. A CMTS with no modem table
 * at all (`modemTables` 'none') gives no evidence either way: no row means nothing there.
 */
export interface CmtsContext {
  cmtsId: string;
  setPointDbmv: number;
  row: CmtsModemRow | null;
  neighbourhood: Neighbourhood | null;
  /** Which modem tables the CMTS exposes; absent means docsIf3 (contexts built before dialects). */
  modemTables?: CmtsModemTables;
  /** The modem objects the CMTS's last snapshot found no rows in. */
  missingObjects?: string[];
}

/** A device behind the modem, as the modem's bridge table and the CMTS's CPE table describe it. */
export interface CpeDevice {
  mac: string;
  /** From the MAC's IEEE OUI, when the registry knows it. */
  vendor: string | null;
}

export interface DiagnosisInput {
  reading: ModemReading;
  /** Present when the modem's CMTS is known and answered. */
  cmts?: CmtsContext;
  /** Devices seen behind the modem (bridge MACs with their vendors). */
  cpeDevices?: CpeDevice[];
  /** Earlier summaries of this modem (any order; the current reading is not among them). */
  history: HistoryEntry[];
  /** The earliest counter snapshot inside the FEC window, or null when there is none. */
  counterBaseline: CounterSnapshot | null;
  thresholds: ThresholdsProfile;
  /**
   * For a silent modem whose node is unknown: how many other modems fell silent within the profile's silence
   * window (their latest reading). Absent when not counted.
   */
  othersSilent?: number;
}

/** Checks the diagnosis could not make because the modem did not answer the objects they need. */
export const NOT_CHECKED_CODES = [
  'REGISTRATION_STATE',
  'T3_T4_TIMEOUTS',
  'RF_REINIT',
  'CODEWORDS',
  'CPE_PRESENCE',
  'PRE_EQUALISATION',
  'PNM_SUMMARIES',
] as const;
export type NotCheckedCode = (typeof NOT_CHECKED_CODES)[number];

export interface NotChecked {
  code: NotCheckedCode;
  /** Which objects were missing, in a sentence for the agent or NOC. */
  reason: string;
}

export interface Diagnosis {
  verdict: Verdict;
  subKinds: SubKind[];
  action: Action;
  summary: string;
  findings: Finding[];
  /** What could not be graded and why; empty when everything the rules grade was read. */
  notChecked: NotChecked[];
  /**
   * What the modem's upstream pre-equalisation shows (its worst channel), kept so that neighbours can be compared
   * with it; null when no channel's coefficients were read and decoded; absent on older diagnoses.
   */
  preEq?: PreEqSummary | null;
  /** Where the fault probably is: on every LINE_FAULT and MARGINAL answer of a reachable modem, never elsewhere. */
  location?: FaultLocation;
  /**
   * The modem's node as its CMTS showed it to this diagnosis (the counts behind "only this home" and an outage);
   * absent when no node was known, and on diagnoses stored before 2026-12-04.
   */
  neighbours?: NodeCount;
}

/** The counts of a modem's node a diagnosis rested on. */
export interface NodeCount {
  cmtsId: string;
  /** The node id (`1000.2`, or `us:2001+2002` when grouped by upstream channels). */
  node: string;
  groupedBy: 'serviceGroup' | 'upstreamChannels';
  /** Other modems of the node, and how many of them were not online at the CMTS. */
  others: number;
  othersOffline: number;
  /** When the CMTS snapshot these counts come from was taken (epoch ms). */
  observedAt: number;
}

/** One upstream channel's pre-equalisation, as far as locating a fault needs it. */
export interface PreEqSummary {
  ifIndex: number;
  channelId: number | null;
  /** Main tap ratio (dB): >= 25 textbook, < 18 a fault by default. */
  mtrDb: number;
  grade: 'TEXTBOOK' | 'MARGINAL' | 'FAULT';
  distortion:
    'NONE' | 'GROUP_DELAY' | 'MICRO_REFLECTION' | 'GROUP_DELAY_AND_MICRO_REFLECTION' | 'UNCLASSIFIED';
  /** The resolvable echo: its delay after the main tap (taps), level (dBc) and one-way distance (null: width not read). */
  echo: { delayTaps: number; levelDbc: number; distanceM: number | null } | null;
  /** Energy on both taps next to the main tap with no echo further out: a cavity shorter than one tap (in-home). */
  shortEcho: boolean;
}

export const FAULT_PLACES = ['HOME', 'DROP', 'TAP_OR_AMPLIFIER', 'PLANT', 'UNKNOWN'] as const;
/** HOME: in-home wiring or splitters; DROP: the cable from the tap; TAP_OR_AMPLIFIER / PLANT: shared by homes. */
export type FaultPlace = (typeof FAULT_PLACES)[number];

export const LOCATION_EVIDENCE = [
  'ECHO',
  'SHORT_ECHO',
  'GROUP_DELAY',
  'SHARED_ECHO',
  'NEIGHBOURS_CLEAN',
  'NEIGHBOURS_NOT_COMPARED',
  'LEVELS_LOW_DS_HIGH_US',
  'NEIGHBOURS_SAME_LEVELS',
  'NO_PRE_EQ',
  'NO_SIGNATURE',
  'RIPPLE_BOTH_WAYS',
] as const;
export type LocationEvidenceCode = (typeof LOCATION_EVIDENCE)[number];

/** One fact a location rests on, with its numbers (what the NOC's text is made of). */
export interface LocationEvidence {
  code: LocationEvidenceCode;
  /** The measured value (dB, dBc, metres, taps or a count, per code) and what it is compared with, if anything. */
  observed: number | null;
  limit: number | null;
  message: string;
}

export interface FaultLocation {
  place: FaultPlace;
  confidence: 'LOW' | 'MEDIUM' | 'HIGH';
  /** One-way distance from the modem to the reflection; null when no echo was resolved or the width not read. */
  distanceM: number | null;
  distanceFt: number | null;
  /** The upstream channel whose coefficients located it; null when levels alone did. */
  channel: { ifIndex: number; channelId: number | null } | null;
  /** Neighbours of the node whose coefficients show the same echo (modem ids, the cluster without this modem). */
  sharedWith: string[];
  /** Neighbours compared with this modem: their coefficients, or (a level pattern) their levels; 0 when none. */
  neighboursCompared: number;
  evidence: LocationEvidence[];
  /** One sentence for the agent, with the numbers. */
  message: string;
}

/** What a rule sees. `reading` is always a reachable one: offline triage happens before rules run. */
export interface RuleContext {
  reading: Extract<ModemReading, { reachable: true }>;
  cmts?: CmtsContext;
  history: HistoryEntry[];
  counterBaseline: CounterSnapshot | null;
  thresholds: ThresholdsProfile;
}

export type Rule = (ctx: RuleContext) => Finding[];
