import { assessFlapping } from './flapping';
import { HOUR_MS, NOW, historyEntry, textbookReading } from './test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import type { HistoryEntry } from '../domain/diagnosis';

function assess(history: HistoryEntry[], uptimeSec = 3 * 24 * 3600, resets = 1, lastRegAt?: number | null) {
  const reading = textbookReading({
    uptimeSec,
    status: { value: 12, name: 'operational', resets, lostSyncs: 0 },
  });
  return assessFlapping(reading, history, DEFAULT_THRESHOLDS, lastRegAt);
}

/** Epoch ms `hoursAgo` before NOW. */
function ago(hoursAgo: number): number {
  return NOW - hoursAgo * HOUR_MS;
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
    // A boot before the window: the resets since boot count as an average rate per window (3 in 30 h).
    expect(summary(assess([], 30 * 3600, 3))).toEqual({ rebootsObserved: 0, reinits: 2.4, codes: [] });
  });

  it('grades a first look at a long-running modem by its resets per window since boot', () => {
    // docsIfCmStatusResets of a DOCSIS 2.0 modem: 953 in 11 days.
    const result = assess([], 11 * 24 * 3600, 953);
    expect(result.findings).toEqual([
      {
        code: 'RF_REINIT',
        severity: 'FAULT',
        observed: 86.6,
        limit: 3,
        unit: 'count/24h',
        message:
          'The modem lost and re-established its cable connection 86.6 times on average per 24 h since it started ' +
          '11 days ago, which points to the cable line.',
      },
    ]);
  });

  it('uses the resets counter only where it was read', () => {
    const history = [historyEntry(20, { resets: undefined }), historyEntry(10, { resets: undefined })];
    const reading = textbookReading({
      status: { value: 12, name: 'operational', resets: null, lostSyncs: null },
    });
    const result = assessFlapping(reading, history, DEFAULT_THRESHOLDS);
    expect(summary(result)).toEqual({ rebootsObserved: 0, reinits: 0, codes: [] });
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

  describe('CMTS re-registrations', () => {
    /** Up for three days with a steady resets counter; the CMTS saw it register at `regHoursAgo`. */
    const reg = (hoursAgo: number, regHoursAgo: number, patch: Partial<HistoryEntry> = {}) =>
      historyEntry(hoursAgo, { lastRegAt: ago(regHoursAgo), ...patch });

    it.each`
      label                                     | history                                       | current    | reregistrations | codes
      ${'three newer registrations'}            | ${[reg(20, 30), reg(12, 14), reg(4, 6)]}      | ${ago(2)}  | ${3}            | ${['RF_REINIT']}
      ${'two newer registrations'}              | ${[reg(20, 30), reg(12, 30), reg(4, 6)]}      | ${ago(2)}  | ${2}            | ${[]}
      ${'the same registration all along'}      | ${[reg(20, 30), reg(12, 30), reg(4, 30)]}     | ${ago(30)} | ${0}            | ${[]}
      ${'no current registration time'}         | ${[reg(20, 30), reg(12, 14), reg(4, 6)]}      | ${null}    | ${2}            | ${[]}
      ${'an older time (CMTS clock went back)'} | ${[reg(20, 30), reg(12, 14), reg(4, 6)]}      | ${ago(8)}  | ${2}            | ${[]}
      ${'entries without registration times'}   | ${[reg(20, 30), historyEntry(12), reg(4, 6)]} | ${ago(2)}  | ${2}            | ${[]}
    `('$label: $reregistrations re-registrations', ({ history, current, reregistrations, codes }) => {
      const result = assess(history, 3 * 24 * 3600, 1, current);
      expect(summary(result)).toEqual({ rebootsObserved: 0, reinits: reregistrations, codes });
      expect(result.reregistrations).toBe(reregistrations);
    });

    it('counts a re-registration seen while the modem did not answer', () => {
      const history = [
        reg(20, 30),
        { at: ago(12), reachable: false, lastRegAt: ago(14), cmtsRegState: 8 },
        reg(4, 6),
      ];
      expect(assess(history, 3 * 24 * 3600, 1, ago(2)).reregistrations).toBe(3);
    });

    it('does not count registrations that follow a reboot', () => {
      // Booted 17 h, 11 h and 3 h ago, registering 1 min after each boot.
      const history = [
        reg(20, 30, { uptimeSec: 5 * 3600, resets: 0 }),
        reg(15, 17 - 1 / 60, { uptimeSec: 2 * 3600, resets: 0 }),
        reg(10, 11 - 1 / 60, { uptimeSec: 3600, resets: 0 }),
      ];
      const result = assess(history, 3 * 3600, 0, ago(3 - 1 / 60));
      expect(result.reregistrations).toBe(0);
      expect(summary(result)).toEqual({ rebootsObserved: 3, reinits: 0, codes: ['DEVICE_REBOOTS'] });
    });

    it('learns of a reboot behind a re-registration from a later uptime reading', () => {
      // Unanswered at 12 h ago, newly registered at 13 h ago; the 10 h reading shows it booted 13.5 h ago.
      const history = [
        reg(20, 30),
        { at: ago(12), reachable: false, lastRegAt: ago(13), cmtsRegState: 8 },
        reg(10, 13, { uptimeSec: 3.5 * 3600 }),
        reg(4, 6, { uptimeSec: 9.5 * 3600 }),
      ];
      expect(assess(history, 11.5 * 3600, 1, ago(2)).reregistrations).toBe(2);
    });

    it('takes the larger of the resets counter and the CMTS count', () => {
      const history = [reg(20, 30, { resets: 1 }), reg(12, 14, { resets: 3 }), reg(4, 14, { resets: 5 })];
      expect(summary(assess(history, 3 * 24 * 3600, 6, ago(2)))).toEqual({
        rebootsObserved: 0,
        reinits: 5,
        codes: ['RF_REINIT'],
      });
    });

    it('ignores registrations before the window', () => {
      const history = [reg(30, 40), reg(26, 28), reg(20, 22), reg(4, 6)];
      expect(assess(history, 3 * 24 * 3600, 1, ago(2)).reregistrations).toBe(2);
    });
  });
});
