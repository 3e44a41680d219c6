import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CounterSnapshot, HistoryEntry, Verdict } from '../domain/diagnosis';
import { decodeJson } from '../domain/reading-json';
import type { StoredReading } from '../readings/reading.store';
import { decodeHistoryV1, encodeHistoryV1, isHistoryV1 } from './codec/history-format';
import {
  counterSnapshotV1,
  storedReadingV1,
  storedReadingV2,
  storedReadingV3,
  storedReadingV4,
  VERDICTS_V1,
} from './codec/reading-formats';
import type { Codec } from './codec/schema';
import { Misfit, Reader, Writer } from './codec/wire';

// The stored values of readings: latest:<id> (reading + diagnosis), cw:<id> members (codeword snapshots) and
// hist:<id> members (history entries). Written in the compact binary formats of codec/ (format 1: 2 to 2.5 times
// smaller than the deflated V8 of before, for a fifth of its CPU or less; docs/benchmarks.md); a value those formats
// cannot hold exactly is written in the general format, and every format written before still reads until it ages
// out:
//
//   first byte   latest and cw values                         history members
//   0x01         V8 serialisation, deflated (2026-11-25)       V8 serialisation (what compact format 1 cannot hold)
//   0x02         compact format 1                             -
//   0x03         compact format 2 (latest only, 2026-12-03)   -
//   0x04         compact format 3 (latest only, 2026-12-04)   -
//   0x05         compact format 4 (latest only, 2026-12-04)   -
//   '{'          JSON (before 2026-11-25)                     -
//   '['          -                                            JSON array (before 2026-11-25)
//   '0'-'z'      -                                            base-36 CSV (2026-11-25)
//   0x80-0xBF    -                                            compact format 1 (its time is the score)

const PACKED_V8 = 0x01;
const COMPACT_V1 = 0x02;
const COMPACT_V2 = 0x03;
const COMPACT_V3 = 0x04;
const COMPACT_V4 = 0x05;

const writer = new Writer();

function encodeCompact<T>(codec: Codec<T>, value: T, marker = COMPACT_V1): Buffer | null {
  writer.pos = 0;
  writer.byte(marker);
  try {
    codec.write(writer, value);
  } catch (error) {
    if (error instanceof Misfit) {
      writer.pos = 0;
      return null;
    }
    throw error;
  }
  return writer.take();
}

function decodeCompact<T>(codec: Codec<T>, data: Buffer): T {
  const r = new Reader(data);
  r.pos = 1;
  const value = codec.read(r);
  if (r.pos !== data.length) {
    throw new RangeError(`compact value has ${data.length - r.pos} bytes left over`);
  }
  return value;
}

/** The latest reading with its diagnosis, compact; in the general format only when it does not fit. */
export function encodeStoredReading(s: StoredReading): Buffer {
  return encodeCompact(storedReadingV4, s, COMPACT_V4) ?? encodePacked(s);
}

export function decodeStoredReading(data: Buffer): StoredReading {
  switch (data[0]) {
    case COMPACT_V4:
      return decodeCompact(storedReadingV4, data);
    case COMPACT_V3:
      return decodeCompact(storedReadingV3, data);
    case COMPACT_V2:
      return decodeCompact(storedReadingV2, data);
    case COMPACT_V1:
      return decodeCompact(storedReadingV1, data);
    default:
      return decodePacked<StoredReading>(data);
  }
}

export function encodeCounters(s: CounterSnapshot): Buffer {
  return encodeCompact(counterSnapshotV1, s) ?? encodePacked(s);
}

export function decodeCounters(data: Buffer): CounterSnapshot {
  return data[0] === COMPACT_V1
    ? decodeCompact(counterSnapshotV1, data)
    : decodePacked<CounterSnapshot>(data);
}

/**
 * A history member (its score is `e.at`): compact (11 to 20 bytes), or, for an entry the compact format cannot hold
 * exactly, the general format (V8, not deflated: members are short).
 */
