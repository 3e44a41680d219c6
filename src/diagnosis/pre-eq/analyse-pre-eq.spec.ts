import type { CoefficientEncoding, EqualizerData } from '../../domain/pre-equalization';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { decodeEqualizerData, encodeEqualizerData } from '../../mib/equalizer-data';
import { analysePreEq, type PreEqAnalysis } from './analyse-pre-eq';
import { synthesizeTaps, type SyntheticEcho } from './synthetic-taps';

const t = DEFAULT_THRESHOLDS.preEq;
const WIDTH_5_12 = 6_400_000;
/** One tap at 5.12 Msym/s, VF 0.87 (m). */
const TAP_METRES = ((1 / 5.12e6) * 299_792_458 * 0.87) / 2;

/** A channel as a modem of the given vendor reports it, through its octets, analysed. */
function analysed(
  nominalAmplitude: number,
  encoding: CoefficientEncoding,
  echoes: SyntheticEcho[],
  channelWidthHz: number | null = WIDTH_5_12,
): PreEqAnalysis {
  const data: EqualizerData = {
    mainTap: 8,
    tapsPerSymbol: 1,
    forward: synthesizeTaps({ nominalAmplitude, echoes }),
    reverse: [],
    encoding,
  };
  const decoded = decodeEqualizerData(encodeEqualizerData(data));
  if (!decoded.ok) {
    throw new Error(JSON.stringify(decoded.failure));
  }
  const outcome = analysePreEq(decoded.data, channelWidthHz, t);
  if (!outcome.ok) {
    throw new Error(JSON.stringify(outcome.failure));
  }
  return outcome.analysis;
}

