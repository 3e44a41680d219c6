import { compareOids, parseOid, type WireType } from '../mib/snmp-value';

/** One object of a simulated MIB: its OID, type and how to compute its value (G) when a request reads it. */
export interface MibEntry<G> {
  oid: string;
  parts: number[];
  type: WireType;
  get: G;
  /** encodeOid(oid), filled in when the agent first answers with this entry. */
  oidBer?: Buffer;
  /** Where the OidIndex holding this entry keeps it. */
  position?: number;
}

export function entry<G>(oid: string, type: WireType, get: G): MibEntry<G> {
  // Both slots from the start: filled in later, they would each cost an entry a property array of its own.
  return { oid, parts: parseOid(oid), type, get, oidBer: undefined, position: undefined };
}

const AFTER_OTHER_LIMIT = 10_000;

/** Entries in SNMP order, with the exact and "next after" look-ups GET, GETNEXT and GETBULK need. */
export class OidIndex<G> {
  private readonly entries: MibEntry<G>[];
  /** Position of each OID string: a walk's cursors are mostly OIDs the agent answered with before. */
  private readonly positions = new Map<string, number>();
  /** For each position, the first position with a greater OID. */
  private readonly nextGreater: Int32Array;
  /** positionAfterOther(), memoized: the columns a walk starts from are the same for every device. */
  private readonly afterOther = new Map<string, number>();

