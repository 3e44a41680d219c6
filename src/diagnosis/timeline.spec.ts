import { HOUR_MS, NOW, historyEntry } from './test-reading.factory';
import { buildTimeline, lineTimeline, timelineJson } from './timeline';
import type { HistoryEntry } from '../domain/diagnosis';
import type { ModemEvent, ModemEventLog } from '../domain/modem-reading';

/** Epoch ms `hoursAgo` before NOW. */
function ago(hoursAgo: number): number {
  return NOW - hoursAgo * HOUR_MS;
}

function offline(hoursAgo: number, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return { at: ago(hoursAgo), reachable: false, ...patch };
}

describe('buildTimeline', () => {
  it('has nothing to say about a steady modem', () => {
    const entries = [10, 8, 6, 4].map((h) => historyEntry(h, { verdict: 'TEXTBOOK_OK', lastRegAt: ago(80) }));
    expect(buildTimeline(entries)).toEqual([]);
    expect(buildTimeline([])).toEqual([]);
  });

  it('reports verdict changes with from and to', () => {
    const entries = [
      historyEntry(6, { verdict: 'TEXTBOOK_OK' }),
      historyEntry(4, { verdict: 'MARGINAL' }),
      historyEntry(3, { verdict: 'MARGINAL' }),
      historyEntry(2),
      historyEntry(1, { verdict: 'LINE_FAULT' }),
    ];
    expect(buildTimeline(entries)).toEqual([
      {
        at: ago(1),
        kind: 'VERDICT_CHANGED',
        evidence: 'verdict went from MARGINAL to LINE_FAULT',
        from: 'MARGINAL',
        to: 'LINE_FAULT',
      },
      {
        at: ago(4),
        kind: 'VERDICT_CHANGED',
        evidence: 'verdict went from TEXTBOOK_OK to MARGINAL',
        from: 'TEXTBOOK_OK',
        to: 'MARGINAL',
      },
    ]);
  });

  it('reports a reboot with the uptimes that show it', () => {
    const entries = [
      historyEntry(5, { uptimeSec: 3 * 86400 + 4 * 3600 }),
      historyEntry(4, { uptimeSec: 120 }),
      historyEntry(3, { uptimeSec: 3720 }),
    ];
    expect(buildTimeline(entries)).toEqual([
      { at: ago(4), kind: 'REBOOT', evidence: 'uptime went from 3 d 4 h to 2 min' },
    ]);
  });

  it('finds a reboot between polls far apart even when the uptime grew', () => {
    const entries = [historyEntry(20, { uptimeSec: 60 }), historyEntry(10, { uptimeSec: 3600 })];
    expect(buildTimeline(entries)).toEqual([
      { at: ago(10), kind: 'REBOOT', evidence: 'uptime was 1 h, less than the 10 h since it was 1 min' },
    ]);
  });

  it('reports a newer CMTS registration without a reboot as a re-registration', () => {
    const entries = [
      historyEntry(6, { lastRegAt: ago(8) }),
      historyEntry(4, { lastRegAt: ago(8) }),
      historyEntry(2, { lastRegAt: ago(2.5) }),
    ];
    expect(buildTimeline(entries)).toEqual([
      {
        at: ago(2),
        kind: 'REREGISTRATION',
        evidence:
          'registered with the network again 5 h 30 min after the previous registration, while the modem kept running',
      },
    ]);
  });

  it('reports a registration after a reboot as the reboot only', () => {
    const entries = [
      historyEntry(6, { lastRegAt: ago(80) }),
      historyEntry(2, { uptimeSec: 1800, lastRegAt: ago(2.45) }),
    ];
    expect(buildTimeline(entries).map((e) => e.kind)).toEqual(['REBOOT']);
  });

  it('reports an offline spell with its length', () => {
    const entries = [
      historyEntry(6),
      offline(5),
      offline(4),
      offline(3.5),
      historyEntry(2),
      offline(1, { cmtsRegState: 8 }),
    ];
    expect(buildTimeline(entries)).toEqual([
      {
        at: ago(1),
        kind: 'WENT_OFFLINE',
        evidence: 'the modem stopped answering polls, though the network still saw it online',
      },
      {
        at: ago(2),
        kind: 'BACK_ONLINE',
        evidence: 'the modem answered again after 3 h offline',
        durationSec: 3 * 3600,
      },
      { at: ago(5), kind: 'WENT_OFFLINE', evidence: 'the modem stopped answering polls' },
    ]);
  });

  it('says when the network lost the modem too', () => {
    const [event] = buildTimeline([historyEntry(2), offline(1, { cmtsRegState: 2 })]);
    expect(event.evidence).toBe('the modem stopped answering polls and the network no longer saw it online');
  });

  it('reports coming back without a WENT_OFFLINE when the history starts offline', () => {
    expect(buildTimeline([offline(3), offline(2), historyEntry(1)])).toEqual([
      {
        at: ago(1),
        kind: 'BACK_ONLINE',
        evidence: 'the modem answered again after 2 h offline',
        durationSec: 2 * 3600,
      },
    ]);
  });

  it('orders events newest first whatever the input order, keeping one entry’s events together', () => {
    const entries = [
      historyEntry(1, { uptimeSec: 600, verdict: 'TEXTBOOK_OK' }),
      offline(3, { verdict: 'MODEM_OFFLINE' }),
      historyEntry(4, { verdict: 'TEXTBOOK_OK' }),
    ];
    expect(buildTimeline(entries).map((e) => `${e.at === ago(1) ? 1 : 3} ${e.kind}`)).toEqual([
      '1 BACK_ONLINE',
      '1 REBOOT',
      '1 VERDICT_CHANGED',
      '3 WENT_OFFLINE',
      '3 VERDICT_CHANGED',
    ]);
  });

  it('compares uptimes across an offline spell', () => {
    const entries = [historyEntry(5, { uptimeSec: 86400 }), offline(4), historyEntry(3, { uptimeSec: 300 })];
    expect(buildTimeline(entries).find((e) => e.kind === 'REBOOT')).toEqual({
      at: ago(3),
      kind: 'REBOOT',
      evidence: 'uptime went from 1 d to 5 min',
    });
  });
});

