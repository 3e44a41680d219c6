import { preEqMetrics, tapEnergy } from './tap-metrics';
import { synthesizeTaps } from './synthetic-taps';

describe('synthesizeTaps', () => {
  it('gives 24 integer taps, main tap 8, at the nominal amplitude for a clean line', () => {
    const taps = synthesizeTaps({ nominalAmplitude: 2047, echoes: [] });
    expect(taps).toHaveLength(24);
    expect(taps[7]).toEqual({ re: 2047, im: 0 });
    expect(taps.filter((t) => t.re !== 0 || t.im !== 0)).toHaveLength(1);
  });

  it.each`
    nominal  | delayTaps | levelDbc
    ${511}   | ${3}      | ${-15}
    ${2047}  | ${-2}     | ${-20}
    ${32767} | ${10}     | ${-25}
  `(
    'puts a whole-tap echo ($delayTaps taps, $levelDbc dBc) on one tap at nominal $nominal',
    ({ nominal, delayTaps, levelDbc }) => {
      const taps = synthesizeTaps({ nominalAmplitude: nominal, echoes: [{ delayTaps, levelDbc }] });
      const echo = taps[7 + delayTaps];
      expect(10 * Math.log10(tapEnergy(echo) / tapEnergy(taps[7]))).toBeCloseTo(levelDbc, 1);
      expect(taps.filter((t) => t.re !== 0 || t.im !== 0)).toHaveLength(2);
      expect(Math.sqrt(preEqMetrics(taps, 8).tte)).toBeCloseTo(nominal, -1);
    },
  );

  it('spreads an echo between taps over its neighbours, strongest on the two it falls between', () => {
    const taps = synthesizeTaps({ nominalAmplitude: 32767, echoes: [{ delayTaps: 4.5, levelDbc: -10 }] });
    expect(Math.abs(taps[11].re)).toBe(Math.abs(taps[12].re));
    expect(Math.abs(taps[11].re)).toBeGreaterThan(2.5 * Math.abs(taps[10].re));
  });

  it('turns the echo by its phase, and places the main tap where it is told', () => {
    const taps = synthesizeTaps({
      forwardTaps: 16,
      mainTap: 4,
      nominalAmplitude: 1023,
      echoes: [{ delayTaps: 2, levelDbc: -20, phaseRad: Math.PI / 2 }],
    });
    expect(taps).toHaveLength(16);
    expect(taps[3].re).toBeGreaterThan(1000);
    expect(taps[5].re).toBe(0);
    expect(taps[5].im).toBeCloseTo(101, -1);
  });
});
