import type { CoefficientEncoding } from '../../domain/pre-equalization';

// Vendors scale the coefficients differently: an unimpaired main tap reads 511, 1023, 2047 or 32767 (seen in the
// field), always 2^k - 1. The taps' total energy stays near the nominal main tap's, so √TTE points at the scale.

const SMALLEST_EXPONENT = 8;
const LARGEST_EXPONENT: Record<CoefficientEncoding, number> = { int16: 15, int12: 11 };

/** The 2^k - 1 (255 to 32767; to 2047 in 12-bit fields) nearest to √TTE, on a log scale. */
export function estimateNominalAmplitude(tte: number, encoding: CoefficientEncoding): number {
  const root = Math.sqrt(tte);
  let best = 2 ** SMALLEST_EXPONENT - 1;
  for (let k = SMALLEST_EXPONENT + 1; k <= LARGEST_EXPONENT[encoding]; k++) {
    const candidate = 2 ** k - 1;
    if (Math.abs(Math.log(candidate / root)) < Math.abs(Math.log(best / root))) {
      best = candidate;
    }
  }
  return best;
}
