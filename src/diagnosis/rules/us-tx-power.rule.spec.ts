import type { DocsisVersion, RangingStatus } from '../../domain/modem-reading';
import { ruleContext, textbookReading, usChannel } from '../test-reading.factory';
import { usTxPowerRule } from './us-tx-power.rule';

/** `count` upstream channels at 42 dBmV, channel 1 at `tx`. */
function withUpstream(count: number, tx: number, docsisVersion: DocsisVersion = '3.0') {
  const upstream = Array.from({ length: count }, (_, i) =>
    usChannel(i + 1, { txPowerDbmv: i === 0 ? tx : 42 }),
  );
  return ruleContext(textbookReading({ upstream, docsisVersion }));
}

describe('usTxPowerRule', () => {
  it('finds nothing on a textbook modem', () => {
    expect(usTxPowerRule(ruleContext(textbookReading()))).toEqual([]);
  });

  describe('DOCSIS 3.0 ceiling by number of upstream channels', () => {
    it.each`
      channels | tx      | severity      | limit
      ${1}     | ${56}   | ${'none'}     | ${null}
      ${1}     | ${56.1} | ${'MARGINAL'} | ${56}
      ${1}     | ${57}   | ${'FAULT'}    | ${57}
      ${2}     | ${53}   | ${'none'}     | ${null}
      ${2}     | ${53.1} | ${'MARGINAL'} | ${53}
      ${2}     | ${54}   | ${'FAULT'}    | ${54}
      ${3}     | ${50}   | ${'none'}     | ${null}
      ${3}     | ${50.1} | ${'MARGINAL'} | ${50}
      ${3}     | ${51}   | ${'FAULT'}    | ${51}
      ${4}     | ${50}   | ${'none'}     | ${null}
      ${4}     | ${50.1} | ${'MARGINAL'} | ${50}
      ${4}     | ${51}   | ${'FAULT'}    | ${51}
      ${5}     | ${47}   | ${'none'}     | ${null}
      ${5}     | ${47.1} | ${'MARGINAL'} | ${47}
      ${5}     | ${48}   | ${'FAULT'}    | ${48}
      ${8}     | ${47}   | ${'none'}     | ${null}
      ${8}     | ${47.1} | ${'MARGINAL'} | ${47}
      ${8}     | ${48}   | ${'FAULT'}    | ${48}
    `('$channels channel(s) at $tx dBmV: $severity', ({ channels, tx, severity, limit }) => {
      const findings = usTxPowerRule(withUpstream(channels, tx));
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([
        expect.objectContaining({
          code: 'HIGH_US_POWER',
          severity,
          observed: tx,
          limit,
          unit: 'dBmV',
          channel: expect.objectContaining({
            direction: 'upstream',
            kind: 'SC-QAM',
            channelId: 1,
            ifIndex: 80,
          }),
        }),
      ]);
    });

    it('applies the DOCSIS 3.0 table to modems of unknown version', () => {
      expect(usTxPowerRule(withUpstream(4, 51, 'unknown'))).toEqual([
        expect.objectContaining({ code: 'HIGH_US_POWER', severity: 'FAULT', limit: 51 }),
      ]);
    });

    it('says how many channels the ceiling is for', () => {
      const [f] = usTxPowerRule(withUpstream(4, 51.2));
      expect(f.message).toBe(
        'Upstream channel 1 (16.4 MHz) transmits at 51.2 dBmV, at or above the 51 dBmV maximum for a modem ' +
          'with 4 upstream channels, so it has no power left.',
      );
    });
  });

  describe('DOCSIS 3.1', () => {
    it.each`
      tx      | severity      | limit
      ${51}   | ${'none'}     | ${null}
      ${51.1} | ${'MARGINAL'} | ${51}
      ${53}   | ${'MARGINAL'} | ${51}
      ${53.1} | ${'FAULT'}    | ${53}
    `('$tx dBmV: $severity', ({ tx, severity, limit }) => {
      const findings = usTxPowerRule(withUpstream(4, tx, '3.1'));
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([
        expect.objectContaining({ code: 'HIGH_US_POWER', severity, observed: tx, limit }),
      ]);
    });
  });

  describe('low side, both versions', () => {
    it.each`
      version  | tx      | severity      | limit
      ${'3.0'} | ${35}   | ${'none'}     | ${null}
      ${'3.0'} | ${34.9} | ${'MARGINAL'} | ${35}
      ${'3.0'} | ${17}   | ${'MARGINAL'} | ${35}
      ${'3.0'} | ${16.9} | ${'FAULT'}    | ${17}
      ${'3.1'} | ${35}   | ${'none'}     | ${null}
      ${'3.1'} | ${34.9} | ${'MARGINAL'} | ${35}
      ${'3.1'} | ${17}   | ${'MARGINAL'} | ${35}
      ${'3.1'} | ${16.9} | ${'FAULT'}    | ${17}
    `('DOCSIS $version at $tx dBmV: $severity', ({ version, tx, severity, limit }) => {
      const findings = usTxPowerRule(withUpstream(4, tx, version));
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([
        expect.objectContaining({ code: 'LOW_US_POWER', severity, observed: tx, limit }),
      ]);
    });
  });

  it.each<[string, { muted?: boolean; rangingStatus?: RangingStatus }]>([
    ['muted', { muted: true }],
    ['aborted', { rangingStatus: 'aborted' }],
    ['timeoutT4', { rangingStatus: 'timeoutT4' }],
    ['continue', { rangingStatus: 'continue' }],
  ])('does not grade a %s channel', (_label, patch) => {
    const reading = textbookReading();
    reading.upstream[0] = usChannel(1, { txPowerDbmv: 60, ...patch });
    reading.upstream[1] = usChannel(2, { txPowerDbmv: 10, ...patch });
    expect(usTxPowerRule(ruleContext(reading))).toEqual([]);
  });

  it('still counts a muted channel in the bonding group when choosing Pmax', () => {
    const reading = textbookReading({
      upstream: [usChannel(1, { txPowerDbmv: 54 }), usChannel(2, { muted: true })],
    });
    expect(usTxPowerRule(ruleContext(reading))).toEqual([
      expect.objectContaining({ code: 'HIGH_US_POWER', severity: 'FAULT', limit: 54 }),
    ]);
  });
});
