import { dsChannel, ruleContext, textbookReading } from '../test-reading.factory';
import { dsTiltRule } from './ds-tilt.rule';

function withLevels(levels: number[], patch: Parameters<typeof dsChannel>[1] = {}) {
  return ruleContext(
    textbookReading({ downstream: levels.map((p, i) => dsChannel(i + 1, { powerDbmv: p, ...patch })) }),
  );
}

describe('dsTiltRule', () => {
  it('finds nothing on a textbook modem', () => {
    expect(dsTiltRule(ruleContext(textbookReading()))).toEqual([]);
  });

  it.each`
    levels            | spread  | severity
    ${[-5, 0, 5]}     | ${10}   | ${'none'}
    ${[-5, 0, 5.1]}   | ${10.1} | ${'MARGINAL'}
    ${[-8, -3, 4, 6]} | ${14}   | ${'MARGINAL'}
    ${[-20, 20]}      | ${40}   | ${'MARGINAL'}
  `('grades a spread of $spread dB as $severity', ({ levels, spread, severity }) => {
    const findings = dsTiltRule(withLevels(levels));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({ code: 'DS_TILT', severity, observed: spread, limit: 10, unit: 'dB' }),
    ]);
    expect(findings[0].channel).toBeUndefined();
  });

  it('ignores unlocked channels, whose levels are stale', () => {
    const ctx = withLevels([-5, 0, 5]);
    ctx.reading.downstream.push(dsChannel(4, { locked: false, powerDbmv: -30 }));
    expect(dsTiltRule(ctx)).toEqual([]);
  });

  it('names both ends of the spread', () => {
    const [f] = dsTiltRule(withLevels([-5, 0, 5.1]));
    expect(f.message).toBe(
      'Downstream levels vary by 10.1 dB across channels (-5 dBmV at 555 MHz to 5.1 dBmV at 567 MHz), ' +
        'more than the recommended 10 dB.',
    );
  });

  it('needs two locked channels', () => {
    expect(dsTiltRule(withLevels([-14]))).toEqual([]);
  });
});
