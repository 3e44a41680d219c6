import type { ComplexTap } from '../../domain/pre-equalization';
import { powerRatioDb } from './decibels';
import { tapEnergy } from './tap-metrics';
import { distanceOfTaps, type EchoDistance, type EqualizerTiming } from './timing';

// The strongest post-main tap is the echo (pre-equalisation time-domain reflectometry): its offset from the main
// tap is the echo's delay in taps, refined between taps by a parabola through it and its two neighbours.

export type EchoSearch =
  | {
      found: false;
      /** The strongest post-main tap's level (dBc), below the echo floor; null when the main tap is the last tap. */
      strongestPostMainDbc: number | null;
    }
  | {
      found: true;
      /** 1-based index of the strongest post-main tap. */
      tap: number;
      /** Its level relative to the main tap (dBc). */
      levelDbc: number;
      /** The echo's delay in taps after the main tap, interpolated between taps where both neighbours allow it. */
      delayTaps: number;
      /** False when a neighbour was the main tap or did not exist: then delayTaps is the tap's own offset. */
      interpolated: boolean;
      /** Null when the channel width was not read. */
      distance: EchoDistance | null;
    };

/**
 * Where the peak of a parabola through three equally spaced points lies, relative to the middle one: in
 * [-0.5, 0.5] when the middle one is the largest; 0 when the three do not bend down (no peak to refine).
 */
export function parabolicPeakOffset(left: number, centre: number, right: number): number {
  const curvature = left - 2 * centre + right;
  if (curvature >= 0) {
    return 0;
  }
  const offset = (0.5 * (left - right)) / curvature;
  return Math.min(0.5, Math.max(-0.5, offset));
}

/** The strongest post-main tap at or above `minTapDbc` (relative to the main tap), with its delay and distance. */
export function findEcho(
  forward: readonly ComplexTap[],
  mainTap: number,
  minTapDbc: number,
  timing: EqualizerTiming | null,
): EchoSearch {
  const k = mainTap - 1;
  const peak = strongestAfter(forward, k);
  if (peak === null) {
    return { found: false, strongestPostMainDbc: null };
  }
  const levelDbc = powerRatioDb(tapEnergy(forward[peak]), tapEnergy(forward[k]));
  if (levelDbc < minTapDbc) {
    return { found: false, strongestPostMainDbc: levelDbc };
  }
  const interpolated = peak - 1 > k && peak + 1 < forward.length;
  const amplitude = (i: number) => Math.sqrt(tapEnergy(forward[i]));
  const delayTaps =
    peak -
    k +
    (interpolated ? parabolicPeakOffset(amplitude(peak - 1), amplitude(peak), amplitude(peak + 1)) : 0);
  return {
    found: true,
    tap: peak + 1,
    levelDbc,
    delayTaps,
    interpolated,
    distance: timing ? distanceOfTaps(delayTaps, timing) : null,
  };
}

/** The 0-based index of the strongest tap after `k` (the first of equals), or null when there is none. */
function strongestAfter(forward: readonly ComplexTap[], k: number): number | null {
  let peak: number | null = null;
  for (let i = k + 1; i < forward.length; i++) {
    if (peak === null || tapEnergy(forward[i]) > tapEnergy(forward[peak])) {
      peak = i;
    }
  }
  return peak;
}
