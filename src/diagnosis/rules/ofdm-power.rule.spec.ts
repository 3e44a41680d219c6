import { docsis31Reading, ofdmChannel, ruleContext } from '../test-reading.factory';
import { ofdmPowerRule } from './ofdm-power.rule';

function withBands(powers: number[]) {
  const bandPowersDbmv = powers.map((powerDbmv, band) => ({
    band,
    frequencyHz: band === 0 ? 957_000_000 : 927_000_000 + band * 6_000_000,
    powerDbmv,
  }));
  return ruleContext(docsis31Reading({ ofdm: [ofdmChannel({ bandPowersDbmv })] }));
}

describe('ofdmPowerRule', () => {
  it('finds nothing on a textbook DOCSIS 3.1 modem', () => {
    expect(ofdmPowerRule(ruleContext(docsis31Reading()))).toEqual([]);
  });

  it.each`
    power    | severity      | limit
    ${-10}   | ${'none'}     | ${null}
    ${-10.1} | ${'MARGINAL'} | ${-10}
    ${-15}   | ${'MARGINAL'} | ${-10}
    ${-15.1} | ${'FAULT'}    | ${-15}
    ${10}    | ${'none'}     | ${null}
    ${10.1}  | ${'MARGINAL'} | ${10}
    ${15}    | ${'MARGINAL'} | ${10}
    ${15.1}  | ${'FAULT'}    | ${15}
  `('grades a band at $power dBmV as $severity', ({ power, severity, limit }) => {
    const findings = ofdmPowerRule(withBands([1, 2, power, 1]));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'OFDM_POWER',
        severity,
        observed: power,
        limit,
        unit: 'dBmV',
        channel: expect.objectContaining({ kind: 'OFDM', channelId: 33 }),
      }),
    ]);
  });

  it.each`
    bands                       | severity      | observed
    ${[1, -12, -16, -25.2, 11]} | ${'FAULT'}    | ${-25.2}
    ${[1, -12, 14, -11]}        | ${'MARGINAL'} | ${14}
    ${[1, 12, -16, 16.5]}       | ${'FAULT'}    | ${16.5}
  `('reports only the worst band of $bands', ({ bands, severity, observed }) => {
    expect(ofdmPowerRule(withBands(bands))).toEqual([expect.objectContaining({ severity, observed })]);
  });

  it('names the band frequency, or the PLC for band 0', () => {
    expect(ofdmPowerRule(withBands([1, 2, -25.2]))[0].message).toBe(
      'OFDM downstream channel 33 (PLC 957 MHz) receives -25.2 dBmV in the 6 MHz band at 939 MHz, below the -15 dBmV minimum.',
    );
    expect(ofdmPowerRule(withBands([-16, 2]))[0].message).toBe(
      'OFDM downstream channel 33 (PLC 957 MHz) receives -16 dBmV in the 6 MHz band around its PLC, below the -15 dBmV minimum.',
    );
  });

  it('grades each OFDM channel separately', () => {
    const reading = docsis31Reading();
    reading.ofdm = [
      ofdmChannel({ bandPowersDbmv: [{ band: 0, frequencyHz: 957_000_000, powerDbmv: -16 }] }),
      ofdmChannel({
        ifIndex: 160,
        channelId: 34,
        plcFrequencyHz: 1_100_000_000,
        bandPowersDbmv: [{ band: 0, frequencyHz: 1_100_000_000, powerDbmv: 12 }],
      }),
    ];
    expect(ofdmPowerRule(ruleContext(reading)).map((f) => [f.channel?.channelId, f.severity])).toEqual([
      [33, 'FAULT'],
      [34, 'MARGINAL'],
    ]);
  });
});
