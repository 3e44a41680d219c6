// Readings for the diagnosis specs. Not a spec itself, so it must not use jest globals.
import { cmtsRegState, type CmtsModemRow, type CmtsUpstream } from '../domain/cmts-reading';
import type {
  DownstreamChannel,
  EqualizerSummary,
  OfdmaChannel,
  OfdmaPnmSummary,
  OfdmChannel,
  OfdmPnmSummary,
  ReachableReading,
  RxMerSummary,
  UnreachableReading,
  UpstreamChannel,
} from '../domain/modem-reading';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { encodeEqualizerData } from '../mib/equalizer-data';
import { synthesizeTaps, type SyntheticEcho } from './pre-eq/synthetic-taps';
import type {
  CmtsContext,
  CounterSnapshot,
  DiagnosisInput,
  HistoryEntry,
  Neighbourhood,
  RuleContext,
} from '../domain/diagnosis';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
export const HOUR_MS = 3600 * 1000;
export const THREE_DAYS_SEC = 3 * 24 * 3600;

/** Downstream SC-QAM channel `n` (1-based): 256-QAM, 0..2 dBmV, 38..40 dB, clean counters. */
export function dsChannel(n: number, patch: Partial<DownstreamChannel> = {}): DownstreamChannel {
  return {
    ifIndex: 47 + n,
    channelId: n,
    frequencyHz: 555_000_000 + (n - 1) * 6_000_000,
    modulation: 'qam256',
    locked: true,
    powerDbmv: Math.round((((n - 1) * 2) / 7) * 10) / 10,
    snrDb: 38 + ((n - 1) % 3),
    unerrored: 5_000_000_000n,
    corrected: 1_000n,
    uncorrectable: 0n,
    ...patch,
  };
}

/** Coefficients (DocsEqualizerData as hex: 24 taps, main tap 8, 16-bit, nominal 2047) showing these echoes. */
export function preEqHex(echoes: readonly SyntheticEcho[]): string {
  const forward = synthesizeTaps({ nominalAmplitude: 2047, echoes });
  return Buffer.from(
    encodeEqualizerData({ mainTap: 8, tapsPerSymbol: 1, forward, reverse: [], encoding: 'int16' }),
  ).toString('hex');
}

/** A clean line's coefficients: residual echoes far below the echo floor (main tap ratio about 40 dB). */
export const CLEAN_PRE_EQ_HEX = preEqHex([
  { delayTaps: 1, levelDbc: -42 },
  { delayTaps: -1, levelDbc: -45 },
]);

/** Upstream SC-QAM channel `n` (1-based): 42..45 dBmV, ranged, no timeouts, 6.4 MHz wide, clean coefficients. */
export function usChannel(n: number, patch: Partial<UpstreamChannel> = {}): UpstreamChannel {
  return {
    ifIndex: 79 + n,
    channelId: n,
    frequencyHz: 16_400_000 + (n - 1) * 6_400_000,
    widthHz: 6_400_000,
    preEq: CLEAN_PRE_EQ_HEX,
    txPowerDbmv: 41 + Math.min(n, 4),
    t3Timeouts: 0,
    t4Timeouts: 0,
    t3Exceededs: 0,
    muted: false,
    rangingStatus: 'success',
    ...patch,
  };
}

export function ofdmChannel(patch: Partial<OfdmChannel> = {}): OfdmChannel {
  return {
    ifIndex: 159,
    channelId: 33,
    plcFrequencyHz: 957_000_000,
    bandPowersDbmv: [
      { band: 0, frequencyHz: 957_000_000, powerDbmv: 1.5 },
      { band: 1, frequencyHz: 933_000_000, powerDbmv: 2 },
      { band: 2, frequencyHz: 939_000_000, powerDbmv: 1.8 },
      { band: 3, frequencyHz: 945_000_000, powerDbmv: 1.2 },
    ],
    meanRxMerDb: 40.5,
    profiles: [
      { profileId: 0, total: 2_000_000_000n, corrected: 1_000n, uncorrectable: 0n },
      { profileId: 1, total: 1_000_000_000n, corrected: 500n, uncorrectable: 0n },
      { profileId: 255, total: 300_000_000n, corrected: 10n, uncorrectable: 0n },
    ],
    ...patch,
  };
}

