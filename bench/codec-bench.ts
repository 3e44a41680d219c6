import { isDeepStrictEqual } from 'node:util';
import { Packr } from 'msgpackr';
import type { CounterSnapshot, HistoryEntry } from '../src/domain/diagnosis';
import { decodeJson, encodeJson } from '../src/domain/reading-json';
import type { StoredReading } from '../src/readings/reading.store';
import {
  HISTORY_FIELDS,
  decodeCounters,
  decodeHistory,
  decodePacked,
  decodeStoredReading,
  encodeCounters,
  encodeHistory,
  encodePacked,
  encodeStoredReading,
} from '../src/store/reading-codec';
import { VERDICTS_V1 } from '../src/store/codec/reading-formats';
import { allStoredCases, storedFleet } from '../test/support/stored-readings';
import { arg } from './lib/pool';

// The stored value formats side by side on what the service stores for a simulated fleet (issue 14): bytes per
// value and CPU µs per encode and per decode of the latest reading with its diagnosis (latest:<id>), a codeword
// snapshot (cw:<id> member) and a history entry (hist:<id> member), for the formats of before (deflated V8, the
// base-36 CSV history), compact format 1, msgpackr (records, and records with structures shared across values) and
// JSON. `npm run bench:codec -- [--modems 2000] [--rounds 5] [--cases 1]` (--cases 1: every scenario on every
// generation, quirk and CMTS dialect instead of the fleet's mix).

interface Format<T> {
  encode(v: T): Buffer;
  decode(b: Buffer, v: T): T;
}

// msgpack has no bigint below 2^64 that it reads back as anything but a bigint: numbers past 2^32 would come back
// as bigints unless read with int64AsType 'auto', which turns Counter64 values below 2^53 into numbers. Either way
// it is not exact for this data; both are measured with 'bigint' (counters exact, epoch ms checked below).
function msgpackr<T>(shared: boolean): Format<T> {
  const options = shared
    ? { structures: [] as object[][], maxSharedStructures: 8160, useBigIntExtension: true }
    : { useRecords: true, useBigIntExtension: true };
  const packr = new Packr(options);
  return {
    encode: (v) => packr.pack(v),
    decode: (b) => packr.unpack(b) as T,
  };
}

const v8: Format<unknown> = { encode: encodePacked, decode: (b) => decodePacked(b) };
const json: Format<unknown> = {
  encode: (v) => Buffer.from(encodeJson(v)),
  decode: (b) => decodeJson(b.toString()),
};

/** The history member of before (2026-11-25 to 2026-12-03), as it was written. */
function csvHistory(e: HistoryEntry): Buffer {
  const keys = HISTORY_FIELDS;
  const fields = keys.map((k): string => {
    const v =
      k === 'reachable'
        ? e.reachable
          ? 1
          : 0
        : k === 'verdict'
          ? e.verdict && (VERDICTS_V1 as readonly string[]).indexOf(e.verdict)
          : e[k];
    return v == null ? '' : v.toString(36);
  });
  while (fields.length > 2 && fields[fields.length - 1] === '') {
    fields.pop();
  }
  return Buffer.from(fields.join(','));
}

interface Figures {
  bytesPerValue: number;
  encodeUs: number;
  decodeUs: number;
  /** Values that did not come back deep-equal (bigints, nulls, -0, absent keys all count). */
  inexact: number;
}

function measure<T>(values: readonly T[], format: Format<T>, rounds: number): Figures {
  let encoded = values.map((v) => format.encode(v));
  const inexact = values.filter((v, i) => !isDeepStrictEqual(format.decode(encoded[i], v), v)).length;
  const bytes = encoded.reduce((s, b) => s + b.length, 0);
  const enc: number[] = [];
  const dec: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = process.cpuUsage();
    encoded = values.map((v) => format.encode(v));
    t = process.cpuUsage(t);
    enc.push((t.user + t.system) / values.length);
    t = process.cpuUsage();
    for (let i = 0; i < values.length; i++) {
      format.decode(encoded[i], values[i]);
    }
    t = process.cpuUsage(t);
    dec.push((t.user + t.system) / values.length);
  }
  return {
    bytesPerValue: Math.round(bytes / values.length),
    encodeUs: median(enc),
    decodeUs: median(dec),
    inexact,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 100) / 100;
}

function main(): void {
  const modems = arg('modems', 2000);
  const rounds = arg('rounds', 5);
  const cases = arg('cases', 0) === 1 ? allStoredCases() : storedFleet(modems);
  const latest: StoredReading[] = cases.map((c) => c.stored);
  const snapshots: CounterSnapshot[] = cases.flatMap((c) => (c.counters ? [c.counters] : []));
  // A history entry as a sweep writes it: with the CMTS row's state and registration time (DateAndTime, tenths).
  const entries: HistoryEntry[] = cases.map((c) => ({
    ...c.entry,
    cmtsRegState: 8,
    lastRegAt: Math.floor((c.entry.at - 3 * 86_400_000) / 100) * 100 - 1200,
  }));

  const latestFormats: Record<string, Format<StoredReading>> = {
    'deflated V8 (before)': v8 as Format<StoredReading>,
    'compact 1': { encode: encodeStoredReading, decode: decodeStoredReading },
    'msgpackr records': msgpackr(false),
    'msgpackr shared structures': msgpackr(true),
    JSON: json as Format<StoredReading>,
  };
  const counterFormats: Record<string, Format<CounterSnapshot>> = {
    'deflated V8 (before)': v8 as Format<CounterSnapshot>,
    'compact 1': { encode: encodeCounters, decode: decodeCounters },
    'msgpackr records': msgpackr(false),
    'msgpackr shared structures': msgpackr(true),
  };
  const historyFormats: Record<string, Format<HistoryEntry>> = {
    'base-36 CSV (before)': { encode: csvHistory, decode: (b, e) => decodeHistory(b, e.at) },
    'compact 1': { encode: encodeHistory, decode: (b, e) => decodeHistory(b, e.at) },
  };

  // Warm-up: one pass of every format (JIT), and the shared structures learnt as a store would have them.
  for (const f of Object.values(latestFormats)) {
    latest.forEach((v) => f.decode(f.encode(v), v));
  }
  for (const f of Object.values(counterFormats)) {
    snapshots.forEach((v) => f.decode(f.encode(v), v));
  }
  for (const f of Object.values(historyFormats)) {
    entries.forEach((v) => f.decode(f.encode(v), v));
  }
  const run = <T>(values: readonly T[], formats: Record<string, Format<T>>) =>
    Object.fromEntries(Object.entries(formats).map(([name, f]) => [name, measure(values, f, rounds)]));

  const result = {
    date: new Date().toISOString(),
    corpus: arg('cases', 0) === 1 ? 'every scenario × generation × quirk × dialect' : `fleet of ${modems}`,
    values: { latest: latest.length, counterSnapshots: snapshots.length, historyEntries: entries.length },
    rounds,
    latest: run(latest, latestFormats),
    counterSnapshot: run(snapshots, counterFormats),
    historyEntry: run(entries, historyFormats),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main();
