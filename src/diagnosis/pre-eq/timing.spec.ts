import {
  distanceOfDelay,
  distanceOfTaps,
  equalizerTiming,
  METRES_PER_FOOT,
  SPEED_OF_LIGHT_M_PER_S,
  symbolRateFromChannelWidth,
} from './timing';

describe('symbolRateFromChannelWidth', () => {
  it.each`
    widthHz      | symbolRate
    ${6_400_000} | ${5_120_000}
    ${3_200_000} | ${2_560_000}
    ${1_600_000} | ${1_280_000}
    ${800_000}   | ${640_000}
  `('a $widthHz Hz channel carries $symbolRate symbols/s', ({ widthHz, symbolRate }) => {
    expect(symbolRateFromChannelWidth(widthHz)).toBeCloseTo(symbolRate, 6);
  });
});

describe('equalizerTiming', () => {
  it('spaces T-spaced taps one symbol apart', () => {
    expect(equalizerTiming(6_400_000, 1, 0.87)).toEqual({
      symbolRateBaud: 5_120_000,
      tapSpacingSec: expect.closeTo(195.3125e-9, 15),
      velocityFactor: 0.87,
    });
  });

  it('spaces fractionally spaced taps a fraction of a symbol apart', () => {
    expect(equalizerTiming(6_400_000, 2, 0.87)?.tapSpacingSec).toBeCloseTo(97.65625e-9, 15);
  });

  it.each([null, 0, -6_400_000, Number.NaN])('has no timing without a channel width (%p)', (width) => {
    expect(equalizerTiming(width, 1, 0.87)).toBeNull();
  });
});

describe('distances (one way: n · T · c · VF / 2)', () => {
  // The table of docs/pre-equalisation.md §3, per tap at VF 0.87.
  it.each`
    widthHz      | metresPerTap | feetPerTap | metres16Taps
    ${6_400_000} | ${25.47}     | ${83.57}   | ${407.53}
    ${3_200_000} | ${50.94}     | ${167.13}  | ${815.06}
    ${1_600_000} | ${101.88}    | ${334.26}  | ${1630.12}
  `(
    'one tap at $widthHz Hz is $metresPerTap m ($feetPerTap ft)',
    ({ widthHz, metresPerTap, feetPerTap, metres16Taps }) => {
      const timing = equalizerTiming(widthHz, 1, 0.87)!;
      const oneTap = distanceOfTaps(1, timing);
      expect(oneTap.metres).toBeCloseTo((timing.tapSpacingSec * SPEED_OF_LIGHT_M_PER_S * 0.87) / 2, 9);
      expect(oneTap.metres).toBeCloseTo(metresPerTap, 2);
      expect(oneTap.feet).toBeCloseTo(feetPerTap, 2);
      expect(distanceOfTaps(16, timing).metres).toBeCloseTo(metres16Taps, 2);
    },
  );

  it('measures a ripple period of 2 MHz (500 ns) as about 65 m (214 ft)', () => {
    const d = distanceOfDelay(1 / 2e6, 0.87);
    expect(d.delaySec).toBe(500e-9);
    expect(d.metres).toBeCloseTo(65.2, 1);
    expect(d.feet).toBeCloseTo(d.metres / METRES_PER_FOOT, 9);
    expect(Math.round(d.feet)).toBe(214);
  });

  it('scales with the velocity factor (RG59: 0.82)', () => {
    const timing = equalizerTiming(6_400_000, 1, 0.82)!;
    expect(distanceOfTaps(1, timing).metres).toBeCloseTo(
      (195.3125e-9 * SPEED_OF_LIGHT_M_PER_S * 0.82) / 2,
      9,
    );
  });
});
