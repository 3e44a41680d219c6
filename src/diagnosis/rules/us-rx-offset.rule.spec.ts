import { cmtsContext, cmtsRow, cmtsUpstream, ruleContext, textbookReading } from '../test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { usRxOffsetRule } from './us-rx-offset.rule';

function withUpstream2(rxPowerDbmv: number) {
  const row = cmtsRow();
  row.upstream[1] = cmtsUpstream(2, { rxPowerDbmv });
  return ruleContext(textbookReading(), { cmts: cmtsContext({ row }) });
}

describe('usRxOffsetRule', () => {
  it('finds nothing on a textbook CMTS row', () => {
    expect(usRxOffsetRule(ruleContext(textbookReading(), { cmts: cmtsContext() }))).toEqual([]);
  });

  it.each`
    rx      | severity      | limit
    ${1.5}  | ${'none'}     | ${null}
    ${-1.5} | ${'none'}     | ${null}
    ${1.6}  | ${'MARGINAL'} | ${1.5}
    ${-1.6} | ${'MARGINAL'} | ${-1.5}
    ${6}    | ${'MARGINAL'} | ${1.5}
    ${-6}   | ${'MARGINAL'} | ${-1.5}
    ${6.1}  | ${'FAULT'}    | ${6}
    ${-6.1} | ${'FAULT'}    | ${-6}
  `('grades an offset of $rx dB from a 0 dBmV set point as $severity', ({ rx, severity, limit }) => {
    const findings = usRxOffsetRule(withUpstream2(rx));
    if (severity === 'none') {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings).toEqual([
      {
        code: 'US_RX_OFFSET',
        severity,
        channel: { direction: 'upstream', kind: 'SC-QAM', ifIndex: 1102, channelId: 0, frequencyHz: 0 },
        observed: rx,
        limit,
        unit: 'dB',
        message: expect.any(String),
      },
    ]);
  });

  it.each`
    setPoint | rx      | severity      | observed
    ${-2}    | ${-3.5} | ${'none'}     | ${null}
    ${-2}    | ${-0.4} | ${'MARGINAL'} | ${1.6}
    ${-2}    | ${-8}   | ${'MARGINAL'} | ${-6}
    ${-2}    | ${-8.1} | ${'FAULT'}    | ${-6.1}
    ${3}     | ${-3.1} | ${'FAULT'}    | ${-6.1}
  `(
    'measures from a set point of $setPoint dBmV: $rx dBmV is $severity',
    ({ setPoint, rx, severity, observed }) => {
      const row = cmtsRow({ upstream: [cmtsUpstream(1, { rxPowerDbmv: rx })] });
      const ctx = ruleContext(textbookReading(), { cmts: cmtsContext({ row, setPointDbmv: setPoint }) });
      const findings = usRxOffsetRule(ctx);
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([expect.objectContaining({ severity, observed })]);
    },
  );

  it('tells the agent which way and how far the level is off', () => {
    expect(usRxOffsetRule(withUpstream2(-8)).map((f) => f.message)).toEqual([
      "The network receives this modem's upstream 8 dB below its 0 dBmV target (limit 6 dB).",
    ]);
    expect(usRxOffsetRule(withUpstream2(3)).map((f) => f.message)).toEqual([
      "The network receives this modem's upstream 3 dB above its 0 dBmV target, more than the recommended " +
        '1.5 dB but within the 6 dB limit.',
    ]);
  });

  it('reports every upstream that is off', () => {
    const row = cmtsRow({
      upstream: [cmtsUpstream(1, { rxPowerDbmv: 7 }), cmtsUpstream(2, { rxPowerDbmv: -2 })],
    });
    const findings = usRxOffsetRule(ruleContext(textbookReading(), { cmts: cmtsContext({ row }) }));
    expect(findings.map((f) => [f.severity, f.channel?.ifIndex])).toEqual([
      ['FAULT', 1101],
      ['MARGINAL', 1102],
    ]);
  });

  it('grades with the thresholds of the context', () => {
    const strict = {
      ...DEFAULT_THRESHOLDS,
      cmtsUpstream: { ...DEFAULT_THRESHOLDS.cmtsUpstream, rxOffsetFaultDb: 3 },
    };
    const ctx = { ...withUpstream2(4), thresholds: strict };
    expect(usRxOffsetRule(ctx)).toEqual([expect.objectContaining({ severity: 'FAULT', limit: 3 })]);
  });

  it.each`
    label                    | cmts
    ${'without CMTS data'}   | ${undefined}
    ${'without a CMTS row'}  | ${cmtsContext({ row: null })}
    ${'when initialRanging'} | ${cmtsContext({ row: cmtsRow({ regState: 2, upstream: [cmtsUpstream(1, { rxPowerDbmv: -20 })] }) })}
    ${'when in state other'} | ${cmtsContext({ row: cmtsRow({ regState: 1, upstream: [cmtsUpstream(1, { rxPowerDbmv: -20 })] }) })}
  `('is silent $label', ({ cmts }) => {
    expect(usRxOffsetRule(ruleContext(textbookReading(), { cmts }))).toEqual([]);
  });

  it('grades a row in registrationComplete(6), which some CMTSs report for online modems', () => {
    const row = cmtsRow({ regState: 6, upstream: [cmtsUpstream(1, { rxPowerDbmv: -20 })] });
    expect(usRxOffsetRule(ruleContext(textbookReading(), { cmts: cmtsContext({ row }) }))).toHaveLength(1);
  });
});
