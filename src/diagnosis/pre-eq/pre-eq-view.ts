import type { ModemReading, UpstreamChannel } from '../../domain/modem-reading';
import type { CoefficientEncoding, ComplexTap } from '../../domain/pre-equalization';
import type { PreEqThresholds } from '../../domain/thresholds';
import { decodeEqualizerData } from '../../mib/equalizer-data';
import { round } from '../rule-helpers';
import { PRE_EQ_VIEW_WORDS, preEqSilentReason, preEqUnusableReason } from '../wording';
import { analysePreEq, type PreEqAnalysis } from './analyse-pre-eq';
import type { DistortionKind } from './distortion';
import type { PreEqGrade } from './grades';
import type { EchoDistance } from './timing';

// A modem's upstream pre-equalisation laid out for people (the NOC's tap and frequency response plots, GET
// /modems/{id}/pre-equalisation): every channel of the latest reading, its taps, metrics, echo and in-channel
// frequency response, or why it has none. Made on demand from the stored coefficients; sweeps never make it.

/**
 * ANALYSED: coefficients read and decoded; NOT_READ: the modem gave none for the channel; NO_PRE_EQ: it answered an
 * empty value; UNUSABLE: what it sent is not valid DocsEqualizerData.
 */
export type PreEqChannelState = 'ANALYSED' | 'NOT_READ' | 'NO_PRE_EQ' | 'UNUSABLE';

export interface PreEqTapView {
  /** 1-based, as the header counts (the main tap's index is `mainTap`). */
  index: number;
  real: number;
  imag: number;
  /** |tap|² relative to the main tap's, in dB (0 for the main tap; -100 for a zero tap). */
  magnitudeDbc: number;
}

export interface PreEqEchoView {
  /** 1-based index of the strongest post-main tap. */
  tap: number;
  delayTaps: number;
  interpolated: boolean;
  levelDbc: number;
  /** Round-trip delay (ns) and one-way distance; null when the channel width was not read. */
  delayNs: number | null;
  distanceM: number | null;
  distanceFt: number | null;
}

export interface PreEqResponsePointView {
  /** From the channel's centre (Hz); null when the channel width was not read (then see bandFraction). */
  offsetHz: number | null;
  /** -0.5 (lower band edge) to below 0.5. */
  bandFraction: number;
  /** Amplitude relative to an unimpaired channel (dB). */
  amplitudeDb: number;
}

export interface PreEqChannelAnalysisView {
  encoding: CoefficientEncoding;
  tapsPerSymbol: number;
  mainTap: number;
  nominalAmplitude: number;
  /** Null when the channel width was not read. */
  symbolRateBaud: number | null;
  tapSpacingNs: number | null;
  /** The forward taps in order (DOCSIS 2.0/3.0 upstream pre-equalisers have no reverse taps). */
  taps: PreEqTapView[];
  metrics: {
    mtrDb: number;
    mtcDb: number;
    nmterDb: number;
    preMtterDb: number;
    postMtterDb: number;
    ppesrDb: number;
    pptsrDb: number | null;
    /** Energies in the vendor's coefficient units, squared. */
    mte: number;
    preMte: number;
    postMte: number;
    tte: number;
  };
  grades: { mtr: PreEqGrade; nmter: PreEqGrade; rippleEcho: PreEqGrade };
  distortion: DistortionKind;
  /** The strongest post-main tap at or above the echo floor; null when there is none. */
  echo: PreEqEchoView | null;
  /** The profile's echo floor (dBc) the echo was looked for above. */
  echoFloorDbc: number;
  shortEcho: {
    present: boolean;
    preAdjacentDbc: number | null;
    postAdjacentDbc: number | null;
    farPostMaxDbc: number | null;
  };
  frequencyResponse: {
    points: PreEqResponsePointView[];
    ripple: {
      depthDb: number;
      echoDbc: number;
      cycles: number | null;
      periodHz: number | null;
      distanceM: number | null;
      distanceFt: number | null;
    };
  };
}

export interface PreEqChannelView {
  ifIndex: number;
  channelId: number | null;
  frequencyHz: number;
  widthHz: number | null;
  state: PreEqChannelState;
  /** Why there is no analysis; null when ANALYSED. */
  reason: string | null;
  analysis: PreEqChannelAnalysisView | null;
}

export interface PreEqView {
  modemId: string;
  /** The reading's time (ISO 8601); null when there is none. */
  observedAt: string | null;
  /** Why there are no channels (no reading, a silent modem, no upstream); null when there are. */
  reason: string | null;
  channels: PreEqChannelView[];
}

/** The latest reading's upstream pre-equalisation, channel by channel, or why there is none. */
export function preEqView(modemId: string, reading: ModemReading | null, t: PreEqThresholds): PreEqView {
  if (reading == null) {
    return { modemId, observedAt: null, reason: PRE_EQ_VIEW_WORDS.noReading, channels: [] };
  }
  const observedAt = new Date(reading.observedAt).toISOString();
  if (!reading.reachable) {
    return { modemId, observedAt, reason: preEqSilentReason(observedAt, reading.error), channels: [] };
  }
  const channels = [...reading.upstream]
    .sort((a, b) => a.frequencyHz - b.frequencyHz || a.ifIndex - b.ifIndex)
    .map((ch) => channelView(ch, t));
  return {
    modemId,
    observedAt,
    reason: channels.length === 0 ? PRE_EQ_VIEW_WORDS.noUpstream : null,
    channels,
  };
}

