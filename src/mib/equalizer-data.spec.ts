import fc from 'fast-check';
import type { CoefficientEncoding, ComplexTap, EqualizerData } from '../domain/pre-equalization';
import { decodeEqualizerData, encodeEqualizerData } from './equalizer-data';

/** DocsEqualizerData written out by hand: header hex, then 24 taps of zeros except the given (1-based) ones. */
function octets(header: string, taps: Record<number, [string, string]>, count = 24): Buffer {
  let hex = header;
  for (let i = 1; i <= count; i++) {
    const [re, im] = taps[i] ?? ['0000', '0000'];
    hex += re + im;
  }
  return Buffer.from(hex, 'hex');
}

function decoded(bytes: Uint8Array | string, encoding?: CoefficientEncoding): EqualizerData {
  const result = decodeEqualizerData(bytes, encoding ? { encoding } : {});
  if (!result.ok) {
    throw new Error(`expected data, got ${JSON.stringify(result.failure)}`);
  }
  return result.data;
}

describe('decodeEqualizerData', () => {
  it.each`
    vendor                                      | taps                                                                  | encoding   | main                    | tap9
    ${'16-bit, nominal 2047'}                   | ${{ 8: ['07ff', '0000'], 9: ['fffd', '0002'] }}                       | ${'int16'} | ${{ re: 2047, im: 0 }}  | ${{ re: -3, im: 2 }}
    ${'16-bit, nominal 32767'}                  | ${{ 8: ['7fff', '0000'], 9: ['ff38', '0064'] }}                       | ${'int16'} | ${{ re: 32767, im: 0 }} | ${{ re: -200, im: 100 }}
    ${'12-bit, nominal 511'}                    | ${{ 8: ['01ff', '0000'], 9: ['0ffd', '0002'] }}                       | ${'int12'} | ${{ re: 511, im: 0 }}   | ${{ re: -3, im: 2 }}
    ${'12-bit, nominal 1023'}                   | ${{ 8: ['03ff', '0000'], 9: ['0fce', '0032'] }}                       | ${'int12'} | ${{ re: 1023, im: 0 }}  | ${{ re: -50, im: 50 }}
    ${'12-bit, nominal 2047'}                   | ${{ 8: ['07f0', '0000'], 9: ['0f9c', '0001'], 10: ['0ffe', '0fff'] }} | ${'int12'} | ${{ re: 2032, im: 0 }}  | ${{ re: -100, im: 1 }}
    ${'12-bit, only the main tap negative'}     | ${{ 8: ['07f0', '0ffd'], 9: ['0003', '0002'] }}                       | ${'int12'} | ${{ re: 2032, im: -3 }} | ${{ re: 3, im: 2 }}
    ${'16-bit, nominal 4095, nothing negative'} | ${{ 8: ['0fa0', '0000'], 9: ['0010', '0005'] }}                       | ${'int16'} | ${{ re: 4000, im: 0 }}  | ${{ re: 16, im: 5 }}
    ${'16-bit, compressed 4095 main tap'}       | ${{ 8: ['0c00', '0000'], 9: ['0010', '0005'] }}                       | ${'int16'} | ${{ re: 3072, im: 0 }}  | ${{ re: 16, im: 5 }}
    ${'either: no field at or above 0x0800'}    | ${{ 8: ['07ff', '0000'], 9: ['0003', '0002'] }}                       | ${'int16'} | ${{ re: 2047, im: 0 }}  | ${{ re: 3, im: 2 }}
  `('$vendor', ({ taps, encoding, main, tap9 }) => {
    const data = decoded(octets('08011800', taps));
    expect(data).toEqual(
      expect.objectContaining({ mainTap: 8, tapsPerSymbol: 1, encoding, reverse: [] as ComplexTap[] }),
    );
    expect(data.forward).toHaveLength(24);
    expect(data.forward[7]).toEqual(main);
    expect(data.forward[8]).toEqual(tap9);
    expect(data.forward[0]).toEqual({ re: 0, im: 0 });
  });

  it('reads a vendor named as 16-bit as 16-bit, whatever the nibbles say', () => {
    const data = decoded(octets('08011800', { 8: ['07f0', '0000'], 9: ['0ffd', '0002'] }), 'int16');
    expect(data.encoding).toBe('int16');
    expect(data.forward[8]).toEqual({ re: 4093, im: 2 });
  });

  it('reads a vendor named as 12-bit from the low 12 bits', () => {
    const data = decoded(octets('08011800', { 8: ['07f0', '0000'], 9: ['fffd', '0002'] }), 'int12');
    expect(data.forward[8]).toEqual({ re: -3, im: 2 });
  });

  it('reads the octets as the SNMP layer files them (a latin1 string) as it reads bytes', () => {
    const bytes = octets('08011800', { 8: ['07ff', '0000'], 9: ['fffd', '0002'] });
    expect(decoded(bytes.toString('latin1'))).toEqual(decoded(bytes));
  });

  it('keeps reverse taps apart from the forward taps', () => {
    const data = decoded(octets('02010201', { 2: ['07ff', '0000'], 3: ['0001', 'ffff'] }, 3));
    expect(data.forward).toEqual([
      { re: 0, im: 0 },
      { re: 2047, im: 0 },
    ]);
    expect(data.reverse).toEqual([{ re: 1, im: -1 }]);
  });

  it.each`
    case                                   | bytes                                                                             | failure
    ${'an empty value (no data)'}          | ${Buffer.alloc(0)}                                                                | ${{ reason: 'EMPTY' }}
    ${'a short buffer (3 bytes)'}          | ${Buffer.from('080118', 'hex')}                                                   | ${{ reason: 'TOO_SHORT', actualBytes: 3 }}
    ${'a header alone'}                    | ${Buffer.from('08011800', 'hex')}                                                 | ${{ reason: 'LENGTH_MISMATCH', expectedBytes: 100, actualBytes: 4 }}
    ${'one byte missing'}                  | ${octets('08011800', { 8: ['07ff', '0000'] }).subarray(0, 99)}                    | ${{ reason: 'LENGTH_MISMATCH', expectedBytes: 100, actualBytes: 99 }}
    ${'header says 24 taps, 10 are there'} | ${octets('08011800', { 8: ['07ff', '0000'] }, 10)}                                | ${{ reason: 'LENGTH_MISMATCH', expectedBytes: 100, actualBytes: 44 }}
    ${'a byte too many'}                   | ${Buffer.concat([octets('08011800', { 8: ['07ff', '0000'] }), Buffer.from([0])])} | ${{ reason: 'LENGTH_MISMATCH', expectedBytes: 100, actualBytes: 101 }}
    ${'main tap 0'}                        | ${octets('00011800', { 8: ['07ff', '0000'] })}                                    | ${{ reason: 'MAIN_TAP_OUT_OF_RANGE', mainTap: 0, forwardTaps: 24 }}
    ${'main tap 25 of 24'}                 | ${octets('19011800', { 8: ['07ff', '0000'] })}                                    | ${{ reason: 'MAIN_TAP_OUT_OF_RANGE', mainTap: 25, forwardTaps: 24 }}
    ${'main tap among the reverse taps'}   | ${octets('19011801', { 8: ['07ff', '0000'] }, 25)}                                | ${{ reason: 'MAIN_TAP_OUT_OF_RANGE', mainTap: 25, forwardTaps: 24 }}
    ${'a zero main tap'}                   | ${octets('08011800', { 9: ['0100', '0000'] })}                                    | ${{ reason: 'MAIN_TAP_ZERO' }}
    ${'all zero coefficients'}             | ${octets('08011800', {})}                                                         | ${{ reason: 'MAIN_TAP_ZERO' }}
    ${'0 taps per symbol'}                 | ${octets('08001800', { 8: ['07ff', '0000'] })}                                    | ${{ reason: 'BAD_TAPS_PER_SYMBOL', tapsPerSymbol: 0 }}
    ${'3 taps per symbol'}                 | ${octets('08031800', { 8: ['07ff', '0000'] })}                                    | ${{ reason: 'BAD_TAPS_PER_SYMBOL', tapsPerSymbol: 3 }}
    ${'no forward taps'}                   | ${Buffer.from('01010000', 'hex')}                                                 | ${{ reason: 'NO_FORWARD_TAPS' }}
    ${'65 taps (40 + 25)'}                 | ${octets('08012819', { 8: ['07ff', '0000'] }, 65)}                                | ${{ reason: 'TOO_MANY_TAPS', taps: 65, maxTaps: 64 }}
  `('refuses $case', ({ bytes, failure }) => {
    expect(decodeEqualizerData(bytes)).toEqual({ ok: false, failure });
  });

  it('accepts the largest value the TC allows: 64 taps, 260 bytes', () => {
    const data = decoded(octets('08014000', { 8: ['07ff', '0000'] }, 64));
    expect(data.forward).toHaveLength(64);
  });

  /** Bytes with a header that may or may not fit them, and coefficients that are anything. */
  const hostile = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc
      .record({
        main: fc.integer({ min: 0, max: 30 }),
        perSymbol: fc.constantFrom(0, 1, 2, 4, 7),
        n: fc.integer({ min: 0, max: 30 }),
        m: fc.integer({ min: 0, max: 3 }),
        slack: fc.constantFrom(-1, 0, 0, 0, 1),
        nibbles: fc.boolean(),
      })
      .chain(({ main, perSymbol, n, m, slack, nibbles }) =>
        fc
          .uint8Array({
            minLength: Math.max(0, 4 * (n + m) + slack),
            maxLength: Math.max(0, 4 * (n + m) + slack),
          })
          .map((body) => {
            if (nibbles) {
              body.forEach((_, i) => i % 2 === 0 && (body[i] &= 0x0f));
            }
            return Uint8Array.from([main, perSymbol, n, m, ...body]);
          }),
      ),
  );

  it('answers any bytes with data or a stated failure, and the data encodes back to the same bytes', () => {
    fc.assert(
      fc.property(hostile, (bytes) => {
        const result = decodeEqualizerData(bytes);
        if (result.ok) {
          expect(Buffer.from(encodeEqualizerData(result.data))).toEqual(Buffer.from(bytes));
        } else {
          expect(typeof result.failure.reason).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** 24 taps at a vendor's scale: main tap 8 a little compressed, a weak pre-echo and a spread echo, both signs. */
function tapsAround(nominal: number): ComplexTap[] {
  const scaled = (fraction: number) => Math.round(nominal * fraction) || 0;
  const shape: Record<number, [number, number]> = {
    6: [0.01, -0.02],
    7: [-0.03, 0.02],
    8: [0.97, -0.01],
    10: [-0.06, 0.09],
    11: [-0.11, 0.05],
    12: [0.04, -0.03],
    24: [-0.005, 0.005],
  };
  return Array.from({ length: 24 }, (_, i) => {
    const [re, im] = shape[i + 1] ?? [0, 0];
    return { re: scaled(re), im: scaled(im) };
  });
}

describe('encodeEqualizerData', () => {
  const taps: ComplexTap[] = [
    { re: 0, im: -1 },
    { re: 2047, im: 0 },
    { re: -2048, im: 5 },
  ];

  it.each`
    encoding   | hex
    ${'int16'} | ${'02010300' + '0000ffff' + '07ff0000' + 'f8000005'}
    ${'int12'} | ${'02010300' + '00000fff' + '07ff0000' + '08000005'}
  `('writes $encoding fields big-endian, two-s complement', ({ encoding, hex }) => {
    const bytes = encodeEqualizerData({ mainTap: 2, tapsPerSymbol: 1, forward: taps, reverse: [], encoding });
    expect(Buffer.from(bytes).toString('hex')).toBe(hex);
  });

  it.each`
    encoding   | nominal
    ${'int16'} | ${2047}
    ${'int16'} | ${32767}
    ${'int12'} | ${511}
    ${'int12'} | ${1023}
    ${'int12'} | ${2047}
  `('round-trips $encoding coefficients of nominal $nominal', ({ encoding, nominal }) => {
    const data: EqualizerData = {
      mainTap: 8,
      tapsPerSymbol: 1,
      forward: tapsAround(nominal),
      reverse: [],
      encoding,
    };
    expect(decodeEqualizerData(encodeEqualizerData(data))).toEqual({ ok: true, data });
  });

  it('encodes a zero main tap (a modem without equalisation), which the decoder then refuses', () => {
    const bytes = encodeEqualizerData({
      mainTap: 8,
      tapsPerSymbol: 1,
      forward: Array.from({ length: 24 }, () => ({ re: 0, im: 0 })),
      reverse: [],
      encoding: 'int16',
    });
    expect(bytes).toHaveLength(100);
    expect(decodeEqualizerData(bytes)).toEqual({ ok: false, failure: { reason: 'MAIN_TAP_ZERO' } });
  });

  it.each`
    case                    | forward                   | encoding   | mainTap
    ${'2048 in 12 bits'}    | ${[{ re: 2048, im: 0 }]}  | ${'int12'} | ${1}
    ${'-2049 in 12 bits'}   | ${[{ re: 1, im: -2049 }]} | ${'int12'} | ${1}
    ${'32768 in 16 bits'}   | ${[{ re: 32768, im: 0 }]} | ${'int16'} | ${1}
    ${'a fraction'}         | ${[{ re: 1.5, im: 0 }]}   | ${'int16'} | ${1}
    ${'a main tap outside'} | ${[{ re: 1, im: 0 }]}     | ${'int16'} | ${2}
  `('refuses $case with a RangeError', ({ forward, encoding, mainTap }) => {
    expect(() => encodeEqualizerData({ mainTap, tapsPerSymbol: 1, forward, reverse: [], encoding })).toThrow(
      RangeError,
    );
  });
});