function logged(index: number, patch: Partial<ModemEvent> = {}): ModemEvent {
  return {
    index,
    firstAt: null,
    lastAt: null,
    count: 1,
    level: 6,
    eventId: null,
    text: 'TOD established;CM-MAC=00:1d:cd:00:00:1f;CMTS-MAC=00:17:10:00:00:01;',
    ...patch,
  };
}

const T3_TEXT =
  'No Ranging Response received - T3 time-out;CM-MAC=00:1d:cd:00:00:1f;CMTS-MAC=00:17:10:00:00:01;';

/** The log as a call-centre check (a full poll) read it half an hour ago. */
const fullReading = (events: ModemEvent[] | null): ModemEventLog => ({ readAt: ago(0.5), events });

describe('lineTimeline: Linecheck’s history merged with the modem’s own log', () => {
  const since = ago(7 * 24);
  const history = [
    historyEntry(30, { uptimeSec: 3 * 86400 }),
    historyEntry(20, { uptimeSec: 120 }),
    historyEntry(10, { uptimeSec: 36_120 }),
  ];
  const log = [
    logged(1, { text: 'Cable Modem Reboot due to power reset', count: 1 }),
    logged(2, { firstAt: ago(20) + 30_000, lastAt: ago(20) + 30_000 }),
    logged(3, { firstAt: ago(15), lastAt: ago(2), count: 12, level: 3, eventId: 82000200, text: T3_TEXT }),
    logged(4, { firstAt: ago(25), lastAt: null, count: 2, level: 3, text: 'T4 time out' }),
  ];

  it('places each logged event at its last occurrence among Linecheck’s, newest first, each with its source', () => {
    const t = lineTimeline(history, fullReading(log), since);
    expect(t.events.map((e) => [e.kind, e.source, e.at])).toEqual([
      ['T3_TIMEOUT', 'modemLog', ago(2)],
      ['OTHER', 'modemLog', ago(20) + 30_000],
      ['REBOOT', 'linecheck', ago(20)],
      ['T4_TIMEOUT', 'modemLog', ago(25)],
    ]);
  });

  it('keeps the row as the modem logged it: count, first and last time, level, id, text', () => {
    const t3 = lineTimeline(history, fullReading(log), since).events[0];
    expect(t3).toEqual({
      at: ago(2),
      kind: 'T3_TIMEOUT',
      source: 'modemLog',
      evidence: 'the modem logged "No Ranging Response received - T3 time-out" 12 times in 13 h (critical)',
      log: {
        index: 3,
        eventId: 82000200,
        level: 3,
        levelName: 'critical',
        count: 12,
        firstAt: ago(15),
        lastAt: ago(2),
        text: T3_TEXT,
      },
    });
  });

  it('lists events logged without a time apart, in log order: they cannot be placed', () => {
    const t = lineTimeline(history, fullReading(log), since);
    expect(t.untimed).toEqual([
      {
        kind: 'REBOOT',
        source: 'modemLog',
        evidence: 'the modem logged "Cable Modem Reboot due to power reset" (notice)',
        log: expect.objectContaining({ index: 1, firstAt: null, lastAt: null }),
      },
    ]);
    expect(t.modemLog).toEqual({ state: 'read', readAt: ago(0.5), rows: 4 });
  });

  it('leaves out logged events older than the window', () => {
    // The service hands over only the window's history entries; the log is the modem's whole.
    const t = lineTimeline([], fullReading(log), ago(3));
    expect(t.events.map((e) => e.kind)).toEqual(['T3_TIMEOUT']);
    expect(t.untimed).toHaveLength(1);
  });

  it('says whether the log is there: read, absent on the modem, or not read by the latest poll', () => {
    expect(lineTimeline(history, fullReading([]), since).modemLog).toEqual({
      state: 'read',
      readAt: ago(0.5),
      rows: 0,
    });
    expect(lineTimeline(history, fullReading(null), since).modemLog).toEqual({
      state: 'absent',
      readAt: ago(0.5),
      rows: 0,
    });
    {
      const t = lineTimeline(history, null, since);
      expect(t.modemLog).toEqual({ state: 'notRead', readAt: null, rows: 0 });
      expect(t.events.every((e) => e.source === 'linecheck')).toBe(true);
      expect(t.untimed).toEqual([]);
    }
  });

  it('is Linecheck’s timeline alone when the modem logged nothing', () => {
    const t = lineTimeline(history, fullReading([]), since);
    expect(t.events).toEqual(buildTimeline(history).map((e) => ({ ...e, source: 'linecheck' })));
  });

  it('writes times as ISO 8601 for JSON answers', () => {
    const t = timelineJson({ since, coveredFrom: null, ...lineTimeline(history, fullReading(log), since) });
    expect(t.events[0]).toEqual(
      expect.objectContaining({
        at: new Date(ago(2)).toISOString(),
        log: expect.objectContaining({
          firstAt: new Date(ago(15)).toISOString(),
          lastAt: new Date(ago(2)).toISOString(),
        }),
      }),
    );
    expect(t.untimed[0].log).toEqual(expect.objectContaining({ firstAt: null, lastAt: null }));
    expect(t.modemLog.readAt).toBe(new Date(ago(0.5)).toISOString());
    expect(t.coveredFrom).toBeNull();
  });
});
