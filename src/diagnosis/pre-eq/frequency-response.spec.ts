import { DB_LIMIT } from './decibels';
import {
  dft,
  echoDbcFromRipple,
  inChannelFrequencyResponse,
  RESPONSE_POINTS,
  rippleCycles,
} from './frequency-response';
import { tapsWith } from './test-taps.factory';
import { distanceOfTaps, equalizerTiming } from './timing';

const at512 = equalizerTiming(6_400_000, 1, 0.87)!;

describe('dft', () => {
  it.each`
    samples                                 | expected
    ${[{ re: 1, im: 0 }]}                   | ${[[1, 0], [1, 0], [1, 0], [1, 0]]}
    ${[{ re: 0, im: 0 }, { re: 1, im: 0 }]} | ${[[1, 0], [0, -1], [-1, 0], [0, 1]]}
    ${[{ re: 0, im: 1 }, { re: 0, im: 0 }]} | ${[[0, 1], [0, 1], [0, 1], [0, 1]]}
  `('transforms $samples over 4 points', ({ samples, expected }) => {
    const bins = dft(samples, 4);
    bins.forEach((bin, m) => {
      expect(bin.re).toBeCloseTo(expected[m][0], 12);
      expect(bin.im).toBeCloseTo(expected[m][1], 12);
    });
  });
});

describe('echoDbcFromRipple', () => {
  it.each`
    echoAmplitude
    ${0.1}
    ${0.05}
    ${0.3}
  `('reads the ripple of an echo of amplitude $echoAmplitude back as its level', ({ echoAmplitude: a }) => {
    const depthDb = 20 * Math.log10((1 + a) / (1 - a));
    expect(echoDbcFromRipple(depthDb)).toBeCloseTo(20 * Math.log10(a), 9);
  });

  it('reads a flat response as no echo (the level floor)', () => {
    expect(echoDbcFromRipple(0)).toBe(-DB_LIMIT);
  });
});

describe('rippleCycles', () => {
  it.each([1, 2, 3, 5, 7, 16, 32])('counts %i periods of a cosine around the band', (q) => {
    const curve = Array.from({ length: 64 }, (_, m) => 0.4 * Math.cos((2 * Math.PI * q * m) / 64) - 1);
    expect(rippleCycles(curve)).toBe(q);
  });

  it('counts none on a flat curve', () => {
    expect(rippleCycles(Array.from({ length: 64 }, () => -0.3))).toBeNull();
  });
});

describe('inChannelFrequencyResponse', () => {
  // One echo of amplitude a = 0.1 (-20 dBc) k taps after a main tap at the nominal amplitude 2047.
  const singleEcho = (k: number) => tapsWith({ 8: [2047, 0], [8 + k]: [204.7, 0] });

  it.each([1, 2, 3, 4, 5, 6, 8, 12, 16])(
    'ripples with period symbolRate / %i for an echo that many taps out',
    (k) => {
      const { ripple } = inChannelFrequencyResponse(singleEcho(k), 8, 2047, at512);
      expect(ripple.cycles).toBe(k);
      expect(ripple.periodHz).toBeCloseTo(5.12e6 / k, 3);
      expect(ripple.distance?.metres).toBeCloseTo(distanceOfTaps(k, at512).metres, 9);
    },
  );

  it.each([1, 2, 3, 4, 5, 7, 8, 12, 16])(
    'ripples 20·log10(1.1 / 0.9) dB deep, an echo at -20 dBc, %i taps out',
    (k) => {
      const { ripple } = inChannelFrequencyResponse(singleEcho(k), 8, 2047, at512);
      expect(ripple.depthDb).toBeCloseTo(20 * Math.log10(1.1 / 0.9), 9);
      expect(ripple.echoDbc).toBeCloseTo(-20, 9);
    },
  );

  it('sees a pre-echo (group delay) the same way: the period is the distance from the main tap', () => {
    const { ripple } = inChannelFrequencyResponse(tapsWith({ 8: [2047, 0], 6: [0, 300] }), 8, 2047, at512);
    expect(ripple.cycles).toBe(2);
  });

  it('draws the band from its lower to its upper edge, relative to the nominal amplitude', () => {
    const { points, ripple } = inChannelFrequencyResponse(tapsWith({ 8: [2047, 0] }), 8, 2047, at512);
    expect(points).toHaveLength(RESPONSE_POINTS);
    expect(points[0]).toEqual({ bandFraction: -0.5, offsetHz: -2.56e6, magnitudeDb: expect.closeTo(0, 9) });
    expect(points[32]).toEqual({ bandFraction: 0, offsetHz: 0, magnitudeDb: expect.closeTo(0, 9) });
    expect(points[63].offsetHz).toBeCloseTo(2.56e6 - 5.12e6 / 64, 3);
    expect(ripple).toEqual({
      depthDb: expect.closeTo(0, 9),
      echoDbc: -DB_LIMIT,
      cycles: null,
      periodHz: null,
      distance: null,
    });
  });

  it('shows a compressed main tap as a level below 0 dB', () => {
    const { points } = inChannelFrequencyResponse(tapsWith({ 8: [1023, 0] }), 8, 2047, at512);
    expect(points[10].magnitudeDb).toBeCloseTo(20 * Math.log10(1023 / 2047), 9);
  });

  it('counts the ripple but gives no period in Hz without the channel width', () => {
    const { points, ripple } = inChannelFrequencyResponse(singleEcho(4), 8, 2047, null);
    expect(points[0].offsetHz).toBeNull();
    expect(ripple).toEqual(expect.objectContaining({ cycles: 4, periodHz: null, distance: null }));
  });
});
