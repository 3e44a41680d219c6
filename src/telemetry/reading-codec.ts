import type { CounterSnapshot, HistoryEntry, Verdict } from '../diagnosis/types';
import { VERDICTS } from '../diagnosis/types';

// JSON has no bigint: codeword counters travel as decimal strings under these keys only.
const BIGINT_KEYS = new Set(['unerrored', 'corrected', 'uncorrectable', 'total']);

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (key, v: unknown) =>
    BIGINT_KEYS.has(key) && typeof v === 'string' ? BigInt(v) : v,
  ) as T;
}

type CompactHistory = [number, 0 | 1, number?, number?, number?, number?, number?, number?, number?];

/** History entries are kept as short positional arrays: ~96 of them per modem per day. */
export function encodeHistory(e: HistoryEntry): string {
  const row: (number | null)[] = [
    e.at,
    e.reachable ? 1 : 0,
    e.uptimeSec ?? null,
    e.statusValue ?? null,
    e.resets ?? null,
    e.t3 ?? null,
    e.t4 ?? null,
    e.t3Exceeded ?? null,
    e.verdict ? VERDICTS.indexOf(e.verdict) : null,
  ];
  while (row.length > 2 && row[row.length - 1] == null) {
    row.pop();
  }
  return JSON.stringify(row);
}

export function decodeHistory(text: string): HistoryEntry {
  const [at, reachable, uptimeSec, statusValue, resets, t3, t4, t3Exceeded, verdict] = JSON.parse(
    text,
  ) as CompactHistory;
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
  set('verdict', verdict == null ? undefined : (VERDICTS[verdict] as Verdict | undefined));
  return e;
}

export function encodeCounters(s: CounterSnapshot): string {
  return encodeJson(s);
}

export function decodeCounters(text: string): CounterSnapshot {
  return decodeJson<CounterSnapshot>(text);
}
