import { dsChannel, ruleContext, textbookReading } from '../test-reading.factory';
import { dsSnrRule } from './ds-snr.rule';

function withChannel5(patch: Parameters<typeof dsChannel>[1]) {
  const reading = textbookReading();
  reading.downstream[4] = dsChannel(5, patch);
  return ruleContext(reading);
}

describe('dsSnrRule', () => {
  it('finds nothing on a textbook modem', () => {
    expect(dsSnrRule(ruleContext(textbookReading()))).toEqual([]);
  });

  it.each`
    modulation  | power   | snr     | severity      | limit
    ${'qam256'} | ${0}    | ${33}   | ${'none'}     | ${null}
    ${'qam256'} | ${0}    | ${32.9} | ${'MARGINAL'} | ${33}
    ${'qam256'} | ${0}    | ${30}   | ${'MARGINAL'} | ${33}
    ${'qam256'} | ${0}    | ${29.9} | ${'FAULT'}    | ${30}
    ${'qam256'} | ${-6}   | ${32.9} | ${'MARGINAL'} | ${33}
    ${'qam256'} | ${-6.1} | ${32.9} | ${'FAULT'}    | ${33}
    ${'qam256'} | ${-6.1} | ${33}   | ${'none'}     | ${null}
    ${'qam256'} | ${-6.1} | ${29.9} | ${'FAULT'}    | ${30}
    ${'other'}  | ${0}    | ${32.9} | ${'MARGINAL'} | ${33}
    ${'other'}  | ${0}    | ${29.9} | ${'FAULT'}    | ${30}
    ${'other'}  | ${-6.1} | ${32.9} | ${'FAULT'}    | ${33}
    ${'qam64'}  | ${0}    | ${27}   | ${'none'}     | ${null}
    ${'qam64'}  | ${0}    | ${26.9} | ${'MARGINAL'} | ${27}
    ${'qam64'}  | ${0}    | ${23.5} | ${'MARGINAL'} | ${27}
    ${'qam64'}  | ${0}    | ${23.4} | ${'FAULT'}    | ${23.5}
    ${'qam64'}  | ${-6.1} | ${26.9} | ${'MARGINAL'} | ${27}
  `(
    'grades $modulation at $snr dB and $power dBmV as $severity',
    ({ modulation, power, snr, severity, limit }) => {
      const findings = dsSnrRule(withChannel5({ modulation, powerDbmv: power, snrDb: snr }));
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([
        expect.objectContaining({
          code: 'LOW_DS_SNR',
          severity,
          observed: snr,
          limit,
          unit: 'dB',
          channel: expect.objectContaining({ channelId: 5, ifIndex: 52 }),
        }),
      ]);
    },
  );

  it('explains the low-level rule in the message', () => {
    const [f] = dsSnrRule(withChannel5({ powerDbmv: -7, snrDb: 32 }));
    expect(f.message).toBe(
      'Downstream channel 5 (579 MHz, 256-QAM) has an SNR of 32 dB at a low level of -7 dBmV, ' +
        'below the 33 dB needed when the level is under -6 dBmV.',
    );
  });

  it('does not grade an unlocked channel', () => {
    expect(dsSnrRule(withChannel5({ locked: false, snrDb: 0 }))).toEqual([]);
  });
});
