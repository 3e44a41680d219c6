import { docsis31Reading, ofdmChannel, ruleContext } from '../test-reading.factory';
import { ofdmMerRule } from './ofdm-mer.rule';

describe('ofdmMerRule', () => {
  it('finds nothing on a textbook DOCSIS 3.1 modem', () => {
    expect(ofdmMerRule(ruleContext(docsis31Reading()))).toEqual([]);
  });

  it.each`
    mer     | severity      | limit
    ${34}   | ${'none'}     | ${null}
    ${33.9} | ${'MARGINAL'} | ${34}
    ${27}   | ${'MARGINAL'} | ${34}
    ${26.9} | ${'FAULT'}    | ${27}
    ${17.2} | ${'FAULT'}    | ${27}
  `('grades a mean MER of $mer dB as $severity', ({ mer, severity, limit }) => {
    const findings = ofdmMerRule(ruleContext(docsis31Reading({ ofdm: [ofdmChannel({ meanRxMerDb: mer })] })));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'OFDM_LOW_MER',
        severity,
        observed: mer,
        limit,
        unit: 'dB',
        channel: {
          direction: 'downstream',
          kind: 'OFDM',
          ifIndex: 159,
          channelId: 33,
          frequencyHz: 957_000_000,
        },
      }),
    ]);
  });

  it('skips channels without a MER measurement', () => {
    expect(ofdmMerRule(ruleContext(docsis31Reading({ ofdm: [ofdmChannel({ meanRxMerDb: null })] })))).toEqual(
      [],
    );
  });

  it('names the channel in the message', () => {
    const [f] = ofdmMerRule(ruleContext(docsis31Reading({ ofdm: [ofdmChannel({ meanRxMerDb: 26.94 })] })));
    expect(f.message).toBe(
      'OFDM downstream channel 33 (PLC 957 MHz) has a mean MER of 26.9 dB, below the 27 dB minimum.',
    );
  });
});
