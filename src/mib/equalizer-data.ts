import {
  equalizerDataProblem,
  equalizerHeaderProblem,
  headerOf,
  type CoefficientEncoding,
  type ComplexTap,
  type EqualizerData,
  type EqualizerDataFailure,
  type EqualizerHeader,
} from '../domain/pre-equalization';

// Pure: DocsEqualizerData octets (docsIf3CmStatusUsEqData, docsIfCmStatusEqualizationData and their CMTS twins) to
// typed taps and back. Layout in docs/pre-equalisation.md §1: a 4-byte header, then n + m complex taps, each a
// real then an imaginary 16-bit big-endian field. Any bytes at all give data or a stated failure, never an exception.

const HEADER_BYTES = 4;
const TAP_BYTES = 4;

export type EqualizerDecoding =
  { ok: true; data: EqualizerData } | { ok: false; failure: EqualizerDataFailure };

export interface EqualizerDecodeOptions {
  /** 'auto' (the default) tells the 12-bit quirk from the TC's 16-bit fields; a known vendor can name its own. */
  encoding?: CoefficientEncoding | 'auto';
}

/** Equaliser octets (as the SNMP layer files an OctetString: bytes, or a latin1 string) to taps, or why not. */
export function decodeEqualizerData(
  octets: Uint8Array | string,
  options: EqualizerDecodeOptions = {},
): EqualizerDecoding {
  const bytes = typeof octets === 'string' ? Buffer.from(octets, 'latin1') : octets;
  const header = readHeader(bytes);
  if ('reason' in header) {
    return { ok: false, failure: header };
  }
  const words = readFields(bytes);
  const encoding =
    options.encoding === 'int16' || options.encoding === 'int12'
      ? options.encoding
      : detectEncoding(words, header);
  const taps = toTaps(words, encoding);
  const data: EqualizerData = {
    mainTap: header.mainTap,
    tapsPerSymbol: header.tapsPerSymbol,
    forward: taps.slice(0, header.forwardTaps),
    reverse: taps.slice(header.forwardTaps),
    encoding,
  };
  const problem = equalizerDataProblem(data);
  return problem ? { ok: false, failure: problem } : { ok: true, data };
}

function readHeader(bytes: Uint8Array): EqualizerHeader | EqualizerDataFailure {
  if (bytes.length === 0) {
    return { reason: 'EMPTY' };
  }
  if (bytes.length < HEADER_BYTES) {
    return { reason: 'TOO_SHORT', actualBytes: bytes.length };
  }
  const header = { mainTap: bytes[0], tapsPerSymbol: bytes[1], forwardTaps: bytes[2], reverseTaps: bytes[3] };
  const problem = equalizerHeaderProblem(header);
  if (problem) {
    return problem;
  }
  const expectedBytes = HEADER_BYTES + TAP_BYTES * (header.forwardTaps + header.reverseTaps);
  if (bytes.length !== expectedBytes) {
    return { reason: 'LENGTH_MISMATCH', expectedBytes, actualBytes: bytes.length };
  }
  return header;
}

/** The raw 16-bit fields after the header: re, im, re, im... */
function readFields(bytes: Uint8Array): number[] {
  const fields: number[] = [];
  for (let i = HEADER_BYTES; i + 1 < bytes.length; i += 2) {
    fields.push((bytes[i] << 8) | bytes[i + 1]);
  }
  return fields;
}

function signed16(field: number): number {
  return field >= 0x8000 ? field - 0x10000 : field;
}

function signed12(field: number): number {
  const low = field & 0x0fff;
  return low >= 0x0800 ? low - 0x1000 : low;
}

function toTaps(fields: readonly number[], encoding: CoefficientEncoding): ComplexTap[] {
  const signed = encoding === 'int12' ? signed12 : signed16;
  const taps: ComplexTap[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    taps.push({ re: signed(fields[i]), im: signed(fields[i + 1]) });
  }
  return taps;
}

/**
 * The 12-bit quirk: every field's top nibble is 0. That alone also fits a 16-bit modem whose values all stay below
 * 4096 (a nominal main tap of 4095 on a line without negative coefficients), so the main tap decides too: read
 * as 12-bit it must be a plausible main tap (the strongest tap, real part positive and at least the imaginary
 * part) where the 16-bit reading is not; when both or neither are, the reading giving the main tap the larger share
 * of the energy wins. Without a field at or above 0x0800 both readings are the same numbers: int16, the TC's.
 */
function detectEncoding(fields: readonly number[], header: EqualizerHeader): CoefficientEncoding {
  if (fields.some((f) => (f & 0xf000) !== 0) || !fields.some((f) => (f & 0x0800) !== 0)) {
    return 'int16';
  }
  const main = header.mainTap - 1;
  const as12 = toTaps(fields, 'int12').slice(0, header.forwardTaps);
  const as16 = toTaps(fields, 'int16').slice(0, header.forwardTaps);
  const plausible12 = isPlausibleMainTap(as12, main);
  const plausible16 = isPlausibleMainTap(as16, main);
  if (plausible12 !== plausible16) {
    return plausible12 ? 'int12' : 'int16';
  }
  return mainTapShare(as12, main) > mainTapShare(as16, main) ? 'int12' : 'int16';
}

function energy(tap: ComplexTap): number {
  return tap.re * tap.re + tap.im * tap.im;
}

function isPlausibleMainTap(taps: readonly ComplexTap[], main: number): boolean {
  const m = taps[main];
  return m.re > 0 && m.re >= Math.abs(m.im) && taps.every((t) => energy(t) <= energy(m));
}

function mainTapShare(taps: readonly ComplexTap[], main: number): number {
  const total = taps.reduce((sum, t) => sum + energy(t), 0);
  return total === 0 ? 0 : energy(taps[main]) / total;
}

const FIELD_RANGE: Record<CoefficientEncoding, { min: number; max: number }> = {
  int16: { min: -0x8000, max: 0x7fff },
  int12: { min: -0x0800, max: 0x07ff },
};

/**
 * Taps to DocsEqualizerData octets in the given encoding (the simulator serves these). A zero main tap is encoded
 * as given (a modem without equalisation answers so); a header outside the TC, or a coefficient that is not an
 * integer the encoding can hold, is a programming error and throws a RangeError.
 */
export function encodeEqualizerData(data: EqualizerData): Uint8Array {
  const problem = equalizerHeaderProblem(headerOf(data));
  if (problem) {
    throw new RangeError(`equaliser data cannot be encoded: ${JSON.stringify(problem)}`);
  }
  const taps = [...data.forward, ...data.reverse];
  const bytes = new Uint8Array(HEADER_BYTES + TAP_BYTES * taps.length);
  bytes.set([data.mainTap, data.tapsPerSymbol, data.forward.length, data.reverse.length]);
  taps.forEach((tap, i) => {
    writeField(bytes, HEADER_BYTES + TAP_BYTES * i, tap.re, data.encoding);
    writeField(bytes, HEADER_BYTES + TAP_BYTES * i + 2, tap.im, data.encoding);
  });
  return bytes;
}

function writeField(bytes: Uint8Array, at: number, value: number, encoding: CoefficientEncoding): void {
  const { min, max } = FIELD_RANGE[encoding];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`coefficient ${value} does not fit ${encoding} (${min}..${max})`);
  }
  const field = value & (encoding === 'int12' ? 0x0fff : 0xffff);
  bytes[at] = field >> 8;
  bytes[at + 1] = field & 0xff;
}
