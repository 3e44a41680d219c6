import { cmtsContext, cmtsRow, cmtsUpstream, ruleContext, textbookReading } from '../test-reading.factory';
import { lowUsSnrRule } from './low-us-snr.rule';

function withUpstream3(snrDb: number, regState = 8) {
  const row = cmtsRow({ regState });
  row.upstream[2] = cmtsUpstream(3, { snrDb });
  return ruleContext(textbookReading(), { cmts: cmtsContext({ row }) });
}

describe('lowUsSnrRule', () => {
  it('finds nothing on a textbook CMTS row', () => {
    expect(lowUsSnrRule(ruleContext(textbookReading(), { cmts: cmtsContext() }))).toEqual([]);
  });

  it.each`
    snr     | severity      | limit
    ${30}   | ${'none'}     | ${null}
    ${29.9} | ${'MARGINAL'} | ${30}
    ${25}   | ${'MARGINAL'} | ${30}
    ${24.9} | ${'FAULT'}    | ${25}
  `('grades a CMTS upstream SNR of $snr dB as $severity', ({ snr, severity, limit }) => {
    const findings = lowUsSnrRule(withUpstream3(snr));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      {
        code: 'LOW_US_SNR',
        severity,
        channel: { direction: 'upstream', kind: 'SC-QAM', ifIndex: 1103, channelId: 0, frequencyHz: 0 },
        observed: snr,
        limit,
        unit: 'dB',
        message: expect.any(String),
      },
    ]);
  });

  it('names return-path noise for a fault', () => {
    expect(lowUsSnrRule(withUpstream3(22)).map((f) => f.message)).toEqual([
      "The network hears this modem's upstream with an SNR of 22 dB, below the 25 dB minimum: noise is getting " +
        'into the return path.',
    ]);
    expect(lowUsSnrRule(withUpstream3(27.5)).map((f) => f.message)).toEqual([
      "The network hears this modem's upstream with an SNR of 27.5 dB, below the recommended 30 dB but within " +
        'the 25 dB limit.',
    ]);
  });

  it('is silent for a row the CMTS does not have online', () => {
    expect(lowUsSnrRule(withUpstream3(10, 4))).toEqual([]);
  });
});