export function ofdmaChannel(patch: Partial<OfdmaChannel> = {}): OfdmaChannel {
  return {
    ifIndex: 160,
    channelId: 9,
    txPowerDbmv: 44,
    t3Timeouts: 0,
    t4Timeouts: 0,
    t3Exceededs: 0,
    muted: false,
    rangingStatus: 'success',
    ...patch,
  };
}

/** A clean equaliser summary (a full poll's DOCS-PNM channel estimate or OFDMA pre-equaliser). */
export function equalizerSummary(patch: Partial<EqualizerSummary> = {}): EqualizerSummary {
  return {
    status: 'sampleReady',
    ampRipplePkPkDb: 0.4,
    ampRippleRmsDb: 0.14,
    ampSlopeDbPerMhz: -0.004,
    ampMeanDb: -0.5,
    groupDelayRipplePkPkNs: 9,
    groupDelayRippleRmsNs: 3.2,
    groupDelaySlopeNsPerMhz: 0.02,
    groupDelayMeanNs: 12,
    ...patch,
  };
}

/** A clean OFDM channel's PNM summaries: RxMER spread 1.4 dB, 2nd percentile 37.5 dB. */
export function ofdmPnm(
  patch: { rxMer?: Partial<RxMerSummary>; channelEstimate?: Partial<EqualizerSummary> } = {},
): OfdmPnmSummary {
  return {
    rxMer: {
      status: 'sampleReady',
      stdDevDb: 1.4,
      percentile: 2,
      percentileDb: 37.5,
      percentileHighestFreqHz: 951_000_000,
      ...patch.rxMer,
    },
    channelEstimate: equalizerSummary(patch.channelEstimate),
  };
}

export function ofdmaPnm(
  patch: { preEq?: Partial<EqualizerSummary>; coAdjStatus?: OfdmaPnmSummary['coAdjStatus'] } = {},
): OfdmaPnmSummary {
  return {
    preEq: equalizerSummary(patch.preEq),
    coAdjStatus: patch.coAdjStatus === undefined ? 'success' : patch.coAdjStatus,
  };
}

/** A textbook DOCSIS 3.0 modem: 8 DS 256-QAM channels, 4 US channels, one CPE, up for three days. */
export function textbookReading(patch: Partial<ReachableReading> = {}): ReachableReading {
  return {
    reachable: true,
    modemId: 'cm-0001',
    observedAt: NOW,
    latencyMs: 120,
    sysDescr: 'HW_REV: 1.0; VENDOR: Arris; BOOTR: 2.2.0.45; SW_REV: 9.1; MODEL: SB6183',
    uptimeSec: THREE_DAYS_SEC,
    docsisVersion: '3.0',
    status: { value: 12, name: 'operational', resets: 1, lostSyncs: 0 },
    downstream: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => dsChannel(n)),
    upstream: [1, 2, 3, 4].map((n) => usChannel(n)),
    ofdm: [],
    ofdma: [],
    cpes: [{ ip: '192.168.0.10', source: 'learned' }],
    cpeMacs: [],
    ...patch,
  };
}

/** A DOCSIS 3.1 modem read by a full poll: clean PNM summaries on its OFDM and OFDMA channel. */
export function fullDocsis31Reading(
  ofdmPatch: Partial<OfdmChannel> = {},
  ofdmaPatch: Partial<OfdmaChannel> = {},
): ReachableReading {
  return docsis31Reading({
    detail: 'full',
    ofdm: [ofdmChannel({ pnm: ofdmPnm(), ...ofdmPatch })],
    ofdma: [ofdmaChannel({ pnm: ofdmaPnm(), ...ofdmaPatch })],
  });
}

/** The DOCSIS 3.1 variant: the same SC-QAM channels plus one OFDM and one OFDMA channel. */
export function docsis31Reading(patch: Partial<ReachableReading> = {}): ReachableReading {
  return textbookReading({
    sysDescr: 'HW_REV: 1.0; VENDOR: Arris; BOOTR: 1.2; SW_REV: 10.1; MODEL: SB8200',
    docsisVersion: '3.1',
    ofdm: [ofdmChannel()],
    ofdma: [ofdmaChannel()],
    ...patch,
  });
}

export function unreachableReading(error = 'timeout'): UnreachableReading {
  return { reachable: false, modemId: 'cm-0001', observedAt: NOW, latencyMs: 5000, error };
}

