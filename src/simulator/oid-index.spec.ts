import { compareOids, parseOid } from '../mib/snmp-value';
import { entry, OidIndex, OverlaidIndex, type MibEntry } from './oid-index';
import { Prng } from './prng';

// OverlaidIndex merges by rank instead of comparing OIDs; check it against a plain sorted list.

type E = MibEntry<number>;

const SUBTREES = [
  '1.3.6.1.2.1.2.2.1',
  '1.3.6.1.2.1.10.127.1',
  '1.3.6.1.2.1.17.4.3.1',
  '1.3.6.1.2.1.69.1',
  '1.3.6.1.4.1',
];

function randomOid(rnd: Prng): string {
  const tail = Array.from({ length: rnd.int(1, 4) }, () => rnd.int(0, 6));
  return [rnd.pick(SUBTREES), ...tail].join('.');
}

function entries(rnd: Prng, n: number, tag: number): E[] {
  return Array.from({ length: n }, () => entry(randomOid(rnd), 'Integer', tag));
}

/** The first entry above oid in the merged list; on equal OIDs the shared entry comes first. */
function reference(all: E[], oid: string): E | undefined {
  const q = parseOid(oid);
  return all.find((e) => compareOids(e.parts, q) > 0);
}

function check(shared: E[], own: E[], rnd: Prng): void {
  const index = new OverlaidIndex(new OidIndex([...shared]), new OidIndex([...own]));
  const all = [...shared, ...own].sort((a, b) => compareOids(a.parts, b.parts) || a.get - b.get);
  const queries = [
    ...all.map((e) => e.oid),
    ...Array.from({ length: 60 }, () => randomOid(rnd)),
    ...SUBTREES,
    '1.3',
    '1.3.6.1.9',
  ];
  for (const oid of queries) {
    expect([oid, index.after(oid)?.oid]).toEqual([oid, reference(all, oid)?.oid]);
    expect([oid, index.exact(oid)?.oid]).toEqual([oid, all.find((e) => e.oid === oid)?.oid]);
  }
  for (const e of all) {
    expect([e.oid, index.afterEntry(e)?.oid]).toEqual([e.oid, reference(all, e.oid)?.oid]);
  }
}

describe(OverlaidIndex.name, () => {
  it('walks like one sorted list when own OIDs are distinct from shared ones', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rnd = new Prng(seed);
      const shared = entries(rnd, rnd.int(0, 40), 0);
      const taken = new Set(shared.map((e) => e.oid));
      const own = entries(rnd, rnd.int(0, 8), 1).filter((e) => !taken.has(e.oid));
      check(shared, own, rnd);
    }
  });

  it('still does when they overlap, or an index repeats an OID', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rnd = new Prng(seed);
      const shared = entries(rnd, rnd.int(1, 30), 0);
      const own = [...entries(rnd, rnd.int(0, 5), 1), entry(rnd.pick(shared).oid, 'Integer', 1)];
      check([...shared, ...shared.slice(0, 3).map((e) => entry(e.oid, 'Integer', 0))], own, rnd);
    }
  });
});
