import {
  docsis31Reading,
  historyEntry,
  ofdmaChannel,
  ruleContext,
  textbookReading,
  usChannel,
} from '../test-reading.factory';
import type { HistoryEntry } from '../../domain/diagnosis';
import { t3T4Rule } from './t3-t4.rule';

interface Totals {
  t3?: number;
  t4?: number;
  t3Exceeded?: number;
}

/** Current counters: totals spread over two SC-QAM channels so the rule has to sum them. */
function readingWith({ t3 = 0, t4 = 0, t3Exceeded = 0 }: Totals, uptimeSec = 3 * 24 * 3600) {
  const reading = textbookReading({ uptimeSec });
  reading.upstream[0] = usChannel(1, {
    t3Timeouts: Math.ceil(t3 / 2),
    t4Timeouts: t4,
    t3Exceededs: t3Exceeded,
  });
  reading.upstream[1] = usChannel(2, { t3Timeouts: Math.floor(t3 / 2) });
  return reading;
}

function run(current: Totals, history: HistoryEntry[], uptimeSec?: number) {
  return t3T4Rule(ruleContext(readingWith(current, uptimeSec), { history }));
}

const BASE = { t3: 10, t4: 2, t3Exceeded: 1 };

describe('t3T4Rule', () => {
  it('finds nothing on a textbook modem', () => {
    expect(t3T4Rule(ruleContext(textbookReading()))).toEqual([]);
    expect(t3T4Rule(ruleContext(docsis31Reading(), { history: [historyEntry(6)] }))).toEqual([]);
  });

  it.each`
    dT3   | dT4  | dT3x | expected
    ${3}  | ${0} | ${0} | ${[]}
    ${4}  | ${0} | ${0} | ${[['MARGINAL', 4, 4]]}
    ${29} | ${0} | ${0} | ${[['MARGINAL', 29, 4]]}
    ${30} | ${0} | ${0} | ${[['FAULT', 30, 30]]}
    ${0}  | ${1} | ${0} | ${[['FAULT', 1, 1]]}
    ${0}  | ${0} | ${1} | ${[['FAULT', 1, 1]]}
    ${5}  | ${3} | ${2} | ${[['FAULT', 3, 1], ['FAULT', 2, 1], ['MARGINAL', 5, 4]]}
  `('delta T3 $dT3, T4 $dT4, T3-exceeded $dT3x over 6 h', ({ dT3, dT4, dT3x, expected }) => {
    const findings = run({ t3: BASE.t3 + dT3, t4: BASE.t4 + dT4, t3Exceeded: BASE.t3Exceeded + dT3x }, [
      historyEntry(6, BASE),
    ]);
    expect(findings.map((f) => [f.severity, f.observed, f.limit])).toEqual(expected);
    for (const f of findings) {
      expect(f).toMatchObject({ code: 'T3_T4_TIMEOUTS', unit: 'count/24h' });
      expect(f.channel).toBeUndefined();
      expect(f.message).toContain('in the last 6 h');
    }
  });

  it('sums OFDMA channels with the SC-QAM ones', () => {
    const reading = docsis31Reading();
    reading.upstream[0] = usChannel(1, { t3Timeouts: 2 });
    reading.ofdma[0] = ofdmaChannel({ t3Timeouts: 2, t4Timeouts: 1 });
    const findings = t3T4Rule(ruleContext(reading, { history: [historyEntry(6)] }));
    expect(findings.map((f) => [f.severity, f.observed])).toEqual([
      ['FAULT', 1],
      ['MARGINAL', 4],
    ]);
  });

  it('uses the earliest usable entry in the window', () => {
    const history = [historyEntry(10, { t3: 5 }), historyEntry(20, { t3: 0 }), historyEntry(2, { t3: 25 })];
    expect(run({ t3: 30 }, history).map((f) => [f.severity, f.observed])).toEqual([['FAULT', 30]]);
  });

  it('ignores entries older than the window', () => {
    const history = [historyEntry(30, { t3: 0 }), historyEntry(6, { t3: 20 })];
    expect(run({ t3: 30 }, history).map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 10]]);
  });

  it('ignores unreachable entries and entries without counters', () => {
    const history = [
      { at: historyEntry(20).at, reachable: false },
      historyEntry(18, { t3: undefined }),
      historyEntry(6, { t3: 20 }),
    ];
    expect(run({ t3: 30 }, history).map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 10]]);
  });

  it('does not take a baseline from before a reboot between two history entries', () => {
    const uptime = 8 * 3600;
    const history = [
      historyEntry(20, { t3: 0, uptimeSec: 5 * 24 * 3600 }),
      historyEntry(6, { t3: 20, uptimeSec: uptime - 6 * 3600 }),
    ];
    expect(run({ t3: 30 }, history, uptime).map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 10]]);
  });

  it('falls back to since-boot counters when the modem rebooted after every entry', () => {
    const history = [historyEntry(20, { t3: 0 }), historyEntry(6, { t3: 0 })];
    const findings = run({ t3: 5 }, history, 2 * 3600);
    expect(findings.map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 5]]);
    expect(findings[0].message).toBe(
      'The modem had 5 T3 timeouts since it started 2 h ago, at or above the warning level of 4 per 24 h.',
    );
  });

  it('detects a reboot from uptime shorter than the time since the entry', () => {
    // Uptime 4 h is more than the entry's 1 h, but the entry is 6 h old: the modem booted after it.
    const findings = run({ t3: 25 }, [historyEntry(6, { t3: 20, uptimeSec: 3600 })], 4 * 3600);
    expect(findings.map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 25]]);
  });

  it('skips entries whose counters are higher than later ones', () => {
    const history = [historyEntry(20, { t3: 50 }), historyEntry(5, { t3: 0 })];
    expect(run({ t3: 10 }, history).map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 10]]);
  });

  describe('no usable history: counters since boot', () => {
    it.each`
      uptimeH | t3    | t4    | expected
      ${2}    | ${3}  | ${0}  | ${[]}
      ${2}    | ${4}  | ${0}  | ${[['MARGINAL', 4]]}
      ${24}   | ${30} | ${0}  | ${[['FAULT', 30]]}
      ${240}  | ${30} | ${0}  | ${[]}
      ${240}  | ${45} | ${0}  | ${[['MARGINAL', 4.5]]}
      ${240}  | ${0}  | ${5}  | ${[]}
      ${240}  | ${0}  | ${10} | ${[['FAULT', 1]]}
    `('up $uptimeH h with T3 $t3 and T4 $t4', ({ uptimeH, t3, t4, expected }) => {
      const findings = run({ t3, t4 }, [], uptimeH * 3600);
      expect(findings.map((f) => [f.severity, f.observed])).toEqual(expected);
    });

    it('says the counts are averaged over a long uptime', () => {
      const [f] = run({ t3: 45 }, [], 240 * 3600);
      expect(f.message).toBe(
        'The modem had 4.5 T3 timeouts on average per 24 h since it started 10 days ago, ' +
          'at or above the warning level of 4 per 24 h.',
      );
    });
  });
});

