import { toHistoryEntry } from './history';
import { NOW, docsis31Reading, ofdmaChannel, unreachableReading, usChannel } from './test-reading.factory';

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
});
