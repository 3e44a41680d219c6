import type { EqualizerSummary, PreEqCoAdjStatus } from '../../domain/modem-reading';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { rippleBands } from '../pnm-grades';
import { docsis31Reading, fullDocsis31Reading, ofdmaPnm, ruleContext } from '../test-reading.factory';
import { ofdmaPreEqRule } from './ofdma-pre-eq.rule';

const bands = rippleBands(DEFAULT_THRESHOLDS.preEq);
const preEq = (eq: Partial<EqualizerSummary>, coAdjStatus: PreEqCoAdjStatus | null = 'success') =>
  ofdmaPreEqRule(ruleContext(fullDocsis31Reading({}, { pnm: ofdmaPnm({ preEq: eq, coAdjStatus }) })));

describe('ofdmaPreEqRule', () => {
  it('finds nothing on a clean pre-equaliser', () => {
    expect(ofdmaPreEqRule(ruleContext(fullDocsis31Reading()))).toEqual([]);
  });

  it.each`
    ripple                     | severity      | limit
    ${bands.marginalDb}        | ${'none'}     | ${null}
    ${bands.marginalDb + 1e-3} | ${'MARGINAL'} | ${0.978}
    ${bands.faultDb + 1e-3}    | ${'FAULT'}    | ${2.199}
  `(
    'grades an amplitude ripple of $ripple dB as an upstream echo: $severity',
    ({ ripple, severity, limit }) => {
      const findings = preEq({ ampRipplePkPkDb: ripple });
      expect(findings).toEqual(
        severity === 'none'
          ? []
          : [
              expect.objectContaining({
                code: 'US_MICRO_REFLECTION',
                severity,
                limit,
                unit: 'dB',
                channel: { direction: 'upstream', kind: 'OFDMA', ifIndex: 160, channelId: 9, frequencyHz: 0 },
              }),
            ],
      );
    },
  );

  it.each`
    ns       | found
    ${200}   | ${false}
    ${200.5} | ${true}
  `(
    'grades a group-delay ripple of $ns ns with the amplitude in band as group delay: $found',
    ({ ns, found }) => {
      expect(preEq({ groupDelayRipplePkPkNs: ns })).toEqual(
        found
          ? [
              expect.objectContaining({
                code: 'US_GROUP_DELAY',
                severity: 'MARGINAL',
                observed: ns,
                limit: 200,
              }),
            ]
          : [],
      );
    },
  );

  it.each`
    status        | observed
    ${'clipped'}  | ${3}
    ${'rejected'} | ${4}
  `('says when the modem $status the pre-equalisation adjustments', ({ status, observed }) => {
    const [f] = preEq({}, status);
    expect(f).toEqual(
      expect.objectContaining({
        code: 'OFDMA_PRE_EQ_NOT_APPLIED',
        severity: 'MARGINAL',
        observed,
        limit: 2,
        unit: 'state',
      }),
    );
    expect(f.message).toContain(`(${status})`);
  });

  it('grades no adjustment status it cannot read or that says nothing against the line', () => {
    expect(preEq({}, null)).toEqual([]);
    expect(preEq({}, 'other')).toEqual([]);
  });

  it('does not grade the pre-equaliser of a muted or unranged channel', () => {
    const pnm = ofdmaPnm({ preEq: { ampRipplePkPkDb: 5 }, coAdjStatus: 'rejected' });
    expect(ofdmaPreEqRule(ruleContext(fullDocsis31Reading({}, { pnm, muted: true })))).toEqual([]);
    expect(ofdmaPreEqRule(ruleContext(fullDocsis31Reading({}, { pnm, rangingStatus: 'aborted' })))).toEqual(
      [],
    );
  });

  it('grades nothing without the summary: a fast poll, or a table the modem does not have', () => {
    expect(ofdmaPreEqRule(ruleContext(docsis31Reading()))).toEqual([]);
    expect(preEq({ status: null, ampRipplePkPkDb: null, groupDelayRipplePkPkNs: null }, null)).toEqual([]);
  });
});
