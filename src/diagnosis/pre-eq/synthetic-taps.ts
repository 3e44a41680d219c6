import type { ComplexTap } from '../../domain/pre-equalization';

// Realistic coefficients for a described channel: what the simulator serves and the tests measure. To first order
// a pre-equaliser answers a weak echo with one tap of the echo's delay and level (opposite sign, which no
// analysis here depends on). An echo between two taps spreads as a band-limited pulse, sinc(n - delay), as a
// T-spaced equaliser sees it. The taps are then scaled so that √TTE is the vendor's nominal amplitude, as modems do.

export interface SyntheticEcho {
  /** Taps after the main tap (negative: before it, group delay); fractional between taps. */
  delayTaps: number;
  /** Relative to the main tap (dBc). */
  levelDbc: number;
  phaseRad?: number;
}

export interface SyntheticEqualizer {
  /** Default 24. */
  forwardTaps?: number;
  /** 1-based; default 8. */
  mainTap?: number;
  /** 511, 1023, 2047 or 32767 (the vendor's scale). */
  nominalAmplitude: number;
  echoes: readonly SyntheticEcho[];
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

/** Rounded, without a negative zero. */
function toInteger(value: number): number {
  return Math.round(value) || 0;
}

/** Integer forward taps for the described channel, main tap real and positive. */
export function synthesizeTaps(spec: SyntheticEqualizer): ComplexTap[] {
  const count = spec.forwardTaps ?? 24;
  const k = (spec.mainTap ?? 8) - 1;
  const taps = Array.from({ length: count }, (_, i) => ({ re: i === k ? 1 : 0, im: 0 }));
  for (const echo of spec.echoes) {
    const amplitude = 10 ** (echo.levelDbc / 20);
    const phase = echo.phaseRad ?? 0;
    taps.forEach((tap, i) => {
      const spread = Number.isInteger(echo.delayTaps)
        ? Number(i - k === echo.delayTaps)
        : sinc(i - k - echo.delayTaps);
      tap.re += amplitude * spread * Math.cos(phase);
      tap.im += amplitude * spread * Math.sin(phase);
    });
  }
  const scale =
    spec.nominalAmplitude / Math.sqrt(taps.reduce((sum, t) => sum + t.re * t.re + t.im * t.im, 0));
  return taps.map((t) => ({ re: toInteger(t.re * scale), im: toInteger(t.im * scale) }));
}
