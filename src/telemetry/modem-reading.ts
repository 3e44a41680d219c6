// The typed, unit-converted result of one poll of one cable modem. Produced by snmp/, stored by telemetry/,
// graded by diagnosis/. Levels are in real units (dBmV, dB); codeword counters are bigint (Counter64).

export type DocsisVersion = '1.x' | '2.0' | '3.0' | '3.1' | 'unknown';

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
  unerrored: bigint;
  corrected: bigint;
  uncorrectable: bigint;
}

export type RangingStatus = 'other' | 'aborted' | 'retriesExceeded' | 'success' | 'continue' | 'timeoutT4';

export interface UpstreamChannel {
  ifIndex: number;
  channelId: number;
  frequencyHz: number;
  txPowerDbmv: number;
  t3Timeouts: number;
  t4Timeouts: number;
  t3Exceededs: number;
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
}

export interface OfdmaChannel {
  ifIndex: number;
  channelId: number;
  /** P1.6r_n target power, decoded from quarter dBmV (2017 MIB) or tenths (2016 MIB). */
  txPowerDbmv: number;
  t3Timeouts: number;
  t4Timeouts: number;
  t3Exceededs: number;
  muted: boolean;
  rangingStatus: RangingStatus;
}

export interface CpeEntry {
  ip: string;
  source: 'manual' | 'learned' | 'other';
}

export interface ModemStatus {
  /** docsIf3CmStatusValue (CmRegState), falling back to docsIfCmStatusValue. 12 = operational. */
  value: number;
  name: string;
  resets: number;
  lostSyncs: number;
}

export interface ReachableReading {
  reachable: true;
  modemId: string;
  observedAt: number;
  /** Poll wall time in milliseconds. */
  latencyMs: number;
  sysDescr: string;
  uptimeSec: number;
  docsisVersion: DocsisVersion;
  status: ModemStatus;
  downstream: DownstreamChannel[];
  upstream: UpstreamChannel[];
  ofdm: OfdmChannel[];
  ofdma: OfdmaChannel[];
  cpes: CpeEntry[];
  /** MACs the modem's bridge learned on its CPE side (BRIDGE-MIB dot1dTpFdbStatus learned(3)). */
  cpeMacs: string[];
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
