import type { HistoryEntry, Verdict } from '../../domain/diagnosis';
import { VERDICTS_V1 } from './reading-formats';
import { Misfit, Reader, Writer } from './wire';

// Format 1 of a history member (hist:<id>, 96 a day per modem at a 15-minute interval): 11 to 20 bytes, so the
// sorted set stays a listpack (members ≤ 64 bytes) and 96 of them fit 3 KB. The entry's time is the member's score;
// the member keeps its low 32 bits, which keeps members unique (two entries that say the same thing, a modem silent
// all night, differ there) for 49 days, far past the retention.
//
//   byte 0       1 0 r a v v v v   r: reachable; a: every optional field follows (no byte 1);
//                                  vvvv: the verdict's place in VERDICTS_V1 + 1, 0 for none
//   byte 1       (when a is 0) which optional fields follow: bit i for OPTIONAL[i]
//   4 bytes      the time's low 32 bits (epoch ms), little-endian
//   fields       in OPTIONAL order, unsigned varints: the uptime in hundredths of a second (sysUpTime), counts and
//                states as they are, lastRegAt as the time before `at` (writeLastRegAt)
//
// An entry with anything else (a negative count, a fraction) does not fit and is written in the general format
// (reading-codec.ts). A first byte below 0x80 is one of the formats that came before; 0xC0 and above are kept for a
// later format.

export const HISTORY_BINARY = 0x80;
const FORMAT_MASK = 0xc0;
const REACHABLE = 0x20;
const ALL_PRESENT = 0x10;

const OPTIONAL = [
  'uptimeSec',
  'statusValue',
  'resets',
  't3',
  't4',
  't3Exceeded',
  'cmtsRegState',
  'lastRegAt',
] as const satisfies readonly (keyof HistoryEntry)[];

/** Counts of 1/scale: uptime is sysUpTime (hundredths of a second) / 100. */
const SCALE: Record<(typeof OPTIONAL)[number], number> = {
  uptimeSec: 100,
  statusValue: 1,
  resets: 1,
  t3: 1,
  t4: 1,
  t3Exceeded: 1,
  cmtsRegState: 1,
  lastRegAt: 1,
};
const SCALES = OPTIONAL.map((k) => SCALE[k]);
const LAST_REG_AT = OPTIONAL.indexOf('lastRegAt');
const VERDICT_INDEX = new Map<string, number>(VERDICTS_V1.map((v, i) => [v, i + 1]));
const TWO_32 = 2 ** 32;

const writer = new Writer(128);

/** Throws Misfit when the entry does not fit (the caller then writes the text format). */
export function encodeHistoryV1(e: HistoryEntry): Buffer {
  const w = writer;
  w.pos = 0;
  if (!Number.isSafeInteger(e.at) || e.at < 0) {
    throw new Misfit(`history time ${e.at}`);
  }
  let verdict = 0;
  if (e.verdict !== undefined) {
    verdict = VERDICT_INDEX.get(e.verdict) ?? -1;
    if (verdict < 0) {
      throw new Misfit(`verdict ${e.verdict}`);
    }
  }
  let present = 0;
  for (let i = 0; i < OPTIONAL.length; i++) {
    const v = e[OPTIONAL[i]];
    if (v !== undefined) {
      if (typeof v !== 'number') {
        throw new Misfit(`history ${OPTIONAL[i]}`);
      }
      present |= 1 << i;
    }
  }
  w.byte(HISTORY_BINARY | (e.reachable ? REACHABLE : 0) | (present === 0xff ? ALL_PRESENT : 0) | verdict);
  if (present !== 0xff) {
    w.byte(present);
  }
  w.ensure(4);
  w.pos = w.buf.writeUInt32LE(e.at % TWO_32, w.pos);
  for (let i = 0; i < OPTIONAL.length; i++) {
    if ((present & (1 << i)) !== 0) {
      const v = e[OPTIONAL[i]] as number;
      if (i === LAST_REG_AT) {
        writeLastRegAt(w, e.at, v);
      } else {
        const scale = SCALES[i];
        const m = scale === 1 ? v : Math.round(v * scale);
        if (!Number.isSafeInteger(m) || m < 0 || m / scale !== v || Object.is(v, -0)) {
          throw new Misfit(`history ${OPTIONAL[i]} ${v}`);
        }
        w.uvarint(m);
      }
    }
  }
  return w.take();
}

export function isHistoryV1(member: Buffer): boolean {
  return (member[0] & FORMAT_MASK) === HISTORY_BINARY;
}

/** `at` is the member's score. */
export function decodeHistoryV1(member: Buffer, at: number): HistoryEntry {
  const r = new Reader(member);
  const head = r.byte();
  const present = (head & ALL_PRESENT) !== 0 ? 0xff : r.byte();
  const low = member.readUInt32LE(r.pos);
  r.pos += 4;
  if (low !== at % TWO_32) {
    throw new RangeError(`history member of ${low} (low 32 bits) under the score ${at}`);
  }
  const e: HistoryEntry = { at, reachable: (head & REACHABLE) !== 0 };
  for (let i = 0; i < OPTIONAL.length; i++) {
    if ((present & (1 << i)) !== 0) {
      e[OPTIONAL[i]] = i === LAST_REG_AT ? readLastRegAt(r, at) : r.uvarint() / SCALES[i];
    }
  }
  if (r.pos !== member.length) {
    throw new RangeError(`history member has ${member.length - r.pos} bytes left over`);
  }
  const verdict = head & 0x0f;
  if (verdict > 0) {
    const v = VERDICTS_V1[verdict - 1] as Verdict | undefined;
    if (v === undefined) {
      throw new RangeError(`no verdict ${verdict}`);
    }
    e.verdict = v;
  }
  return e;
}

// The CMTS registration time (DateAndTime: whole tenths of a second at best) is days before `at`: as whole seconds
// or tenths before `at`'s it takes three or four bytes instead of five or six. Written as zigzag(difference) * 4 +
// the unit's code.
const UNITS_MS = [1, 100, 1000] as const;

function writeLastRegAt(w: Writer, at: number, lastRegAt: number): void {
  if (!Number.isSafeInteger(lastRegAt) || Object.is(lastRegAt, -0) || Math.abs(at - lastRegAt) > 2 ** 45) {
    throw new Misfit(`lastRegAt ${lastRegAt}`);
  }
  const code = lastRegAt % 1000 === 0 ? 2 : lastRegAt % 100 === 0 ? 1 : 0;
  const unit = UNITS_MS[code];
  const d = Math.floor(at / unit) - lastRegAt / unit;
  w.uvarint((d >= 0 ? d * 2 : -d * 2 - 1) * 4 + code);
}

function readLastRegAt(r: Reader, at: number): number {
  const x = r.uvarint();
  const code = x % 4;
  const unit = UNITS_MS[code];
  if (unit === undefined) {
    throw new RangeError(`bad time unit ${code}`);
  }
  const z = (x - code) / 4;
  const d = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  return (Math.floor(at / unit) - d) * unit;
}
