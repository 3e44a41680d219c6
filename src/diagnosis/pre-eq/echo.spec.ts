import { findEcho, parabolicPeakOffset } from './echo';
import { synthesizeTaps } from './synthetic-taps';
import { tapsWith } from './test-taps.factory';
import { distanceOfTaps, equalizerTiming } from './timing';

const at512 = equalizerTiming(6_400_000, 1, 0.87)!;
/** One tap at 5.12 Msym/s, VF 0.87, by hand: T · c · VF / 2. */
const metresPerTap = ((1 / 5.12e6) * 299_792_458 * 0.87) / 2;

describe('parabolicPeakOffset', () => {
  it.each`
    left   | centre | right  | offset
    ${20}  | ${100} | ${60}  | ${(0.5 * (20 - 60)) / (20 - 200 + 60)}
    ${60}  | ${100} | ${20}  | ${(0.5 * (60 - 20)) / (60 - 200 + 20)}
    ${50}  | ${100} | ${50}  | ${0}
    ${0}   | ${100} | ${100} | ${0.5}
    ${100} | ${100} | ${0}   | ${-0.5}
    ${100} | ${100} | ${100} | ${0}
    ${10}  | ${5}   | ${10}  | ${0}
  `('puts the peak of ($left, $centre, $right) at $offset', ({ left, centre, right, offset }) => {
    expect(parabolicPeakOffset(left, centre, right)).toBeCloseTo(offset, 12);
  });
});

describe('findEcho', () => {
  it.each([2, 3, 4, 5, 8, 12, 15])('places an echo %i taps after the main tap exactly', (n) => {
    const echo = findEcho(tapsWith({ 8: [2047, 0], [8 + n]: [-150, 90] }), 8, -30, at512);
    expect(echo).toEqual({
      found: true,
      tap: 8 + n,
      levelDbc: expect.closeTo(10 * Math.log10((150 ** 2 + 90 ** 2) / 2047 ** 2), 9),
      delayTaps: n,
      interpolated: true,
      distance: {
        delaySec: expect.closeTo(n / 5.12e6, 15),
        metres: expect.closeTo(n * metresPerTap, 6),
        feet: expect.closeTo((n * metresPerTap) / 0.3048, 6),
      },
    });
  });

  it.each`
    n     | why
    ${1}  | ${'its left neighbour is the main tap'}
    ${16} | ${'it is the last tap'}
  `('does not interpolate an echo $n taps out ($why)', ({ n }) => {
    const echo = findEcho(tapsWith({ 8: [2047, 0], [8 + n - 1]: [0, 60], [8 + n]: [200, 0] }), 8, -30, at512);
    expect(echo).toEqual(expect.objectContaining({ found: true, delayTaps: n, interpolated: false }));
  });

  it('interpolates an echo between taps from its neighbours (by hand: 3 + 1/6 taps)', () => {
    // Amplitudes 20, 100, 60 at taps 10, 11, 12: the parabola's peak is 1/6 of a tap after tap 11.
    const echo = findEcho(tapsWith({ 8: [1000, 0], 10: [20, 0], 11: [0, 100], 12: [-60, 0] }), 8, -30, at512);
    expect(echo).toEqual(
      expect.objectContaining({ found: true, tap: 11, delayTaps: expect.closeTo(3 + 1 / 6, 12) }),
    );
    if (echo.found) {
      expect(echo.distance?.metres).toBeCloseTo((19 / 6) * metresPerTap, 6);
    }
  });

  it.each([2.5, 3.3, 4.7, 6.2, 9.5, 11.9])(
    'finds an echo %p taps out (a band-limited pulse) within half a tap',
    (delay) => {
      const forward = synthesizeTaps({
        nominalAmplitude: 2047,
        echoes: [{ delayTaps: delay, levelDbc: -15 }],
      });
      const echo = findEcho(forward, 8, -30, at512);
      expect(echo.found).toBe(true);
      if (echo.found) {
        expect(Math.abs(echo.delayTaps - delay)).toBeLessThan(0.5);
        expect(Math.abs(echo.distance!.metres - distanceOfTaps(delay, at512).metres)).toBeLessThan(
          metresPerTap / 2,
        );
      }
    },
  );

  it('puts an echo midway between two equal taps midway (2.5 taps)', () => {
    const forward = synthesizeTaps({ nominalAmplitude: 32767, echoes: [{ delayTaps: 2.5, levelDbc: -15 }] });
    const echo = findEcho(forward, 8, -30, at512);
    expect(echo.found && echo.delayTaps).toBeCloseTo(2.5, 2);
  });

  it('finds no echo below the floor, and says how strong the strongest post-main tap was', () => {
    const forward = tapsWith({ 8: [1000, 0], 14: [30, 0] });
    expect(findEcho(forward, 8, -30, at512)).toEqual({
      found: false,
      strongestPostMainDbc: expect.closeTo(20 * Math.log10(30 / 1000), 9),
    });
    expect(findEcho(forward, 8, -31, at512)).toEqual(expect.objectContaining({ found: true, tap: 14 }));
  });

  it('has nothing to search when the main tap is the last tap', () => {
    expect(findEcho(tapsWith({ 24: [1000, 0] }), 24, -30, at512)).toEqual({
      found: false,
      strongestPostMainDbc: null,
    });
  });

  it('gives the delay in taps but no distance without the channel width', () => {
    const echo = findEcho(tapsWith({ 8: [1000, 0], 12: [100, 0] }), 8, -30, null);
    expect(echo).toEqual(expect.objectContaining({ found: true, delayTaps: 4, distance: null }));
  });

  it('scales the distance with the symbol rate', () => {
    const forward = tapsWith({ 8: [1000, 0], 11: [100, 0] });
    const at256 = findEcho(forward, 8, -30, equalizerTiming(3_200_000, 1, 0.87));
    expect(at256.found && at256.distance?.metres).toBeCloseTo(3 * 2 * metresPerTap, 6);
  });
});
