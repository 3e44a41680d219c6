import { docsis31Reading, ofdmaChannel, ruleContext } from '../test-reading.factory';
import { ofdmaTxPowerRule } from './ofdma-tx-power.rule';

function withOfdma(patch: Parameters<typeof ofdmaChannel>[0]) {
  return ruleContext(docsis31Reading({ ofdma: [ofdmaChannel(patch)] }));
}

describe('ofdmaTxPowerRule', () => {
  it('finds nothing on a textbook DOCSIS 3.1 modem', () => {
    expect(ofdmaTxPowerRule(ruleContext(docsis31Reading()))).toEqual([]);
  });

  it.each`
    tx       | severity      | limit
    ${30}    | ${'MARGINAL'} | ${38}
    ${38}    | ${'MARGINAL'} | ${38}
    ${38.1}  | ${'none'}     | ${null}
    ${38.25} | ${'none'}     | ${null}
    ${48}    | ${'none'}     | ${null}
    ${48.1}  | ${'MARGINAL'} | ${48}
    ${50}    | ${'MARGINAL'} | ${48}
    ${50.1}  | ${'FAULT'}    | ${50}
    ${50.25} | ${'FAULT'}    | ${50}
  `('grades $tx dBmV as $severity', ({ tx, severity, limit }) => {
    const findings = ofdmaTxPowerRule(withOfdma({ txPowerDbmv: tx }));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'OFDMA_TX_POWER',
        severity,
        observed: tx,
        limit,
        unit: 'dBmV',
        channel: { direction: 'upstream', kind: 'OFDMA', ifIndex: 160, channelId: 9, frequencyHz: 0 },
      }),
    ]);
  });

  it('says the level is per 1.6 MHz', () => {
    const [f] = ofdmaTxPowerRule(withOfdma({ txPowerDbmv: 50.25 }));
    expect(f.message).toBe(
      'OFDMA upstream channel 9 transmits at 50.25 dBmV per 1.6 MHz, above the 50 dBmV maximum.',
    );
  });

  it.each([
    ['muted', { muted: true }],
    ['not ranged', { rangingStatus: 'retriesExceeded' as const }],
  ])('does not grade a %s channel', (_label, patch) => {
    expect(ofdmaTxPowerRule(withOfdma({ txPowerDbmv: 60, ...patch }))).toEqual([]);
  });
});
