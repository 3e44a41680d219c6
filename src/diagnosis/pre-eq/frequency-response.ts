import type { ComplexTap } from '../../domain/pre-equalization';
import { amplitudeDb } from './decibels';
import { distanceOfTaps, type EchoDistance, type EqualizerTiming } from './timing';

// The in-channel frequency response (ICFR, docs/pre-equalisation.md §4): the DFT of the taps. One echo of
// relative amplitude a after n taps makes the response ripple between 1 - a and 1 + a, n times across the band the
// taps span (their rate: the symbol rate for T-spaced taps), so the ripple's depth gives the echo's level and its
// period its delay. The pre-equaliser's response is the inverse of the channel's: same depth, same period.

/**
 * DFT points across the band: at least as many as the taps (at most 64), and a peak and a trough of any echo a whole
 * number of taps out fall on points, so its depth is read exactly.
 */
export const RESPONSE_POINTS = 64;

export interface Complex {
  re: number;
  im: number;
}

export interface ResponsePoint {
  /** Position in the band the taps span, from -0.5 (lower edge) to below 0.5; 0 is the channel's centre. */
  bandFraction: number;
  /** Offset from the channel's centre frequency; null when the channel width was not read. */
  offsetHz: number | null;
  /** |H(f)| relative to the nominal main tap amplitude (0 dB: an unimpaired channel). */
  magnitudeDb: number;
}

export interface Ripple {
  /** Peak-to-peak of the magnitude across the band. */
  depthDb: number;
  /** The single echo that would ripple this deep: 20·log10((r - 1) / (r + 1)), r = 10^(depth/20). */
  echoDbc: number;
  /** How many ripple periods fit the band (the strongest one of the dB curve); null when the response is flat. */
  cycles: number | null;
  /** The band divided by the cycles; null when flat or when the channel width was not read. */
  periodHz: number | null;
  /** The echo delay of that period (1 / period) as a cavity length; null as periodHz is. */
  distance: EchoDistance | null;
}

export interface FrequencyResponse {
  points: ResponsePoint[];
  ripple: Ripple;
}

/** The N-point DFT X[m] = Σ x[n] · e^(-j2πmn/N) of up to N samples (the rest are zero). */
export function dft(samples: readonly Complex[], points: number): Complex[] {
  const { cos, sin } = twiddles(points);
  const out: Complex[] = [];
  for (let m = 0; m < points; m++) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < samples.length; n++) {
      // e^(-2πi·m·n/N): the angle's index modulo N, from the table.
      const k = (m * n) % points;
      const x = samples[n];
      re += x.re * cos[k] + x.im * sin[k];
      im += x.im * cos[k] - x.re * sin[k];
    }
    out.push({ re, im });
  }
  return out;
}

const twiddleTables = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** cos and sin of 2πk/N for k < N, computed once per N (every channel of every poll uses the same N). */
function twiddles(points: number): { cos: Float64Array; sin: Float64Array } {
  let table = twiddleTables.get(points);
  if (!table) {
    table = { cos: new Float64Array(points), sin: new Float64Array(points) };
    for (let k = 0; k < points; k++) {
      table.cos[k] = Math.cos((2 * Math.PI * k) / points);
      table.sin[k] = Math.sin((2 * Math.PI * k) / points);
    }
    twiddleTables.set(points, table);
  }
  return table;
}

/** Peak-to-peak ripple p (dB) as the level of the one echo that would cause it (dBc). */
export function echoDbcFromRipple(depthDb: number): number {
  const r = 10 ** (depthDb / 20);
  return amplitudeDb((r - 1) / (r + 1));
}

/** The peak-to-peak ripple (dB) one echo at this level (dBc) makes: the inverse of echoDbcFromRipple. */
export function rippleOfEchoDbc(echoDbc: number): number {
  const a = 10 ** (echoDbc / 20);
  return 20 * Math.log10((1 + a) / (1 - a));
}

// Below this the dB curve is flat but for floating-point noise: no ripple to count.
const FLAT_DB = 1e-9;

/** The strongest periodicity of a dB curve sampled around the whole band, as periods per band (1 to N/2). */
export function rippleCycles(magnitudesDb: readonly number[]): number | null {
  const n = magnitudesDb.length;
  const spectrum = dft(
    magnitudesDb.map((db) => ({ re: db, im: 0 })),
    n,
  );
  let best: number | null = null;
  let bestMagnitude = FLAT_DB * n;
  for (let q = 1; q <= n / 2; q++) {
    const magnitude = Math.hypot(spectrum[q].re, spectrum[q].im);
    if (magnitude > bestMagnitude) {
      best = q;
      bestMagnitude = magnitude;
    }
  }
  return best;
}

/**
 * The response of the forward taps, scaled by the nominal main tap amplitude and timed from the main tap, from the
 * band's lower edge to its upper edge, with its ripple.
 */
export function inChannelFrequencyResponse(
  forward: readonly ComplexTap[],
  mainTap: number,
  nominalAmplitude: number,
  timing: EqualizerTiming | null,
): FrequencyResponse {
  const n = Math.max(RESPONSE_POINTS, forward.length);
  const samples: Complex[] = Array.from({ length: n }, () => ({ re: 0, im: 0 }));
  forward.forEach((tap, i) => {
    samples[(i - (mainTap - 1) + n) % n] = { re: tap.re / nominalAmplitude, im: tap.im / nominalAmplitude };
  });
  const bins = dft(samples, n);
  const bandHz = timing ? 1 / timing.tapSpacingSec : null;
  const points = Array.from({ length: n }, (_, i): ResponsePoint => {
    const m = i - Math.floor(n / 2);
    const bin = bins[(m + n) % n];
    return {
      bandFraction: m / n,
      offsetHz: bandHz === null ? null : (m / n) * bandHz,
      magnitudeDb: amplitudeDb(Math.hypot(bin.re, bin.im)),
    };
  });
  return { points, ripple: rippleOf(points, bandHz, timing) };
}

function rippleOf(
  points: readonly ResponsePoint[],
  bandHz: number | null,
  timing: EqualizerTiming | null,
): Ripple {
  const levels = points.map((p) => p.magnitudeDb);
  const depthDb = Math.max(...levels) - Math.min(...levels);
  const cycles = rippleCycles(levels);
  const timed = cycles !== null && bandHz !== null && timing !== null;
  return {
    depthDb,
    echoDbc: echoDbcFromRipple(depthDb),
    cycles,
    periodHz: timed ? bandHz / cycles : null,
    distance: timed ? distanceOfTaps(cycles, timing) : null,
  };
}
