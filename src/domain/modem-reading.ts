// The typed, unit-converted result of one poll of one cable modem. Produced by snmp/, stored by telemetry/,
// graded by diagnosis/. Levels are in real units (dBmV, dB); codeword counters are bigint (Counter64).

export type DocsisVersion = '1.x' | '2.0' | '3.0' | '3.1' | 'unknown';

/**
 * Where the DOCSIS version came from: docsIf31CmDocsisBaseCapability, docsIfDocsisBaseCapability, or inferred from
 * which MIB tables answered (DOCS-IF31 -> 3.1, DOCS-IF3 -> 3.0, DOCS-IF-MIB alone -> 2.0 or earlier).
 */
export type DocsisVersionSource =
  'docsIf31CmDocsisBaseCapability' | 'docsIfDocsisBaseCapability' | 'inferred';

// Counters and fields the modem did not answer are null ("not read"), never 0: a DOCSIS 2.0 modem without the
// DOCS-IF3 tables has no per-channel T3 count, which says nothing about its line. Readings stored before these
// became nullable carry numbers throughout and read the same.

export interface DownstreamChannel {
  ifIndex: number;
  channelId: number;
  frequencyHz: number;
  modulation: 'qam64' | 'qam256' | 'other';
  /** ifOperStatus of the channel's ifIndex is up(1); down channels report stale or zero levels. */
  locked: boolean;
  powerDbmv: number;
  /** RxMER (docsIf3SignalQualityExtRxMER) where the modem has it, else docsIfSigQSignalNoise. */
  snrDb: number;
  /** docsIfSigQExt* (Counter64), else the 32-bit docsIfSigQ* columns; null when neither answered. */
  unerrored: bigint | null;
  corrected: bigint | null;
  uncorrectable: bigint | null;
  /** 32 when the counters came from the 32-bit docsIfSigQ* columns (they wrap); absent for Counter64. */
  counterBits?: 32;
}

export type RangingStatus = 'other' | 'aborted' | 'retriesExceeded' | 'success' | 'continue' | 'timeoutT4';

export interface UpstreamChannel {
  ifIndex: number;
  /** docsIfUpChannelId; null when the modem has no upstream channel table (never invented as 0). */
  channelId: number | null;
  /** docsIfUpChannelFrequency; 0 when not read. */
  frequencyHz: number;
  /** docsIfUpChannelWidth (Hz): the symbol rate is width / 1.25. Null when not read; absent on older readings. */
  widthHz?: number | null;
  /**
   * The modem's upstream pre-equalisation coefficients as it sent them (DocsEqualizerData, hex): docsIf3CmStatusUsEqData,
   * else (one upstream) the DOCSIS 2.0 docsIfCmStatusEqualizationData. "" when the modem answered an empty value (no
   * pre-equalisation); null when not read; absent on older readings.
   */
  preEq?: string | null;
  txPowerDbmv: number;
  /** docsIf3CmStatusUs*, else (one upstream, pre-3.0) docsIfCmStatus* on the MAC ifIndex; null when not read. */
  t3Timeouts: number | null;
  t4Timeouts: number | null;
  t3Exceededs: number | null;
  muted: boolean;
  rangingStatus: RangingStatus;
}

export interface OfdmProfileCounters {
  profileId: number;
  total: bigint;
  corrected: bigint;
  uncorrectable: bigint;
}

export interface OfdmChannel {
  ifIndex: number;
  channelId: number;
  plcFrequencyHz: number;
  /** Received power per 6 MHz band; band 0 is the band around the PLC. */
  bandPowersDbmv: { band: number; frequencyHz: number; powerDbmv: number }[];
  /** Mean RxMER over active subcarriers (DOCS-PNM), when the modem populates it. */
  meanRxMerDb: number | null;
  profiles: OfdmProfileCounters[];
  /** The DOCSIS 3.1 PNM summaries of the channel, read by full polls only (absent on fast readings). */
  pnm?: OfdmPnmSummary;
}

// DOCSIS 3.1 PNM summaries (DOCS-PNM-MIB, docs/pnm.md): what the modem computes over a whole OFDM or OFDMA channel
// and serves over SNMP, no capture file needed. A field is null when it was not read: the modem has no row or
// column for it, or its measurement status is not sampleReady (a value is never taken from an unfinished
// measurement, nor made 0).

/** DOCS-PNM-MIB MeasStatusType. */
export type PnmMeasStatus =
  'other' | 'inactive' | 'busy' | 'sampleReady' | 'error' | 'resourceUnavailable' | 'sampleTruncated';

/** RxMER statistics over the active subcarriers of an OFDM channel (docsPnmCmDsOfdmRxMerTable). */
export interface RxMerSummary {
  /** docsPnmCmDsOfdmRxMerMeasStatus; null when the modem answered none for the channel. */
  status: PnmMeasStatus | null;
  /** Standard deviation of the subcarriers' RxMER (dB). */
  stdDevDb: number | null;
  /** Which percentile `percentileDb` is (docsPnmCmDsOfdmRxMerPercentile, 2 by default). */
  percentile: number | null;
  /** RxMER at that percentile (ThrVal): that share of the subcarriers is at or below it (dB). */
  percentileDb: number | null;
  /** The highest subcarrier frequency at that RxMER (ThrHighestFreq, Hz). */
  percentileHighestFreqHz: number | null;
}

/**
 * An equaliser's coefficients summed up across a whole channel: the modem's downstream channel estimate
 * (docsPnmCmOfdmChanEstCoefTable) or its OFDMA pre-equaliser (docsPnmCmUsPreEqTable). The ripples are what is left
 * after the slope is taken out.
 */