describe('t3T4Rule with counters the modem did not answer', () => {
  /** One legacy upstream: T3/T4 from docsIfCmStatus, no T3-exceeded counter. */
  function legacy(t3: number | null, t4: number | null, uptimeSec = 3 * 24 * 3600) {
    return textbookReading({
      uptimeSec,
      upstream: [usChannel(1, { t3Timeouts: t3, t4Timeouts: t4, t3Exceededs: null })],
    });
  }

  it('grades the counters that were read and never a missing one as 0', () => {
    const findings = t3T4Rule(ruleContext(legacy(0, 1, 12 * 3600)));
    expect(findings.map((f) => [f.severity, f.observed])).toEqual([['FAULT', 1]]);
    expect(t3T4Rule(ruleContext(legacy(null, null)))).toEqual([]);
  });

  it('takes deltas from entries that lack T3-exceeded, as the current reading does', () => {
    const history = [historyEntry(6, { t3: 0, t4: 0, t3Exceeded: undefined })];
    const findings = t3T4Rule(ruleContext(legacy(5, 0), { history }));
    expect(findings.map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 5]]);
    expect(findings[0].message).toContain('in the last 6 h');
  });

  it('finds no baseline in entries that lack a counter the reading has', () => {
    const history = [historyEntry(6, { t3: undefined, t4: undefined, t3Exceeded: undefined })];
    const findings = t3T4Rule(ruleContext(legacy(30, 0), { history }));
    expect(findings.map((f) => [f.severity, f.observed])).toEqual([['MARGINAL', 10]]);
    expect(findings[0].message).toContain('on average per 24 h since it started 3 days ago');
  });
});
