import type { SyntheticEcho } from '../diagnosis/pre-eq/synthetic-taps';
import type { Prng } from './prng';

// The DOCSIS 3.1 PNM summaries a simulated modem serves (DOCS-PNM-MIB, docs/pnm.md), in real units: the RxMER
// statistics and channel estimate of its OFDM channel, and its OFDMA pre-equaliser. A clean line shows the spread
// real modems show; an echo's summaries are what one echo of that level and delay makes.

/** An equaliser's summary across a whole channel (docsPnmCmOfdmChanEstCoefTable / docsPnmCmUsPreEqTable). */
export interface EqualizerProfile {
  ampRipplePkPkDb: number;
  ampRippleRmsDb: number;
  ampSlopeDbPerMhz: number;
  ampMeanDb: number;
  groupDelayRipplePkPkNs: number;
  groupDelayRippleRmsNs: number;
  groupDelaySlopeNsPerMhz: number;
  groupDelayMeanNs: number;
}

export interface OfdmPnmProfile {
  rxMerStdDevDb: number;
  /** How far under the mean RxMER the 2nd percentile lies (dB), and the highest subcarrier frequency at it. */
  rxMerP2BelowMeanDb: number;
  rxMerP2FrequencyHz: number;
  channelEstimate: EqualizerProfile;
}

export interface OfdmaPnmProfile {
  preEq: EqualizerProfile;
  /** docsPnmCmUsPreEqPreEqCoAdjStatus: other(1) success(2) clipped(3) rejected(4). */
  coAdjStatus: number;
}

/** One symbol at 5.12 Msym/s: the delay of one tap of the simulator's SC-QAM pre-equalisers (6.4 MHz channels). */
const TAP_NS = 195.3125;
/** A sine ripple's RMS is its peak-to-peak over 2√2. */
const RMS_OF_PK_PK = 1 / (2 * Math.SQRT2);
/** The 2nd percentile of a normal spread lies 2.05 standard deviations under its mean. */
const P2_SIGMAS = 2.054;

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** The peak-to-peak amplitude ripple (dB) of one echo of amplitude a relative to the direct signal. */
export function rippleOfAmplitude(a: number): number {
  return 20 * Math.log10((1 + a) / (1 - a));
}

/** The peak-to-peak group-delay ripple (ns) of one echo of amplitude a, delayed τ ns: 2aτ / (1 − a²). */
export function groupDelayRippleOf(a: number, delayNs: number): number {
  return (2 * a * delayNs) / (1 - a * a);
}

const amplitudeOf = (levelDbc: number): number => 10 ** (levelDbc / 20);

/** A clean channel estimate or pre-equaliser: a few tenths of a dB of ripple, no slope to speak of. */
function cleanEqualizer(rnd: Prng): EqualizerProfile {
  const ripple = rnd.between(0.25, 0.6);
  const gd = rnd.between(4, 20);
  return {
    ampRipplePkPkDb: round3(ripple),
    ampRippleRmsDb: round3(ripple * RMS_OF_PK_PK),
    ampSlopeDbPerMhz: round3(rnd.between(-0.008, 0.008)),
    ampMeanDb: round3(rnd.between(-1, 1)),
    groupDelayRipplePkPkNs: round3(gd),
    groupDelayRippleRmsNs: round3(gd * RMS_OF_PK_PK),
    groupDelaySlopeNsPerMhz: round3(rnd.between(-0.05, 0.05)),
    groupDelayMeanNs: round3(rnd.between(2, 20)),
  };
}

/** The OFDM channel's summaries on a clean line: RxMER spread 1-1.8 dB around the mean. */
export function cleanOfdmPnm(rnd: Prng, lowestHz: number, highestHz: number): OfdmPnmProfile {
  const stdDev = rnd.between(1, 1.8);
  return {
    rxMerStdDevDb: round3(stdDev),
    rxMerP2BelowMeanDb: round3(P2_SIGMAS * stdDev + rnd.between(0, 0.5)),
    rxMerP2FrequencyHz: Math.round(rnd.between(lowestHz, highestHz) / 50_000) * 50_000,
    channelEstimate: cleanEqualizer(rnd),
  };
}

export function cleanOfdmaPnm(rnd: Prng): OfdmaPnmProfile {
  return { preEq: cleanEqualizer(rnd), coAdjStatus: 2 };
}

/**
 * An equaliser summary with these echoes over a clean one. Echoes after the main tap (or on both sides of it, a
 * cavity shorter than a tap) are reflections: the strongest ripples the amplitude and the group delay. Echoes only
 * before it are group delay (a filter's phase): they ripple the group delay and leave the amplitude in band.
 */
export function equalizerWithEchoes(
  clean: EqualizerProfile,
  echoes: readonly SyntheticEcho[],
): EqualizerProfile {
  if (echoes.length === 0) {
    return clean;
  }
  const reflection = echoes.some((e) => e.delayTaps > 0);
  const strongest = [...echoes].sort((x, y) => y.levelDbc - x.levelDbc)[0];
  const a = amplitudeOf(strongest.levelDbc);
  const delayNs = Math.abs(strongest.delayTaps) * TAP_NS;
  const gd = reflection
    ? groupDelayRippleOf(a, delayNs)
    : echoes.reduce(
        (sum, e) => sum + groupDelayRippleOf(amplitudeOf(e.levelDbc), Math.abs(e.delayTaps) * TAP_NS),
        0,
      );
  const ripple = reflection ? rippleOfAmplitude(a) + clean.ampRipplePkPkDb / 4 : clean.ampRipplePkPkDb;
  return {
    ...clean,
    ampRipplePkPkDb: round3(ripple),
    ampRippleRmsDb: round3(ripple * RMS_OF_PK_PK),
    groupDelayRipplePkPkNs: round3(gd + clean.groupDelayRipplePkPkNs / 4),
    groupDelayRippleRmsNs: round3((gd + clean.groupDelayRipplePkPkNs / 4) * RMS_OF_PK_PK),
  };
}

/** An echo of this level (dBc) and delay (ns), as a summary sees it (for cavities shorter than a tap too). */
export function equalizerWithEcho(
  clean: EqualizerProfile,
  levelDbc: number,
  delayNs: number,
): EqualizerProfile {
  return equalizerWithEchoes(clean, [{ delayTaps: delayNs / TAP_NS, levelDbc }]);
}
