import type { ReachableReading } from '../../domain/modem-reading';
import {
  docsis31Reading,
  dsChannel,
  ofdmChannel,
  ruleContext,
  snapshotOf,
  textbookReading,
} from '../test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import type { CounterSnapshot, Finding } from '../../domain/diagnosis';
import { codewordsRule } from './codewords.rule';

/** Channel 5 gains `total` codewords in the 45 min since the baseline, `corrected` and `uncorrectable` of them errored. */
function scQamWindow(total: bigint, corrected: bigint, uncorrectable: bigint) {
  const before = textbookReading({ observedAt: textbookReading().observedAt - 45 * 60 * 1000 });
  before.uptimeSec -= 45 * 60;
  const baseline = snapshotOf(before, 0);
  const now = textbookReading();
  const ch = now.downstream[4];
  now.downstream[4] = dsChannel(5, {
    unerrored: (ch.unerrored ?? 0n) + total - corrected - uncorrectable,
    corrected: (ch.corrected ?? 0n) + corrected,
    uncorrectable: (ch.uncorrectable ?? 0n) + uncorrectable,
  });
  return ruleContext(now, { counterBaseline: baseline });
}

/** The OFDM data profiles gain `total` codewords (split over profiles 0 and 1); NCP stays clean. */
function ofdmWindow(total: bigint, corrected: bigint, uncorrectable: bigint) {
  const now = docsis31Reading();
  const baseline = snapshotOf(now, 45);
  const [p0, p1, ncp] = now.ofdm[0].profiles;
  now.ofdm[0] = ofdmChannel({
    profiles: [
      {
        ...p0,
        total: p0.total + total / 2n,
        corrected: p0.corrected + corrected,
        uncorrectable: p0.uncorrectable,
      },
      {
        ...p1,
        total: p1.total + total - total / 2n,
        corrected: p1.corrected,
        uncorrectable: p1.uncorrectable + uncorrectable,
      },
      { ...ncp, total: ncp.total + 1_000_000n },
    ],
  });
  return ruleContext(now, { counterBaseline: baseline });
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.code}`);
}

describe('codewordsRule', () => {
  it('finds nothing on textbook modems, with or without a baseline', () => {
    expect(codewordsRule(ruleContext(textbookReading()))).toEqual([]);
    expect(codewordsRule(ruleContext(docsis31Reading()))).toEqual([]);
    const r = docsis31Reading();
    expect(codewordsRule(ruleContext(r, { counterBaseline: snapshotOf(r, 30) }))).toEqual([]);
  });

  describe.each([
    ['SC-QAM', scQamWindow, 'downstream', 'SC-QAM', 5],
    ['OFDM', ofdmWindow, 'downstream', 'OFDM', 33],
  ])('%s channel, delta over the window', (_kind, window, direction, kind, channelId) => {
    it.each`
      uncorrectable | percent   | severity      | limit
      ${999n}       | ${0.0999} | ${'none'}     | ${null}
      ${1_000n}     | ${0.1}    | ${'MARGINAL'} | ${0.1}
      ${10_000n}    | ${1}      | ${'MARGINAL'} | ${0.1}
      ${10_100n}    | ${1.01}   | ${'FAULT'}    | ${1}
    `('uncorrectable $percent %: $severity', ({ uncorrectable, percent, severity, limit }) => {
      const findings = codewordsRule(window(1_000_000n, 0n, uncorrectable));
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([
        expect.objectContaining({
          code: 'EXCESSIVE_UNCORRECTABLES',
          severity,
          observed: percent,
          limit,
          unit: '%',
          channel: expect.objectContaining({ direction, kind, channelId }),
        }),
      ]);
    });

    it.each`
      corrected   | percent | severity
      ${9_900n}   | ${0.99} | ${'none'}
      ${10_000n}  | ${1}    | ${'MARGINAL'}
      ${500_000n} | ${50}   | ${'MARGINAL'}
    `('corrected $percent %: $severity, never a fault', ({ corrected, percent, severity }) => {
      const findings = codewordsRule(window(1_000_000n, corrected, 0n));
      if (severity === 'none') {
        expect(findings).toEqual([]);
        return;
      }
      expect(findings).toEqual([
        expect.objectContaining({
          code: 'HIGH_CORRECTED',
          severity: 'MARGINAL',
          observed: percent,
          limit: 1,
          unit: '%',
        }),
      ]);
    });

    it.each`
      total       | graded
      ${99_999n}  | ${false}
      ${100_000n} | ${true}
    `('a window of $total codewords is graded: $graded', ({ total, graded }) => {
      const findings = codewordsRule(window(total, 0n, total / 2n));
      expect(codes(findings)).toEqual(graded ? ['FAULT EXCESSIVE_UNCORRECTABLES'] : []);
    });
  });

  it('says which window it graded', () => {
    const [f] = codewordsRule(scQamWindow(1_000_000n, 0n, 10_100n));
    expect(f.message).toBe(
      'Downstream channel 5 (579 MHz) lost 1.01% of its data to uncorrectable errors in the last 45 min, ' +
        'above the 1% limit.',
    );
  });

  it('grades a single bad channel among clean ones', () => {
    const findings = codewordsRule(scQamWindow(1_000_000n, 0n, 20_000n));
    expect(findings).toHaveLength(1);
    expect(findings[0].channel?.channelId).toBe(5);
  });

  it('grades the counters since boot when there is no baseline, and says so', () => {
    const reading = textbookReading({ uptimeSec: 3 * 3600 });
    reading.downstream[4] = dsChannel(5, { unerrored: 989_900n, corrected: 0n, uncorrectable: 10_100n });
    const findings = codewordsRule(ruleContext(reading));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'EXCESSIVE_UNCORRECTABLES', severity: 'FAULT', observed: 1.01 }),
    ]);
    expect(findings[0].message).toContain('since the modem started 3 h ago');
  });

  describe('reboot since the baseline', () => {
    function rebooted(baselinePatch: Partial<CounterSnapshot>, reading: ReachableReading) {
      const baseline: CounterSnapshot = {
        ...snapshotOf(textbookReading(), 60),
        ...baselinePatch,
      };
      return codewordsRule(ruleContext(reading, { counterBaseline: baseline }));
    }

    it('uptime went backwards: emits one FEC_WINDOW_RESET and grades since boot, never a negative ratio', () => {
      const reading = textbookReading({ uptimeSec: 2 * 3600 });
      reading.downstream = reading.downstream.map((ch) =>
        dsChannel(ch.channelId, { unerrored: 2_000_000n, corrected: 0n, uncorrectable: 0n }),
      );
      const findings = rebooted({}, reading);
      expect(findings).toEqual([
        expect.objectContaining({ code: 'FEC_WINDOW_RESET', severity: 'INFO', unit: 'state' }),
      ]);
      expect(findings[0].message).toContain('restarted 2 h ago');
    });

    it('uptime grew but is shorter than the time since the baseline: still a reboot', () => {
      const reading = textbookReading({ uptimeSec: 1800 });
      reading.downstream = reading.downstream.map((ch) =>
        dsChannel(ch.channelId, { unerrored: 2_000_000n, corrected: 0n, uncorrectable: 0n }),
      );
      const findings = rebooted({ uptimeSec: 100 }, reading);
      expect(codes(findings)).toEqual(['INFO FEC_WINDOW_RESET']);
    });

    it('grades the since-boot counters after a reboot', () => {
      const reading = textbookReading({ uptimeSec: 2 * 3600 });
      reading.downstream[4] = dsChannel(5, { unerrored: 980_000n, corrected: 0n, uncorrectable: 20_000n });
      const findings = rebooted({}, reading);
      expect(codes(findings)).toEqual(['INFO FEC_WINDOW_RESET', 'FAULT EXCESSIVE_UNCORRECTABLES']);
      expect(findings[1].observed).toBe(2);
      expect(findings[1].message).toContain('since the modem started 2 h ago');
    });

    it('is not a reboot when uptime advanced with the clock', () => {
      const reading = textbookReading();
      expect(codewordsRule(ruleContext(reading, { counterBaseline: snapshotOf(reading, 60) }))).toEqual([]);
    });
  });

  describe('counter decrease without a reboot', () => {
    it('falls back to the current counters instead of a negative delta', () => {
      const reading = textbookReading();
      const baseline = snapshotOf(reading, 30);
      // A naive delta would be -60M / -5.06G: a positive-looking 1.2 % from two negative numbers.
      baseline.ds[4] = { ...baseline.ds[4], uncorrectable: 60_000_000n, corrected: 0n };
      reading.downstream[4] = dsChannel(5, { unerrored: 2_000_000n, corrected: 0n, uncorrectable: 0n });
      expect(codewordsRule(ruleContext(reading, { counterBaseline: baseline }))).toEqual([]);
    });

    it('does not trust a delta where unerrored shrank while the total still grew', () => {
      const reading = textbookReading();
      const baseline = snapshotOf(reading, 30);
      baseline.ds[4] = { ...baseline.ds[4], unerrored: 1_000_000n, corrected: 0n, uncorrectable: 0n };
      reading.downstream[4] = dsChannel(5, {
        unerrored: 500_000n,
        corrected: 10_000n,
        uncorrectable: 600_000n,
      });
      const findings = codewordsRule(ruleContext(reading, { counterBaseline: baseline }));
      expect(codes(findings)).toEqual(['FAULT EXCESSIVE_UNCORRECTABLES']);
      // Since the counters restarted: 600k of 1.11M, not 600k of a 110k "delta".
      expect(findings[0].observed).toBe(54.1);
      expect(findings[0].message).toContain('since its counters were last reset');
      expect(codes(codewordsRule(ruleContext(reading, { counterBaseline: baseline })))).not.toContain(
        'INFO FEC_WINDOW_RESET',
      );
    });

    it('falls back per OFDM channel when one profile counter went down', () => {
      const reading = docsis31Reading();
      const baseline = snapshotOf(reading, 30);
      // Profile 1 restarted its counters; summed naively the channel would show 50k uncorrectable in 1M (5 %).
      baseline.ofdm[0] = { ...baseline.ofdm[0], total: 2_000_000_000n - 501_000_000n };
      baseline.ofdm[1] = { ...baseline.ofdm[1], total: 1_500_000_000n };
      reading.ofdm[0].profiles[1] = { ...reading.ofdm[0].profiles[1], uncorrectable: 50_000n };
      const findings = codewordsRule(ruleContext(reading, { counterBaseline: baseline }));
      expect(findings).toEqual([]);
    });
  });

  it('grades since boot when the window holds fewer than minCodewords (two polls seconds apart)', () => {
    const reading = textbookReading({ uptimeSec: 5 * 3600 });
    reading.downstream[4] = dsChannel(5, { unerrored: 970_000n, corrected: 0n, uncorrectable: 30_000n });
    const baseline = snapshotOf(reading, 0);
    baseline.at -= 1000;
    baseline.uptimeSec -= 1;
    baseline.ds[4] = { ...baseline.ds[4], unerrored: baseline.ds[4].unerrored - 40_000n };
    const findings = codewordsRule(ruleContext(reading, { counterBaseline: baseline }));
    expect(codes(findings)).toEqual(['FAULT EXCESSIVE_UNCORRECTABLES']);
    expect(findings[0].message).toContain('since the modem started 5 h ago');
  });

  it('grades a channel missing from the baseline since boot', () => {
    const reading = textbookReading();
    const baseline = snapshotOf(reading, 30);
    baseline.ds = baseline.ds.filter((d) => d.ifIndex !== 52);
    reading.downstream[4] = dsChannel(5, { unerrored: 980_000n, corrected: 0n, uncorrectable: 20_000n });
    const findings = codewordsRule(ruleContext(reading, { counterBaseline: baseline }));
    expect(codes(findings)).toEqual(['FAULT EXCESSIVE_UNCORRECTABLES']);
    expect(findings[0].message).toContain('since the modem started 3 days ago');
  });

  it('excludes unlocked downstream channels', () => {
    const reading = textbookReading();
    reading.downstream[4] = dsChannel(5, {
      locked: false,
      unerrored: 0n,
      corrected: 0n,
      uncorrectable: 9_000_000n,
    });
    expect(codewordsRule(ruleContext(reading))).toEqual([]);
  });

  it('grades the OFDM NCP profile on its own, not in the data profiles', () => {
    const reading = docsis31Reading();
    reading.ofdm[0] = ofdmChannel({
      profiles: [
        { profileId: 0, total: 2_000_000_000n, corrected: 0n, uncorrectable: 0n },
        { profileId: 255, total: 1_000_000n, corrected: 0n, uncorrectable: 20_000n },
      ],
    });
    const findings = codewordsRule(ruleContext(reading));
    expect(codes(findings)).toEqual(['FAULT EXCESSIVE_UNCORRECTABLES']);
    expect(findings[0].observed).toBe(2);
    expect(findings[0].message).toMatch(
      /^The control channel \(NCP\) of OFDM downstream channel 33 \(PLC 957 MHz\)/,
    );
  });

  it('sums the OFDM data profiles of a channel', () => {
    const reading = docsis31Reading();
    // Each profile alone is below minCodewords; together they are graded.
    reading.ofdm[0] = ofdmChannel({
      profiles: [
        { profileId: 0, total: 60_000n, corrected: 0n, uncorrectable: 0n },
        { profileId: 1, total: 60_000n, corrected: 0n, uncorrectable: 2_400n },
      ],
    });
    expect(codewordsRule(ruleContext(reading))).toEqual([
      expect.objectContaining({ code: 'EXCESSIVE_UNCORRECTABLES', severity: 'FAULT', observed: 2 }),
    ]);
  });

  it('never produces NaN or a ratio above 100 % from empty or inconsistent counters', () => {
    const reading = docsis31Reading();
    reading.downstream[4] = dsChannel(5, { unerrored: 0n, corrected: 0n, uncorrectable: 0n });
    reading.ofdm[0] = ofdmChannel({
      profiles: [{ profileId: 0, total: 200_000n, corrected: 0n, uncorrectable: 900_000n }],
    });
    const thresholds = {
      ...DEFAULT_THRESHOLDS,
      codewords: { ...DEFAULT_THRESHOLDS.codewords, minCodewords: 0 },
    };
    const findings = codewordsRule(ruleContext(reading, { thresholds }));
    expect(findings).toEqual([expect.objectContaining({ code: 'EXCESSIVE_UNCORRECTABLES', observed: 100 })]);
  });
});