function channelView(channel: UpstreamChannel, t: PreEqThresholds): PreEqChannelView {
  const widthHz = channel.widthHz ?? null;
  const base = {
    ifIndex: channel.ifIndex,
    channelId: channel.channelId,
    frequencyHz: channel.frequencyHz,
    widthHz,
  };
  const none = (state: PreEqChannelState, reason: string): PreEqChannelView => ({
    ...base,
    state,
    reason,
    analysis: null,
  });
  if (channel.preEq == null) {
    return none('NOT_READ', PRE_EQ_VIEW_WORDS.notRead);
  }
  if (channel.preEq === '') {
    return none('NO_PRE_EQ', PRE_EQ_VIEW_WORDS.empty);
  }
  const decoded = decodeEqualizerData(Buffer.from(channel.preEq, 'hex'));
  if (!decoded.ok) {
    return none('UNUSABLE', preEqUnusableReason(decoded.failure));
  }
  const outcome = analysePreEq(decoded.data, widthHz, t);
  if (!outcome.ok) {
    return none('UNUSABLE', preEqUnusableReason(outcome.failure));
  }
  return {
    ...base,
    state: 'ANALYSED',
    reason: null,
    analysis: analysisView(outcome.analysis, decoded.data.forward, decoded.data.tapsPerSymbol, t),
  };
}

const DB = 2;
const NS_PER_S = 1e9;

function distanceView(d: EchoDistance | null): { distanceM: number | null; distanceFt: number | null } {
  return d
    ? { distanceM: round(d.metres, 1), distanceFt: round(d.feet, 0) }
    : { distanceM: null, distanceFt: null };
}

const dbOrNull = (v: number | null): number | null => (v == null ? null : round(v, DB));

function analysisView(
  a: PreEqAnalysis,
  forward: readonly ComplexTap[],
  tapsPerSymbol: number,
  t: PreEqThresholds,
): PreEqChannelAnalysisView {
  const m = a.metrics;
  const echo = a.echo;
  const ripple = a.frequencyResponse.ripple;
  return {
    encoding: a.encoding,
    tapsPerSymbol,
    mainTap: a.mainTap,
    nominalAmplitude: a.nominalAmplitude,
    symbolRateBaud: a.timing ? Math.round(a.timing.symbolRateBaud) : null,
    tapSpacingNs: a.timing ? round(a.timing.tapSpacingSec * NS_PER_S, 2) : null,
    taps: forward.map((tap, i) => ({
      index: i + 1,
      real: tap.re,
      imag: tap.im,
      magnitudeDbc: round(a.tapLevelsDbc[i], DB),
    })),
    metrics: {
      mtrDb: round(m.mtrDb, DB),
      mtcDb: round(m.mtcDb, DB),
      nmterDb: round(m.nmterDb, DB),
      preMtterDb: round(m.preMtterDb, DB),
      postMtterDb: round(m.postMtterDb, DB),
      ppesrDb: round(m.ppesrDb, DB),
      pptsrDb: dbOrNull(m.pptsrDb),
      mte: m.mte,
      preMte: m.preMte,
      postMte: m.postMte,
      tte: m.tte,
    },
    grades: a.grades,
    distortion: a.distortion,
    echo: echo.found
      ? {
          tap: echo.tap,
          delayTaps: round(echo.delayTaps, 2),
          interpolated: echo.interpolated,
          levelDbc: round(echo.levelDbc, DB),
          delayNs: echo.distance ? round(echo.distance.delaySec * NS_PER_S, 1) : null,
          ...distanceView(echo.distance),
        }
      : null,
    echoFloorDbc: t.echoTapMinDbc,
    shortEcho: {
      present: a.shortEcho.present,
      preAdjacentDbc: dbOrNull(a.shortEcho.preAdjacentDbc),
      postAdjacentDbc: dbOrNull(a.shortEcho.postAdjacentDbc),
      farPostMaxDbc: dbOrNull(a.shortEcho.farPostMaxDbc),
    },
    frequencyResponse: {
      points: a.frequencyResponse.points.map((p) => ({
        offsetHz: p.offsetHz == null ? null : Math.round(p.offsetHz),
        bandFraction: round(p.bandFraction, 6),
        amplitudeDb: round(p.magnitudeDb, DB),
      })),
      ripple: {
        depthDb: round(ripple.depthDb, DB),
        echoDbc: round(ripple.echoDbc, DB),
        cycles: ripple.cycles,
        periodHz: ripple.periodHz == null ? null : Math.round(ripple.periodHz),
        ...distanceView(ripple.distance),
      },
    },
  };
}