describe('analysePreEq', () => {
  it('finds nothing on a clean line (16-bit, nominal 32767)', () => {
    const a = analysed(32767, 'int16', []);
    expect(a).toEqual(
      expect.objectContaining({
        encoding: 'int16',
        mainTap: 8,
        nominalAmplitude: 32767,
        grades: { mtr: 'TEXTBOOK', nmter: 'TEXTBOOK', rippleEcho: 'TEXTBOOK' },
        distortion: 'NONE',
        echo: { found: false, strongestPostMainDbc: -100 },
        shortEcho: expect.objectContaining({ present: false }),
      }),
    );
    expect(a.frequencyResponse.ripple).toEqual(expect.objectContaining({ cycles: null, periodHz: null }));
  });

  it.each`
    vendor                     | nominal  | encoding
    ${'12-bit, nominal 511'}   | ${511}   | ${'int12'}
    ${'12-bit, nominal 1023'}  | ${1023}  | ${'int12'}
    ${'12-bit, nominal 2047'}  | ${2047}  | ${'int12'}
    ${'16-bit, nominal 2047'}  | ${2047}  | ${'int16'}
    ${'16-bit, nominal 32767'} | ${32767} | ${'int16'}
  `(
    'locates a drop cavity 3 taps out (76 m at 5.12 Msym/s) whatever the vendor: $vendor',
    ({ nominal, encoding }) => {
      const a = analysed(nominal, encoding, [{ delayTaps: 3, levelDbc: -15, phaseRad: Math.PI }]);
      expect(a.encoding).toBe(encoding);
      expect(a.nominalAmplitude).toBe(nominal);
      expect(a.distortion).toBe('MICRO_REFLECTION');
      expect(a.grades).toEqual({ mtr: 'FAULT', nmter: 'FAULT', rippleEcho: 'FAULT' });
      expect(a.echo).toEqual(
        expect.objectContaining({ found: true, tap: 11, delayTaps: 3, levelDbc: expect.closeTo(-15, 0) }),
      );
      expect(a.echo.found && a.echo.distance?.metres).toBeCloseTo(3 * TAP_METRES, 6);
      expect(a.frequencyResponse.ripple).toEqual(
        expect.objectContaining({
          cycles: 3,
          periodHz: expect.closeTo(5.12e6 / 3, 3),
          echoDbc: expect.closeTo(-15, 0),
        }),
      );
    },
  );

  it('places "a reflection about 45 m from the modem" within half a tap', () => {
    const a = analysed(2047, 'int16', [{ delayTaps: 45 / TAP_METRES, levelDbc: -18 }]);
    expect(a.echo.found).toBe(true);
    expect(Math.abs((a.echo.found ? a.echo.distance!.metres : 0) - 45)).toBeLessThan(TAP_METRES / 2);
  });

  it('measures in the channel symbol rate: the same taps are twice as far at 2.56 Msym/s', () => {
    const a = analysed(2047, 'int16', [{ delayTaps: 3, levelDbc: -15 }], 3_200_000);
    expect(a.timing?.symbolRateBaud).toBe(2_560_000);
    expect(a.echo.found && a.echo.distance?.metres).toBeCloseTo(6 * TAP_METRES, 6);
  });

  it('reads an in-home splitter cascade as energy next to the main tap', () => {
    const a = analysed(1023, 'int12', [
      { delayTaps: -1, levelDbc: -19, phaseRad: 2.5 },
      { delayTaps: 1, levelDbc: -17, phaseRad: -2.5 },
    ]);
    expect(a.shortEcho.present).toBe(true);
    expect(a.metrics.mtcDb).toBeLessThan(0.5);
    expect(a.echo).toEqual(expect.objectContaining({ found: true, tap: 9, interpolated: false }));
  });

  it('reads energy before the main tap as group delay', () => {
    const a = analysed(2047, 'int16', [
      { delayTaps: -1, levelDbc: -16 },
      { delayTaps: -2, levelDbc: -22 },
      { delayTaps: -3, levelDbc: -28 },
    ]);
    expect(a.distortion).toBe('GROUP_DELAY');
    expect(a.metrics.ppesrDb).toBeLessThan(0);
    expect(a.shortEcho.present).toBe(false);
  });

  it('gives every metric but no distance when the channel width was not read', () => {
    const a = analysed(2047, 'int16', [{ delayTaps: 5, levelDbc: -15 }], null);
    expect(a.timing).toBeNull();
    expect(a.echo).toEqual(expect.objectContaining({ found: true, delayTaps: 5, distance: null }));
    expect(a.frequencyResponse.ripple).toEqual(
      expect.objectContaining({ cycles: 5, periodHz: null, distance: null }),
    );
    expect(a.metrics.mtrDb).toBeCloseTo(15, 0);
  });

  it('answers in plain JSON numbers (no Infinity, no NaN), the tap plot one level per tap', () => {
    for (const a of [
      analysed(32767, 'int16', []),
      analysed(511, 'int12', [{ delayTaps: 7.5, levelDbc: -22 }]),
    ]) {
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      expect(a.tapLevelsDbc).toHaveLength(24);
      expect(a.tapLevelsDbc[7]).toBe(0);
    }
  });

  it.each`
    case                    | data                                                                          | failure
    ${'a zero main tap'}    | ${{ mainTap: 1, tapsPerSymbol: 1, forward: [{ re: 0, im: 0 }], reverse: [] }} | ${{ reason: 'MAIN_TAP_ZERO' }}
    ${'a main tap outside'} | ${{ mainTap: 3, tapsPerSymbol: 1, forward: [{ re: 9, im: 0 }], reverse: [] }} | ${{ reason: 'MAIN_TAP_OUT_OF_RANGE', mainTap: 3, forwardTaps: 1 }}
    ${'no forward taps'}    | ${{ mainTap: 1, tapsPerSymbol: 1, forward: [], reverse: [] }}                 | ${{ reason: 'NO_FORWARD_TAPS' }}
  `('refuses data the decoder would refuse: $case', ({ data, failure }) => {
    expect(analysePreEq({ ...data, encoding: 'int16' }, WIDTH_5_12, t)).toEqual({ ok: false, failure });
  });
});
