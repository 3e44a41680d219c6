// A modem's upstream pre-equalisation (DocsEqualizerData, docs/pre-equalisation.md §1): the shape mib/ decodes it
// into, the simulator encodes it from, and diagnosis/pre-eq/ analyses.

/** One complex tap coefficient, as the integers the modem reports (vendor scale: see the nominal amplitude). */
export interface ComplexTap {
  re: number;
  im: number;
}

/**
 * How each coefficient sits in its 16-bit field: `int16` is the DocsEqualizerData TC (two's complement, big-endian);
 * `int12` is the "3-nibble" quirk of some modems (12-bit two's complement in the low 12 bits, top nibble 0).
 */
export type CoefficientEncoding = 'int16' | 'int12';

export interface EqualizerData {
  /** 1-based position of the main tap among the forward taps (typically 8 of 24). */
  mainTap: number;
  /** Forward taps per symbol: 1 for DOCSIS 2.0/3.0 (T-spaced), 2 or 4 for fractionally spaced equalisers. */
  tapsPerSymbol: number;
  forward: ComplexTap[];
  /** Reverse (feedback) taps; none on DOCSIS 2.0/3.0 upstream pre-equalisers. */
  reverse: ComplexTap[];
  encoding: CoefficientEncoding;
}

/** Why bytes are not usable equaliser data. Nothing is made up for a value the modem did not give. */
export type EqualizerDataFailure =
  /** A zero-length value: the modem has no equaliser data for this channel (the TC's SIZE 0). */
  | { reason: 'EMPTY' }
  /** Fewer bytes than the 4-byte header. */
  | { reason: 'TOO_SHORT'; actualBytes: number }
  /** Header byte 1 is not 1, 2 or 4. */
  | { reason: 'BAD_TAPS_PER_SYMBOL'; tapsPerSymbol: number }
  | { reason: 'NO_FORWARD_TAPS' }
  /** More than the TC's 64 taps (n + m). */
  | { reason: 'TOO_MANY_TAPS'; taps: number; maxTaps: number }
  /** The main tap location is 0 or beyond the forward taps. */
  | { reason: 'MAIN_TAP_OUT_OF_RANGE'; mainTap: number; forwardTaps: number }
  /** The length disagrees with the header: 4 + 4 · (n + m) bytes expected. */
  | { reason: 'LENGTH_MISMATCH'; expectedBytes: number; actualBytes: number }
  /** The main tap is 0 + 0j (an unequalised or zero-filled answer): there is nothing to measure against. */
  | { reason: 'MAIN_TAP_ZERO' };

export type EqualizerDataFailureReason = EqualizerDataFailure['reason'];

/** The DocsEqualizerData TC's limits (RFC 4546): up to 64 taps, so at most 4 + 4 · 64 = 260 bytes. */
export const EQUALIZER_MAX_TAPS = 64;
export const EQUALIZER_TAPS_PER_SYMBOL: readonly number[] = [1, 2, 4];

/** The header's four numbers (DocsEqualizerData bytes 0-3). */
export interface EqualizerHeader {
  mainTap: number;
  tapsPerSymbol: number;
  forwardTaps: number;
  reverseTaps: number;
}

/** What makes a header unusable: the TC's limits and a main tap among the forward taps. */
export function equalizerHeaderProblem(header: EqualizerHeader): EqualizerDataFailure | null {
  const { mainTap, tapsPerSymbol, forwardTaps } = header;
  const taps = forwardTaps + header.reverseTaps;
  if (!EQUALIZER_TAPS_PER_SYMBOL.includes(tapsPerSymbol)) {
    return { reason: 'BAD_TAPS_PER_SYMBOL', tapsPerSymbol };
  }
  if (forwardTaps === 0) {
    return { reason: 'NO_FORWARD_TAPS' };
  }
  if (taps > EQUALIZER_MAX_TAPS) {
    return { reason: 'TOO_MANY_TAPS', taps, maxTaps: EQUALIZER_MAX_TAPS };
  }
  if (!Number.isInteger(mainTap) || mainTap < 1 || mainTap > forwardTaps) {
    return { reason: 'MAIN_TAP_OUT_OF_RANGE', mainTap, forwardTaps };
  }
  return null;
}

export function headerOf(data: EqualizerData): EqualizerHeader {
  return {
    mainTap: data.mainTap,
    tapsPerSymbol: data.tapsPerSymbol,
    forwardTaps: data.forward.length,
    reverseTaps: data.reverse.length,
  };
}

/** What makes equaliser data unusable for analysis: its header, or a main tap of 0 + 0j. */
export function equalizerDataProblem(data: EqualizerData): EqualizerDataFailure | null {
  const headerProblem = equalizerHeaderProblem(headerOf(data));
  if (headerProblem) {
    return headerProblem;
  }
  const main = data.forward[data.mainTap - 1];
  return main.re === 0 && main.im === 0 ? { reason: 'MAIN_TAP_ZERO' } : null;
}
