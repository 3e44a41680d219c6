import { toHistoryEntry } from './history';
import {
  NOW,
  cmtsRow,
  docsis31Reading,
  ofdmaChannel,
  textbookReading,
  unreachableReading,
  usChannel,
} from './test-reading.factory';

describe('toHistoryEntry', () => {
  it('summarises a reachable reading with timeouts summed over SC-QAM and OFDMA channels', () => {
    const reading = docsis31Reading({
      uptimeSec: 7200,
      status: { value: 12, name: 'operational', resets: 3, lostSyncs: 0 },
    });
    reading.upstream[0] = usChannel(1, { t3Timeouts: 2, t4Timeouts: 1 });
    reading.ofdma[0] = ofdmaChannel({ t3Timeouts: 5, t3Exceededs: 1 });
    expect(toHistoryEntry(reading, 'LINE_FAULT')).toEqual({
      at: NOW,
      reachable: true,
      uptimeSec: 7200,
      statusValue: 12,
      resets: 3,
      t3: 7,
      t4: 1,
      t3Exceeded: 1,
      verdict: 'LINE_FAULT',
    });
  });

  it('keeps only time and reachability for an unreachable reading', () => {
    expect(toHistoryEntry(unreachableReading(), 'MODEM_OFFLINE')).toEqual({
      at: NOW,
      reachable: false,
      verdict: 'MODEM_OFFLINE',
    });
  });

  it('records the CMTS registration time and state when a row is given', () => {
    const row = cmtsRow({ lastRegAt: NOW - 5000, regState: 8 });
    expect(toHistoryEntry(textbookReading(), 'TEXTBOOK_OK', row)).toEqual(
      expect.objectContaining({
        reachable: true,
        lastRegAt: NOW - 5000,
        cmtsRegState: 8,
        verdict: 'TEXTBOOK_OK',
      }),
    );
  });

  it('records the CMTS view of an unreachable modem too', () => {
    expect(
      toHistoryEntry(unreachableReading(), undefined, cmtsRow({ lastRegAt: NOW - 5000, regState: 2 })),
    ).toEqual({
      at: NOW,
      reachable: false,
      lastRegAt: NOW - 5000,
      cmtsRegState: 2,
    });
  });

  it('leaves out what the CMTS did not give', () => {
    const entry = toHistoryEntry(
      unreachableReading(),
      'MODEM_OFFLINE',
      cmtsRow({ lastRegAt: null, regState: 1 }),
    );
    expect(entry).toEqual({ at: NOW, reachable: false, cmtsRegState: 1, verdict: 'MODEM_OFFLINE' });
    expect('lastRegAt' in entry).toBe(false);
    expect(toHistoryEntry(textbookReading(), undefined, null)).not.toHaveProperty('cmtsRegState');
  });
});
