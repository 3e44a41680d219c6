// Ratios in dB with the zero cases pinned, so that every metric is a finite number (JSON has no Infinity).

/** Ratios are reported within ±DB_LIMIT dB: an empty side of a ratio reads as the limit, not as infinity. */
export const DB_LIMIT = 100;

function clampDb(db: number): number {
  return Math.min(DB_LIMIT, Math.max(-DB_LIMIT, db));
}

/** 10·log10(numerator / denominator) of two energies; 0 dB when both are 0 (nothing on either side). */
export function powerRatioDb(numerator: number, denominator: number): number {
  if (numerator === 0 && denominator === 0) {
    return 0;
  }
  if (denominator === 0) {
    return DB_LIMIT;
  }
  return numerator === 0 ? -DB_LIMIT : clampDb(10 * Math.log10(numerator / denominator));
}

/** 20·log10(amplitude), for amplitudes relative to a reference of 1. */
export function amplitudeDb(amplitude: number): number {
  return amplitude === 0 ? -DB_LIMIT : clampDb(20 * Math.log10(amplitude));
}
