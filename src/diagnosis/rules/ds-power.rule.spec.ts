import { dsChannel, ruleContext, textbookReading } from '../test-reading.factory';
import { dsPowerRule } from './ds-power.rule';

function withChannel5(patch: Parameters<typeof dsChannel>[1]) {
  const reading = textbookReading();
  reading.downstream[4] = dsChannel(5, patch);
  return ruleContext(reading);
}

describe('dsPowerRule', () => {
  it('finds nothing on a textbook modem', () => {
    expect(dsPowerRule(ruleContext(textbookReading()))).toEqual([]);
  });

  it.each`
    power    | severity      | code               | limit
    ${-10}   | ${'none'}     | ${null}            | ${null}
    ${-10.1} | ${'MARGINAL'} | ${'LOW_DS_POWER'}  | ${-10}
    ${-15}   | ${'MARGINAL'} | ${'LOW_DS_POWER'}  | ${-10}
    ${-15.1} | ${'FAULT'}    | ${'LOW_DS_POWER'}  | ${-15}
    ${10}    | ${'none'}     | ${null}            | ${null}
    ${10.1}  | ${'MARGINAL'} | ${'HIGH_DS_POWER'} | ${10}
    ${15}    | ${'MARGINAL'} | ${'HIGH_DS_POWER'} | ${10}
    ${15.1}  | ${'FAULT'}    | ${'HIGH_DS_POWER'} | ${15}
  `('grades $power dBmV as $severity', ({ power, severity, code, limit }) => {
    const findings = dsPowerRule(withChannel5({ powerDbmv: power }));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code,
        severity,
        observed: power,
        limit,
        unit: 'dBmV',
        channel: {
          direction: 'downstream',
          kind: 'SC-QAM',
          ifIndex: 52,
          channelId: 5,
          frequencyHz: 579_000_000,
        },
      }),
    ]);
  });

  it('names the channel, frequency, value and limit in one sentence', () => {
    const [f] = dsPowerRule(withChannel5({ powerDbmv: -16.24 }));
    expect(f.observed).toBe(-16.2);
    expect(f.message).toBe('Downstream channel 5 (579 MHz) receives -16.2 dBmV, below the -15 dBmV minimum.');
  });

  it('says a marginal level is still within the limit', () => {
    const [f] = dsPowerRule(withChannel5({ powerDbmv: 12 }));
    expect(f.message).toBe(
      'Downstream channel 5 (579 MHz) receives 12 dBmV, above the recommended 10 dBmV but within the 15 dBmV limit.',
    );
  });

  it('does not grade an unlocked channel whatever level it reports', () => {
    expect(dsPowerRule(withChannel5({ locked: false, powerDbmv: -40 }))).toEqual([]);
  });

  it('uses the thresholds of the context', () => {
    const ctx = withChannel5({ powerDbmv: -8 });
    const thresholds = { ...ctx.thresholds, dsPower: { ...ctx.thresholds.dsPower, textbookMin: -7 } };
    expect(dsPowerRule({ ...ctx, thresholds })).toEqual([
      expect.objectContaining({ code: 'LOW_DS_POWER', severity: 'MARGINAL', limit: -7 }),
    ]);
  });
});
