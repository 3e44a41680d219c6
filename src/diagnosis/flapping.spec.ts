import { assessFlapping } from './flapping';
import { HOUR_MS, NOW, historyEntry, textbookReading } from './test-reading.factory';
import { DEFAULT_THRESHOLDS } from './thresholds';
import type { HistoryEntry } from './types';

function assess(history: HistoryEntry[], uptimeSec = 3 * 24 * 3600, resets = 1) {
  const reading = textbookReading({
    uptimeSec,
    status: { value: 12, name: 'operational', resets, lostSyncs: 0 },
  });
  return assessFlapping(reading, history, DEFAULT_THRESHOLDS);
}

/** Reachable entry `hoursAgo`, up `uptimeH` hours, with `resets`. */
function entry(hoursAgo: number, uptimeH: number, resets: number): HistoryEntry {
  return historyEntry(hoursAgo, { uptimeSec: uptimeH * 3600, resets });
}

function summary(result: ReturnType<typeof assess>) {
  return {
    rebootsObserved: result.rebootsObserved,
    reinits: result.reinits,
    codes: result.findings.map((f) => f.code),
  };
}

describe('assessFlapping', () => {
  it('finds nothing for a modem up for days with steady counters', () => {
    const history = [historyEntry(20), historyEntry(10), historyEntry(1)];
    expect(summary(assess(history))).toEqual({ rebootsObserved: 0, reinits: 0, codes: [] });
  });

  it.each`
    reboots | codes
    ${2}    | ${[]}
    ${3}    | ${['DEVICE_REBOOTS']}
    ${4}    | ${['DEVICE_REBOOTS']}
  `('counts $reboots uptime resets in the window', ({ reboots, codes }) => {
    // One entry per boot, each 1 h after it; the current reading 1 h after the last boot.
    const history = [entry(20, 5, 0)];
    for (let i = 1; i < reboots; i++) {
      history.push(entry(20 - i * 4, 1, 0));
    }
    const result = assess(history, 3600, 0);
    expect(summary(result)).toEqual({ rebootsObserved: reboots, reinits: 0, codes });
  });

  it('reports the reboot count against its threshold', () => {
    const result = assess([entry(20, 5, 0), entry(15, 1, 0), entry(10, 1, 0)], 3600, 0);
    expect(result.findings).toEqual([
      {
        code: 'DEVICE_REBOOTS',
        severity: 'FAULT',
        observed: 3,
        limit: 3,
        unit: 'count/24h',
        message:
          'The modem restarted 3 times in the last 24 h, which points to its power supply or the modem itself.',
      },
    ]);
  });

  it.each`
    resets          | reinits | codes
    ${[1, 1, 2, 3]} | ${2}    | ${[]}
    ${[1, 2, 3, 4]} | ${3}    | ${['RF_REINIT']}
    ${[1, 1, 1, 9]} | ${8}    | ${['RF_REINIT']}
    ${[5, 4, 4, 4]} | ${0}    | ${[]}
  `('counts resets $resets rising without reboots as $reinits re-inits', ({ resets, reinits, codes }) => {
    const [a, b, c, now] = resets as number[];
    const history = [
      historyEntry(20, { resets: a }),
      historyEntry(10, { resets: b }),
      historyEntry(5, { resets: c }),
    ];
    expect(summary(assess(history, 3 * 24 * 3600, now))).toEqual({ rebootsObserved: 0, reinits, codes });
  });

  it('counts re-inits after a reboot from the entry that follows it', () => {
    // Booted 6 h ago: 2 re-inits by the 5 h entry, one more since.
    const history = [entry(10, 72, 5), entry(5, 1, 2)];
    expect(summary(assess(history, 6 * 3600, 3))).toEqual({
      rebootsObserved: 1,
      reinits: 3,
      codes: ['RF_REINIT'],
    });
  });

  it('without earlier entries, counts the re-inits since a boot inside the window', () => {
    expect(summary(assess([], 10 * 3600, 3))).toEqual({
      rebootsObserved: 0,
      reinits: 3,
      codes: ['RF_REINIT'],
    });
    expect(summary(assess([], 30 * 3600, 3))).toEqual({ rebootsObserved: 0, reinits: 0, codes: [] });
  });

  it('ignores entries outside the window and unreachable ones', () => {
    const history: HistoryEntry[] = [
      entry(30, 5, 0),
      entry(28, 1, 0),
      entry(26, 1, 0),
      { at: NOW - 12 * HOUR_MS, reachable: false },
      { at: NOW - 11 * HOUR_MS, reachable: false, uptimeSec: 1 },
      entry(20, 1, 0),
    ];
    expect(summary(assess(history, 21 * 3600, 0))).toEqual({ rebootsObserved: 0, reinits: 0, codes: [] });
  });

  it('detects a reboot between polls far apart even when uptime grew', () => {
    // At 20 h ago the modem was up 1 min; 10 h ago it was up 1 h, so it booted again in between.
    const history = [historyEntry(20, { uptimeSec: 60, resets: 0 }), entry(10, 1, 0), entry(4, 1, 0)];
    expect(assess(history, 3600, 0).rebootsObserved).toBe(3);
  });

  it('can report both causes', () => {
    const history = [entry(20, 5, 0), entry(15, 1, 2), entry(10, 1, 0)];
    expect(summary(assess(history, 3600, 1))).toEqual({
      rebootsObserved: 3,
      reinits: 3,
      codes: ['DEVICE_REBOOTS', 'RF_REINIT'],
    });
  });

  it('orders history by time, whatever the input order', () => {
    const history = [entry(10, 1, 0), entry(20, 5, 0), entry(15, 1, 0)];
    expect(assess(history, 3600, 0).rebootsObserved).toBe(3);
  });
});
