import type { EqualizerSummary } from '../../domain/modem-reading';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { rippleBands } from '../pnm-grades';
import { docsis31Reading, fullDocsis31Reading, ofdmPnm, ruleContext } from '../test-reading.factory';
import { dsChannelEstimateRule } from './ds-channel-estimate.rule';

const bands = rippleBands(DEFAULT_THRESHOLDS.preEq);
const estimate = (channelEstimate: Partial<EqualizerSummary>) =>
  dsChannelEstimateRule(ruleContext(fullDocsis31Reading({ pnm: ofdmPnm({ channelEstimate }) })));

describe('dsChannelEstimateRule', () => {
  it('puts the echo bands at the ripple one echo at -25 and -18 dBc makes', () => {
    expect(bands.marginalDb).toBeCloseTo(0.978, 3);
    expect(bands.faultDb).toBeCloseTo(2.199, 3);
  });

  it('finds nothing on a clean channel estimate', () => {
    expect(dsChannelEstimateRule(ruleContext(fullDocsis31Reading()))).toEqual([]);
  });

  it.each`
    ripple                     | severity      | limit
    ${bands.marginalDb}        | ${'none'}     | ${null}
    ${bands.marginalDb + 1e-3} | ${'MARGINAL'} | ${0.978}
    ${bands.faultDb}           | ${'MARGINAL'} | ${0.978}
    ${bands.faultDb + 1e-3}    | ${'FAULT'}    | ${2.199}
  `('grades an amplitude ripple of $ripple dB peak to peak as $severity', ({ ripple, severity, limit }) => {
    const findings = estimate({ ampRipplePkPkDb: ripple });
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DS_MICRO_REFLECTION',
        severity,
        observed: Number(ripple.toFixed(3)),
        limit,
        unit: 'dB',
        channel: expect.objectContaining({ kind: 'OFDM', direction: 'downstream', channelId: 33 }),
      }),
    ]);
  });

  it('says what the ripple means, with its echo level and the limit in both units', () => {
    const [f] = estimate({ ampRipplePkPkDb: 2.848, groupDelayRipplePkPkNs: 10.2 });
    expect(f.message).toBe(
      "OFDM downstream channel 33 (PLC 957 MHz): the modem's channel estimate ripples 2.85 dB peak to peak, as " +
        'one reflection at about -15.8 dBc would, group-delay ripple 10.2 ns: above the 2.2 dB (-18 dBc) limit. ' +
        'An echo (micro-reflection) in the downstream; the summary gives no distance.',
    );
  });

  it.each`
    ns      | found
    ${75}   | ${false}
    ${75.1} | ${true}
  `('grades a group-delay ripple of $ns ns with the amplitude in band: found $found', ({ ns, found }) => {
    expect(estimate({ groupDelayRipplePkPkNs: ns })).toEqual(
      found
        ? [
            expect.objectContaining({
              code: 'DS_GROUP_DELAY',
              severity: 'MARGINAL',
              observed: ns,
              limit: 75,
              unit: 'ns',
            }),
          ]
        : [],
    );
  });

  it('lets the echo speak for the group delay it makes too', () => {
    const findings = estimate({ ampRipplePkPkDb: 3, groupDelayRipplePkPkNs: 400 });
    expect(findings.map((f) => f.code)).toEqual(['DS_MICRO_REFLECTION']);
  });

  it.each`
    slope     | found    | limit
    ${0.023}  | ${false} | ${null}
    ${-0.023} | ${false} | ${null}
    ${0.024}  | ${true}  | ${0.023}
    ${-0.12}  | ${true}  | ${-0.023}
  `(
    'grades an amplitude slope of $slope dB/MHz as tilt (MARGINAL only): $found',
    ({ slope, found, limit }) => {
      expect(estimate({ ampSlopeDbPerMhz: slope })).toEqual(
        found
          ? [
              expect.objectContaining({
                code: 'DS_TILT',
                severity: 'MARGINAL',
                observed: slope,
                limit,
                unit: 'dB/MHz',
              }),
            ]
          : [],
      );
    },
  );

  it('grades nothing without the summary: a fast poll, or a measurement not ready', () => {
    expect(dsChannelEstimateRule(ruleContext(docsis31Reading()))).toEqual([]);
    const notReady: Partial<EqualizerSummary> = {
      status: 'busy',
      ampRipplePkPkDb: null,
      ampSlopeDbPerMhz: null,
      groupDelayRipplePkPkNs: null,
    };
    expect(estimate(notReady)).toEqual([]);
  });
});