export interface EqualizerSummary {
  /** The table's MeasStatus; null when the modem answered none for the channel. */
  status: PnmMeasStatus | null;
  ampRipplePkPkDb: number | null;
  ampRippleRmsDb: number | null;
  ampSlopeDbPerMhz: number | null;
  ampMeanDb: number | null;
  groupDelayRipplePkPkNs: number | null;
  groupDelayRippleRmsNs: number | null;
  groupDelaySlopeNsPerMhz: number | null;
  groupDelayMeanNs: number | null;
}

export interface OfdmPnmSummary {
  rxMer: RxMerSummary;
  channelEstimate: EqualizerSummary;
}

/** docsPnmCmUsPreEqPreEqCoAdjStatus: what the modem did with the CMTS's last pre-equalisation adjustments. */
export type PreEqCoAdjStatus = 'other' | 'success' | 'clipped' | 'rejected';

export interface OfdmaPnmSummary {
  preEq: EqualizerSummary;
  /** Not a measurement, so read whatever the MeasStatus says; null when not read. */
  coAdjStatus: PreEqCoAdjStatus | null;
}

export interface OfdmaChannel {
  ifIndex: number;
  channelId: number;
  /** P1.6r_n target power, decoded from quarter dBmV (2017 MIB) or tenths (2016 MIB). */
  txPowerDbmv: number;
  t3Timeouts: number | null;
  t4Timeouts: number | null;
  t3Exceededs: number | null;
  muted: boolean;
  rangingStatus: RangingStatus;
  /** The channel's DOCSIS 3.1 PNM summary, read by full polls only (absent on fast readings). */
  pnm?: OfdmaPnmSummary;
}

export interface CpeEntry {
  ip: string;
  source: 'manual' | 'learned' | 'other';
}

export interface ModemStatus {
  /** docsIf3CmStatusValue (CmRegState), falling back to docsIfCmStatusValue. 12 = operational. */
  value: number | null;
  name: string;
  /** docsIf3CmStatusResets, else docsIfCmStatusResets; null when neither answered. */
  resets: number | null;
  /** docsIf3CmStatusLostSyncs, else docsIfCmStatusLostSyncs; null when neither answered. */
  lostSyncs: number | null;
}

/**
 * How the modem's bridge table (BRIDGE-MIB dot1dTpFdbTable) answered: with its status column, so learned(3) rows
 * can be told from the modem's own self(4) entry; with addresses but no status column; or not at all.
 */
export type BridgeTableState = 'withStatus' | 'withoutStatus' | 'absent';

/**
 * How much a poll read: `fast`, the objects every sweep reads; `full`, those plus what only a call-centre check
 * reads (DOCSIS 3.1 PNM summaries, the modem's event log). Absent on readings stored before it was recorded: fast.
 */
export type PollDetail = 'fast' | 'full';

export const POLL_DETAILS: readonly PollDetail[] = ['fast', 'full'];

/** One row of the modem's event log (DOCS-CABLE-DEVICE-MIB docsDevEventTable). */
export interface ModemEvent {
  /** docsDevEvIndex: the log's own order (higher is later). */
  index: number;
  /** docsDevEvFirstTime / LastTime in epoch ms; null when the modem's clock was not set (no time of day). */
  firstAt: number | null;
  lastAt: number | null;
  /** docsDevEvCounts: how many times the event repeated between firstAt and lastAt; null when not read. */
  count: number | null;
  /** docsDevEvLevel: emergency(1) .. debug(8); null when not read. */
  level: number | null;
  /** docsDevEvId: the vendor's event id (DOCSIS event codes are in the text, e.g. "T3 time-out"). */
  eventId: number | null;
  /** docsDevEvText; null when not read. */
  text: string | null;
}

/** How many rows of the modem's event log a reading keeps by default (the newest): EVENT_LOG_ROWS. */
export const DEFAULT_EVENT_LOG_ROWS = 50;

/**
 * The modem's event log as the latest full poll read it, kept apart from the latest reading: a sweep's fast poll
 * replaces the reading but does not read the log.
 */
export interface ModemEventLog {
  /** When the full poll read it (epoch ms). */
  readAt: number;
  /** null: that poll found no log on the modem. */
  events: ModemEvent[] | null;
}

export interface ReachableReading {
  reachable: true;
  /** Absent (fast) on readings stored before it was recorded. */
  detail?: PollDetail;
  /** The modem's event log, read by full polls only: null when a full poll could not read it, absent when fast. */
  events?: ModemEvent[] | null;
  modemId: string;
  observedAt: number;
  /** Poll wall time in milliseconds. */
  latencyMs: number;
  sysDescr: string;
  uptimeSec: number;
  docsisVersion: DocsisVersion;
  /** Absent on readings stored before it was recorded. */
  docsisVersionSource?: DocsisVersionSource;
  status: ModemStatus;
  downstream: DownstreamChannel[];
  upstream: UpstreamChannel[];
  ofdm: OfdmChannel[];
  ofdma: OfdmaChannel[];
  cpes: CpeEntry[];
  /**
   * MACs the modem's bridge learned on its CPE side (BRIDGE-MIB dot1dTpFdbStatus learned(3)); null when the bridge
   * table could not tell learned devices apart (no table, or no status column).
   */
  cpeMacs: string[] | null;
  /** Absent on readings stored before it was recorded. */
  bridgeTable?: BridgeTableState;
}

export interface UnreachableReading {
  reachable: false;
  modemId: string;
  observedAt: number;
  latencyMs: number;
  /** Why the poll failed: timeout, refused, unknown community, garbage answer... */
  error: string;
}

export type ModemReading = ReachableReading | UnreachableReading;