  constructor(entries: MibEntry<G>[]) {
    this.entries = entries.sort((a, b) => compareOids(a.parts, b.parts));
    const n = this.entries.length;
    this.nextGreater = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const same = i + 1 < n && compareOids(this.entries[i].parts, this.entries[i + 1].parts) === 0;
      this.nextGreater[i] = same ? this.nextGreater[i + 1] : i + 1;
      this.positions.set(this.entries[i].oid, i);
      this.entries[i].position = i;
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Position of the entry spelt exactly `oid`, or -1: no parsing needed. */
  positionOf(oid: string): number {
    return this.positions.get(oid) ?? -1;
  }

  /** Whether e is one of this index's entries; then e.position is its position here. */
  holds(e: MibEntry<G>): e is MibEntry<G> & { position: number } {
    return e.position !== undefined && this.entries[e.position] === e;
  }

  at(position: number): MibEntry<G> | undefined {
    return this.entries[position];
  }

  /** The position of the first entry with an OID greater than the one at `position`. */
  nextPosition(position: number): number {
    return this.nextGreater[position];
  }

  /** The first entry with an OID greater than the one at `position`. */
  afterPosition(position: number): MibEntry<G> | undefined {
    return this.entries[this.nextGreater[position]];
  }

  /** The position of the first entry above oid, for an oid that is no entry's own spelling. */
  positionAfterOther(oid: string): number {
    let p = this.afterOther.get(oid);
    if (p === undefined) {
      if (this.afterOther.size >= AFTER_OTHER_LIMIT) {
        this.afterOther.clear();
      }
      p = this.bound(parseOidCached(oid), true);
      this.afterOther.set(oid, p);
    }
    return p;
  }

  /** How many entries are below q. */
  rank(q: number[]): number {
    return this.bound(q, false);
  }

  exact(q: number[]): MibEntry<G> | undefined {
    const e = this.entries[this.bound(q, false)];
    return e && compareOids(e.parts, q) === 0 ? e : undefined;
  }

  after(q: number[]): MibEntry<G> | undefined {
    const n = this.entries.length;
    // A small index is mostly asked about OIDs before its first entry or after its last.
    if (n === 0 || compareOids(this.entries[n - 1].parts, q) <= 0) {
      return undefined;
    }
    if (compareOids(this.entries[0].parts, q) > 0) {
      return this.entries[0];
    }
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

/** The first entry after oid across several indexes. */
export function firstAfter<G>(indexes: readonly OidIndex<G>[], oid: string): MibEntry<G> | undefined {
  let best: MibEntry<G> | undefined;
  let parts: number[] | undefined;
  for (const index of indexes) {
    const position = index.positionOf(oid);
    const e = position >= 0 ? index.afterPosition(position) : index.after((parts ??= parseOidCached(oid)));
    if (e && (!best || compareOids(e.parts, best.parts) < 0)) {
      best = e;
    }
  }
  return best;
}

export function exactIn<G>(indexes: readonly OidIndex<G>[], oid: string): MibEntry<G> | undefined {
  let parts: number[] | undefined;
  for (const index of indexes) {
    const position = index.positionOf(oid);
    const e = position >= 0 ? index.at(position) : index.exact((parts ??= parseOidCached(oid)));
    if (e) {
      return e;
    }
  }
  return undefined;
}

/**
 * A shape's shared index with one device's few own entries laid over it, merged by rank: for each own entry,
 * how many shared entries are below it. A walk step then compares positions, not OIDs.
 */
export class OverlaidIndex<G> {
  private readonly indexes: OidIndex<G>[];
  /** Null when an own OID is also a shared one: then every step compares OIDs. */
  private readonly ownRanks: Int32Array | null;
  private readonly firstRank: number;
  private readonly lastRank: number;

  constructor(
    private readonly shared: OidIndex<G>,
    private readonly own: OidIndex<G>,
  ) {
    this.indexes = [shared, own];
    const ranks = new Int32Array(own.size);
    let disjoint = true;
    for (let k = 0; k < own.size; k++) {
      const parts = (own.at(k) as MibEntry<G>).parts;
      ranks[k] = shared.rank(parts);
      const above = shared.at(ranks[k]);
      disjoint &&= !above || compareOids(above.parts, parts) !== 0;
    }
    this.ownRanks = disjoint ? ranks : null;
    // With no own entries, every shared position is below the first and above the last.
    this.firstRank = own.size > 0 ? ranks[0] : shared.size + 1;
    this.lastRank = own.size > 0 ? ranks[own.size - 1] : -1;
  }

  exact(oid: string): MibEntry<G> | undefined {
    return exactIn(this.indexes, oid);
  }

  after(oid: string): MibEntry<G> | undefined {
    if (!this.ownRanks) {
      return firstAfter(this.indexes, oid);
    }
    const i = this.shared.positionOf(oid);
    if (i >= 0) {
      return this.aboveShared(i, this.ownRanks);
    }
    const k = this.own.positionOf(oid);
    if (k >= 0) {
      return this.aboveOwn(k, this.ownRanks);
    }
    const j = this.shared.positionAfterOther(oid);
    // The next shared entry is below every own entry, or every own entry is below oid.
    if (j < this.firstRank || j > this.lastRank) {
      return this.shared.at(j);
    }
    return firstAfter(this.indexes, oid);
  }

  /** after(e.oid) for an entry that this index returned, without looking its OID up. */
  afterEntry(e: MibEntry<G>): MibEntry<G> | undefined {
    if (this.ownRanks && this.shared.holds(e)) {
      return this.aboveShared(e.position, this.ownRanks);
    }
    if (this.ownRanks && this.own.holds(e)) {
      return this.aboveOwn(e.position, this.ownRanks);
    }
    return this.after(e.oid);
  }

  private aboveShared(i: number, ownRanks: Int32Array): MibEntry<G> | undefined {
    const j = this.shared.nextPosition(i);
    if (j < this.firstRank || j > this.lastRank) {
      return this.shared.at(j);
    }
    // The first own entry above shared entry i, if it comes before shared entry j.
    let k = 0;
    while (ownRanks[k] <= i) {
      k++;
    }
    return ownRanks[k] <= j ? this.own.at(k) : this.shared.at(j);
  }

  private aboveOwn(k: number, ownRanks: Int32Array): MibEntry<G> | undefined {
    const next = this.own.nextPosition(k);
    const r = ownRanks[k];
    return next < ownRanks.length && ownRanks[next] <= r ? this.own.at(next) : this.shared.at(r);
  }
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