/** CMTS upstream `n` (1-based) of a modem: received within 0.5 dB of a 0 dBmV set point, SNR 36 dB, ranged. */
export function cmtsUpstream(n: number, patch: Partial<CmtsUpstream> = {}): CmtsUpstream {
  return {
    ifIndex: 1100 + n,
    rxPowerDbmv: [0, 0.5, -0.5, 0.2][(n - 1) % 4],
    snrDb: 36,
    uncorrectables: 0,
    rangingStatus: 4,
    ...patch,
  };
}

/**
 * The CMTS's row for the textbook modem: operational on node 1000.2, 4 clean upstreams, no partial service, one CPE.
 * `regState` is shorthand for a DOCS-IF3 state (CmtsCmRegState); `state` takes either enumeration.
 */
export function cmtsRow(patch: Partial<CmtsModemRow> & { regState?: number } = {}): CmtsModemRow {
  const { regState, ...rest } = patch;
  return {
    regId: 1,
    statusIndex: null,
    mac: '00:1d:d1:00:00:01',
    ipv4: '10.1.0.11',
    state: cmtsRegState('docsIf3', regState ?? 8),
    mdIfIndex: 1000,
    sgId: 2,
    lastRegAt: NOW - THREE_DAYS_SEC * 1000 + 60_000,
    partialSvcState: 2,
    upstream: [1, 2, 3, 4].map((n) => cmtsUpstream(n)),
    cpes: [{ cpeId: 1, ip: '192.168.0.10', type: 1 }],
    ...rest,
  };
}

/** Node 1000.2 of sim-cmts-1: 31 other modems, 2 of them offline, no shared faults. */
export function neighbourhood(patch: Partial<Neighbourhood> = {}): Neighbourhood {
  return {
    cmtsId: 'sim-cmts-1',
    mdIfIndex: 1000,
    sgId: 2,
    groupKey: '1000.2',
    groupedBy: 'serviceGroup',
    observedAt: Date.UTC(2026, 10, 1, 10, 0),
    others: 31,
    othersOffline: 2,
    notInInventory: 0,
    faultCounts: {},
    ...patch,
  };
}

/** sim-cmts-1 with a 0 dBmV set point, holding `cmtsRow()` and `neighbourhood()`. */
export function cmtsContext(patch: Partial<CmtsContext> = {}): CmtsContext {
  return {
    cmtsId: 'sim-cmts-1',
    setPointDbmv: 0,
    row: cmtsRow(),
    neighbourhood: neighbourhood(),
    ...patch,
  };
}

export function ruleContext(
  reading: ReachableReading,
  patch: Partial<Omit<RuleContext, 'reading'>> = {},
): RuleContext {
  return { reading, history: [], counterBaseline: null, thresholds: DEFAULT_THRESHOLDS, ...patch };
}

export function diagnosisInput(
  reading: DiagnosisInput['reading'],
  patch: Partial<Omit<DiagnosisInput, 'reading'>> = {},
): DiagnosisInput {
  return { reading, history: [], counterBaseline: null, thresholds: DEFAULT_THRESHOLDS, ...patch };
}

/** A counter snapshot of `reading` taken `minutesAgo` earlier, `uptimeSec` consistent with no reboot since. */
export function snapshotOf(reading: ReachableReading, minutesAgo: number): CounterSnapshot {
  return {
    at: reading.observedAt - minutesAgo * 60 * 1000,
    uptimeSec: reading.uptimeSec - minutesAgo * 60,
    ds: reading.downstream.map((ch) => ({
      ifIndex: ch.ifIndex,
      unerrored: ch.unerrored ?? 0n,
      corrected: ch.corrected ?? 0n,
      uncorrectable: ch.uncorrectable ?? 0n,
    })),
    ofdm: reading.ofdm.flatMap((ch) => ch.profiles.map((p) => ({ ifIndex: ch.ifIndex, ...p }))),
  };
}

/** A reachable history entry `hoursAgo` before NOW. */
export function historyEntry(hoursAgo: number, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at: NOW - hoursAgo * HOUR_MS,
    reachable: true,
    uptimeSec: THREE_DAYS_SEC - hoursAgo * 3600,
    statusValue: 12,
    resets: 1,
    t3: 0,
    t4: 0,
    t3Exceeded: 0,
    ...patch,
  };
}
