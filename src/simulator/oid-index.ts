import { compareOids, parseOid, type SnmpType } from '../snmp/snmp-value';

/** One object of a simulated MIB: its OID, type and how to compute its value (G) when a request reads it. */
export interface MibEntry<G> {
  oid: string;
  parts: number[];
  type: SnmpType;
  get: G;
}

export function entry<G>(oid: string, type: SnmpType, get: G): MibEntry<G> {
  return { oid, parts: parseOid(oid), type, get };
}

/** Entries in SNMP order, with the exact and "next after" look-ups GET, GETNEXT and GETBULK need. */
export class OidIndex<G> {
  private readonly entries: MibEntry<G>[];

  constructor(entries: MibEntry<G>[]) {
    this.entries = entries.sort((a, b) => compareOids(a.parts, b.parts));
  }

  get size(): number {
    return this.entries.length;
  }

  exact(q: number[]): MibEntry<G> | undefined {
    const e = this.entries[this.bound(q, false)];
    return e && compareOids(e.parts, q) === 0 ? e : undefined;
  }

  after(q: number[]): MibEntry<G> | undefined {
    return this.entries[this.bound(q, true)];
  }

  /** Index of the first entry whose OID is > q (strict) or >= q. */
  private bound(q: number[], strict: boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareOids(this.entries[mid].parts, q);
      if (c < 0 || (strict && c === 0)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

/** The first entry after q across several indexes. */
export function firstAfter<G>(indexes: readonly OidIndex<G>[], q: number[]): MibEntry<G> | undefined {
  let best: MibEntry<G> | undefined;
  for (const index of indexes) {
    const e = index.after(q);
    if (e && (!best || compareOids(e.parts, best.parts) < 0)) {
      best = e;
    }
  }
  return best;
}

export function exactIn<G>(indexes: readonly OidIndex<G>[], q: number[]): MibEntry<G> | undefined {
  for (const index of indexes) {
    const e = index.exact(q);
    if (e) {
      return e;
    }
  }
  return undefined;
}

const PARSED_LIMIT = 100_000;
const parsed = new Map<string, number[]>();

/**
 * parseOid with a bounded memo: every modem of a shape is walked with the same OIDs, and parsing the cursor of
 * each GETNEXT/GETBULK step was the simulator's largest own cost. The arrays are shared: never mutate them.
 */
export function parseOidCached(oid: string): number[] {
  let parts = parsed.get(oid);
  if (!parts) {
    if (parsed.size >= PARSED_LIMIT) {
      parsed.clear();
    }
    parts = parseOid(oid);
    parsed.set(oid, parts);
  }
  return parts;
}