export function encodeHistory(e: HistoryEntry): Buffer {
  try {
    return encodeHistoryV1(e);
  } catch (error) {
    if (error instanceof Misfit) {
      return Buffer.concat([Buffer.of(PACKED_V8), serialize(e)]);
    }
    throw error;
  }
}

/** A history member with its score (the entry's time, which the compact format keeps only there). */
export function decodeHistory(member: Buffer | string, score: number): HistoryEntry {
  if (typeof member !== 'string') {
    if (isHistoryV1(member)) {
      return decodeHistoryV1(member, score);
    }
    if (member[0] === PACKED_V8) {
      return deserialize(member.subarray(1)) as HistoryEntry;
    }
    member = member.toString('latin1');
  }
  return member.startsWith('[') ? decodeLegacyHistory(member) : decodeHistoryText(member);
}

/** Members and scores as ZRANGEBYSCORE ... WITHSCORES answers them. */
export function decodeHistoryRows(rows: readonly Buffer[]): HistoryEntry[] {
  const out = new Array<HistoryEntry>(rows.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = decodeHistory(rows[2 * i], Number(rows[2 * i + 1].toString('latin1')));
  }
  return out;
}

// The general format: a marker byte JSON never starts with, then V8's serialisation (bigints native; its format is
// documented as backward-compatible, safe to store) deflated at level 1.

export function encodePacked(value: unknown): Buffer {
  return Buffer.concat([Buffer.of(PACKED_V8), deflateRawSync(serialize(value), { level: 1 })]);
}

/** Reads packed values, and the plain JSON written before packing was introduced. */
export function decodePacked<T>(data: Buffer): T {
  return data[0] === PACKED_V8
    ? (deserialize(inflateRawSync(data.subarray(1))) as T)
    : decodeJson<T>(data.toString('utf8'));
}

// History as short base-36 fields joined by commas (2026-11-25 to 2026-12-03); the codec bench writes it as its "before".
export const HISTORY_FIELDS = [
  'at',
  'reachable',
  'uptimeSec',
  'statusValue',
  'resets',
  't3',
  't4',
  't3Exceeded',
  'verdict',
  'cmtsRegState',
  'lastRegAt',
] as const;

function decodeHistoryText(text: string): HistoryEntry {
  const values = text.split(',').map((f) => (f === '' ? undefined : parseInt(f, 36)));
  const e: HistoryEntry = { at: values[0] ?? 0, reachable: values[1] === 1 };
  HISTORY_FIELDS.forEach((k, i) => {
    const v = values[i];
    if (i < 2 || v == null || Number.isNaN(v)) {
      return;
    }
    if (k === 'verdict') {
      const verdict = VERDICTS_V1[v] as Verdict | undefined;
      if (verdict) {
        e.verdict = verdict;
      }
    } else if (k !== 'at' && k !== 'reachable') {
      e[k] = v;
    }
  });
  return e;
}

type LegacyHistory = [number, 0 | 1, number?, number?, number?, number?, number?, number?, number?];

/** Entries written before 2026-11-25 (JSON arrays) stay readable until they age out. */
function decodeLegacyHistory(text: string): HistoryEntry {
  const [at, reachable, uptimeSec, statusValue, resets, t3, t4, t3Exceeded, verdict] = JSON.parse(
    text,
  ) as LegacyHistory;
  const e: HistoryEntry = { at, reachable: reachable === 1 };
  const set = <K extends keyof HistoryEntry>(k: K, v: HistoryEntry[K] | null | undefined): void => {
    if (v != null) {
      e[k] = v;
    }
  };
  set('uptimeSec', uptimeSec);
  set('statusValue', statusValue);
  set('resets', resets);
  set('t3', t3);
  set('t4', t4);
  set('t3Exceeded', t3Exceeded);
  set('verdict', verdict == null ? undefined : (VERDICTS_V1[verdict] as Verdict | undefined));
  return e;
}
