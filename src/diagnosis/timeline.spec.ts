import { HOUR_MS, NOW, historyEntry } from './test-reading.factory';
import { buildTimeline } from './timeline';
import type { HistoryEntry } from '../domain/diagnosis';

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
