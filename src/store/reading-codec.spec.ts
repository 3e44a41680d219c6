import type { HistoryEntry } from '../domain/diagnosis';
import { decodeJson, encodeJson } from '../domain/reading-json';
import { decodeHistory, decodePacked, encodeHistory, encodePacked } from './reading-codec';

describe('history codec', () => {
  const full: HistoryEntry = {
    at: 1_764_074_707_123,
    reachable: true,
    uptimeSec: 4_294_967,
    statusValue: 12,
    resets: 3,
    t3: 1_234_567,
    t4: 0,
    t3Exceeded: 2,
    verdict: 'LINE_FAULT',
    cmtsRegState: 8,
    lastRegAt: 1_763_800_000_000,
  };

  it.each<[string, HistoryEntry]>([
    ['every field', full],
    [
      'an unreachable reading with its CMTS row',
      { at: 5, reachable: false, cmtsRegState: 1, verdict: 'MODEM_OFFLINE' },
    ],
    ['only the time', { at: 1_000, reachable: false }],
    ['a negative value', { at: 7, reachable: true, statusValue: -1 }],
  ])('round-trips %s', (_name, entry) => {
    expect(decodeHistory(encodeHistory(entry))).toEqual(entry);
  });

  it('stays within the 64 bytes that keep a Redis sorted set compact', () => {
    expect(encodeHistory(full).length).toBeLessThanOrEqual(64);
  });

  it('reads entries written in the earlier JSON-array form', () => {
    expect(decodeHistory('[1000,1,3600,12,0,5,1,0,0]')).toEqual({
      at: 1000,
      reachable: true,
      uptimeSec: 3600,
      statusValue: 12,
      resets: 0,
      t3: 5,
      t4: 1,
      t3Exceeded: 0,
      verdict: 'TEXTBOOK_OK',
    });
  });
});

describe('JSON codec', () => {
  it('keeps codeword counters as bigint', () => {
    const value = { ds: [{ ifIndex: 3, unerrored: 18_446_744_073_709_551_615n, corrected: 0n }] };
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });
});

describe('packed codec', () => {
  const value = {
    reading: { modemId: 'm', downstream: [{ ifIndex: 3, unerrored: 2n ** 63n + 5n, powerDbmv: -3.5 }] },
    diagnosis: { verdict: 'MARGINAL', findings: [{ limit: null, text: 'Iksiński' }] },
  };

  it('round-trips bigints, negative numbers, nulls and unicode, and is smaller than JSON', () => {
    const packed = encodePacked(value);
    expect(decodePacked(packed)).toEqual(value);
    const big = { rows: Array.from({ length: 50 }, (_, i) => ({ ...value.reading, ifIndex: i })) };
    expect(encodePacked(big).length).toBeLessThan(encodeJson(big).length / 3);
  });

  it('still reads values stored as plain JSON', () => {
    expect(decodePacked(Buffer.from(encodeJson(value)))).toEqual(value);
  });
});

describe('"not read" through the codecs', () => {
  it('keeps a counter that was not read apart from 0 in compact history', () => {
    const read: HistoryEntry = {
      at: 9,
      reachable: true,
      uptimeSec: 60,
      resets: 0,
      t3: 0,
      t4: 0,
      t3Exceeded: 0,
    };
    const notRead: HistoryEntry = { at: 9, reachable: true, uptimeSec: 60, t3: 0, t4: 0 };
    expect(decodeHistory(encodeHistory(read))).toEqual(read);
    expect(decodeHistory(encodeHistory(notRead))).toEqual(notRead);
  });

  it('keeps null counters, channel ids and cpeMacs null in packed and JSON readings', () => {
    const reading = {
      status: { value: 12, resets: null, lostSyncs: 0 },
      downstream: [{ ifIndex: 3, unerrored: null, corrected: 5n, uncorrectable: 0n, counterBits: 32 }],
      upstream: [{ ifIndex: 2, channelId: null, t3Timeouts: 0, t3Exceededs: null }],
      cpeMacs: null,
    };
    expect(decodePacked(encodePacked(reading))).toEqual(reading);
    expect(decodeJson(encodeJson(reading))).toEqual(reading);
  });
});
