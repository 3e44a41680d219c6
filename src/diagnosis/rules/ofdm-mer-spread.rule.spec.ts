import type { RxMerSummary } from '../../domain/modem-reading';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import {
  docsis31Reading,
  fullDocsis31Reading,
  ofdmChannel,
  ofdmPnm,
  ruleContext,
} from '../test-reading.factory';
import { ofdmMerSpreadRule } from './ofdm-mer-spread.rule';

const spread = (rxMer: Partial<RxMerSummary>, mean: number | null = 40.5) =>
  ofdmMerSpreadRule(ruleContext(fullDocsis31Reading({ meanRxMerDb: mean, pnm: ofdmPnm({ rxMer }) })));

describe('ofdmMerSpreadRule', () => {
  it('finds nothing on a clean channel', () => {
    expect(ofdmMerSpreadRule(ruleContext(fullDocsis31Reading()))).toEqual([]);
  });

  it.each`
    percentileDb | severity   | limit
    ${27}        | ${'none'}  | ${null}
    ${26.75}     | ${'FAULT'} | ${27}
    ${19}        | ${'FAULT'} | ${27}
  `('grades a 2nd-percentile RxMER of $percentileDb dB under a textbook mean as $severity', (row) => {
    const findings = spread({ percentileDb: row.percentileDb });
    if (row.severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'OFDM_MER_SPREAD',
        severity: row.severity,
        observed: row.percentileDb,
        limit: row.limit,
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

  it.each`
    stdDevDb | severity
    ${3}     | ${'none'}
    ${3.01}  | ${'MARGINAL'}
    ${5.5}   | ${'MARGINAL'}
  `('grades an RxMER standard deviation of $stdDevDb dB as $severity', ({ stdDevDb, severity }) => {
    const findings = spread({ stdDevDb });
    expect(findings.map((f) => [f.severity, f.observed, f.limit])).toEqual(
      severity === 'none' ? [] : [[severity, stdDevDb, DEFAULT_THRESHOLDS.pnm.rxMerStdDevMarginalDb]],
    );
  });

  it('says nothing where the mean is already below its band: the mean rule speaks for a uniformly low channel', () => {
    expect(spread({ percentileDb: 21, stdDevDb: 4 }, 33.9)).toEqual([]);
    expect(spread({ percentileDb: 21 }, 34)).toHaveLength(1);
  });

  it('grades the percentile alone when the mean was not read', () => {
    const [f] = spread({ percentileDb: 20, percentileHighestFreqHz: null }, null);
    expect(f.message).toBe(
      'OFDM downstream channel 33 (PLC 957 MHz): 2 % of its subcarriers have an RxMER of 20 dB or less, below the ' +
        '27 dB 256-QAM needs, while the mean was not read: narrowband ingress or a notch inside the channel that ' +
        'the mean hides.',
    );
  });

  it('names the percentile, where it is and the mean in the message', () => {
    const [f] = spread({ percentileDb: 19, percentileHighestFreqHz: 740_250_000 }, 38);
    expect(f.message).toBe(
      'OFDM downstream channel 33 (PLC 957 MHz): 2 % of its subcarriers have an RxMER of 19 dB or less (the ' +
        'highest of them at 740.25 MHz), below the 27 dB 256-QAM needs, while the mean is 38 dB: narrowband ' +
        'ingress or a notch inside the channel that the mean hides.',
    );
  });

  it('grades nothing without the summary: a fast poll, or statistics not read', () => {
    const fast = docsis31Reading({ ofdm: [ofdmChannel({ meanRxMerDb: 40 })] });
    expect(ofdmMerSpreadRule(ruleContext(fast))).toEqual([]);
    expect(spread({ status: 'busy', stdDevDb: null, percentileDb: null, percentile: null })).toEqual([]);
  });
});
