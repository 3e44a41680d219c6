import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { types } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import * as vm from 'node:vm';
import {
  decodeCommunityRequest,
  encodeOid,
  ExceptionTag,
  PduTag,
  ResponseWriter,
  type CommunityRequest,
} from '../../src/mib/ber/ber-codec';
import { FAST_POLL_COLUMNS, FAST_POLL_SCALARS, OID } from '../../src/mib/docsis-oids';
import { SnmpModemPoller } from '../../src/snmp/snmp-modem-poller';
import { parseModemReading } from '../../src/mib/parse-modem-reading';
import { SnmpClient, type SnmpSession } from '../../src/snmp/snmp-client';
import {
  pollBudgetMs,
  walkDeadlineMs,
  type SnmpClientOptions,
  type SnmpTarget,
} from '../../src/domain/snmp-target';
import { compareOids, parseOid, type SnmpVarbind } from '../../src/mib/snmp-value';
import type { ModemReading } from '../../src/domain/modem-reading';

// Reliability: our SNMP manager side (SnmpSession over net-snmp, ModemPoller) against a hostile agent on
// 127.0.0.1. Each mode must end every poll as a stated result within its time budget, without crashing the
// process; then a seeded fuzz of the receive path, in process (100,000 mutated answers fed to net-snmp's socket
// handler, our varbind conversion and parseModemReading) and over real UDP.
// The figures printed at the end go into docs/reliability.md.

const SEED = 0x5eed_2026;
const COMMUNITY = 'hostile-secret';
const SCALAR_OIDS = FAST_POLL_SCALARS.map((n) => `${OID[n]}.0`);
const COLUMN_OIDS: readonly string[] = FAST_POLL_COLUMNS.map((n) => OID[n]);
/** As our simulator agent in the e2e rig: GETBULK answers carry at most this many varbinds. */
const MAX_BULK_VARBINDS = 200;
/** snmp-client.ts MAX_WALK_ROUNDS. */
const MAX_WALK_ROUNDS = 200;

const POLL: SnmpClientOptions = { timeoutMs: 200, retries: 1, maxRepetitions: 16 };
const budgetOf = (o: SnmpClientOptions): number => o.timeoutMs * (o.retries + 1);
/** Generous upper bound for a poll that must end within its budget; measured with Date.now(). */
const boundOf = (o: SnmpClientOptions): number => 3 * budgetOf(o) + 1000;

// ---------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)

class Rng {
  constructor(private state: number) {}

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** 0..n-1 */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** lo..hi inclusive */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  bytes(n: number): Buffer {
    const b = Buffer.allocUnsafe(n + 3);
    for (let i = 0; i < n; i += 4) {
      b.writeUInt32LE(Math.floor(this.next() * 4294967296), i);
    }
    return b.subarray(0, n);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A real modem's answers: the fixture captured from our simulator (GET + GETBULK walk of sim-cm-00001)

interface Entry {
  oid: string;
  parts: number[];
  vb: SnmpVarbind;
}

const FIXTURE = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/docsis31-textbook.varbinds.json'), 'utf8'),
) as { varbinds: { oid: string; type: SnmpVarbind['type']; value: string | number }[] };

const MIB: Entry[] = FIXTURE.varbinds
  .map((v) => ({
    oid: v.oid,
    parts: parseOid(v.oid),
    vb: { oid: v.oid, type: v.type, value: v.type === 'Counter64' ? BigInt(v.value) : v.value },
  }))
  .sort((a, b) => compareOids(a.parts, b.parts));
const BY_OID = new Map(MIB.map((e) => [e.oid, e]));
const HONEST_SCALARS = MIB.filter((e) => e.oid.endsWith('.0') && SCALAR_OIDS.includes(e.oid)).map(
  (e) => e.vb,
);
const HONEST_COLUMNS = MIB.filter((e) => !SCALAR_OIDS.includes(e.oid)).map((e) => e.vb);

const successors = new Map<string, Entry | undefined>();

function successor(oid: string): Entry | undefined {
  if (successors.has(oid)) {
    return successors.get(oid);
  }
  const found = successorOf(parseOid(oid));
  if (successors.size < 100_000) {
    successors.set(oid, found);
  }
  return found;
}

function successorOf(parts: number[]): Entry | undefined {
  let lo = 0;
  let hi = MIB.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOids(MIB[mid].parts, parts) <= 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return MIB[lo];
}

/** What an honest agent answers, varbind by varbind (an exception tag where it has no object). */
type Item = { oid: string; vb: SnmpVarbind } | { oid: string; exception: number };

function honestItems(req: CommunityRequest, cap = MAX_BULK_VARBINDS): Item[] {
  if (req.pduType === PduTag.Get) {
    return req.oids.map((oid) => {
      const e = BY_OID.get(oid);
      return e ? { oid, vb: e.vb } : { oid, exception: ExceptionTag.NoSuchInstance };
    });
  }
  const next = (oid: string): Item => {
    const e = successor(oid);
    return e ? { oid: e.oid, vb: e.vb } : { oid, exception: ExceptionTag.EndOfMibView };
  };
  if (req.pduType === PduTag.GetNext) {
    return req.oids.map(next);
  }
  const out = req.oids.slice(0, req.nonRepeaters).map(next);
  let cursors = req.oids.slice(req.nonRepeaters);
  for (let r = 0; r < req.maxRepetitions && cursors.length > 0; r++) {
    const row = cursors.map(next);
    out.push(...row);
    cursors = row.map((i) => i.oid);
  }
  return out.slice(0, cap);
}

function encodeItems(req: CommunityRequest, items: readonly Item[], requestId = req.requestId): Buffer {
  const w = new ResponseWriter();
  for (const item of items) {
    if ('vb' in item) {
      w.varbind(item.vb);
    } else {
      w.exception(item.oid, item.exception);
    }
  }
  return w.finish(req.version, req.communityBytes, requestId, 0, 0);
}

/** The varbinds of an answer, encoded once per question: the fuzz asks the same few questions 100,000 times. */
const writers = new Map<string, ResponseWriter>();

function cachedAnswer(req: CommunityRequest, kind: string, items: () => readonly Item[]): Buffer {
  const key = `${kind}|${req.pduType}|${req.nonRepeaters}|${req.maxRepetitions}|${req.oids.join(',')}`;
  let w = writers.get(key);
  if (!w) {
    w = new ResponseWriter();
    for (const item of items()) {
      if ('vb' in item) {
        w.varbind(item.vb);
      } else {
        w.exception(item.oid, item.exception);
      }
    }
    if (writers.size < 2_000) {
      writers.set(key, w);
    }
  }
  return w.finish(req.version, req.communityBytes, req.requestId, 0, 0);
}

const honestAnswer = (req: CommunityRequest, cap = MAX_BULK_VARBINDS): Buffer =>
  cachedAnswer(req, `honest${cap}`, () => honestItems(req, cap));

/** endOfMibView for every OID asked: ends every column of a walk. */
const endAnswer = (req: CommunityRequest): Buffer =>
  cachedAnswer(req, 'end', () => req.oids.map((oid) => ({ oid, exception: ExceptionTag.EndOfMibView })));

// ---------------------------------------------------------------------------------------------------------
// A tiny BER writer for answers our encoder refuses to write (wrong PDUs, bad encodings, SNMPv3)

function lengthOctets(len: number): Buffer {
  if (len < 0x80) {
    return Buffer.from([len]);
  }
  const out: number[] = [];
  for (; len > 0; len = Math.floor(len / 256)) {
    out.unshift(len & 0xff);
  }
  return Buffer.from([0x80 | out.length, ...out]);
}

function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), lengthOctets(body.length), body]);
}

function berInt(value: number, tag = 0x02): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (!(v === 0 && (bytes[0] & 0x80) === 0) && !(v === -1 && (bytes[0] & 0x80) !== 0));
  return tlv(tag, Buffer.from(bytes));
}

const octets = (s: string | Buffer): Buffer => tlv(0x04, Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1'));

function message(opts: {
  version?: number;
  community?: Buffer;
  pduTag?: number;
  requestId: number;
  varbinds: readonly Buffer[];
}): Buffer {
  return tlv(
    0x30,
    berInt(opts.version ?? 1),
    octets(opts.community ?? Buffer.from(COMMUNITY)),
    tlv(
      opts.pduTag ?? PduTag.Response,
      berInt(opts.requestId),
      berInt(0),
      berInt(0),
      tlv(0x30, ...opts.varbinds),
    ),
  );
}

/** An SNMPv3 message with the authentication flag set and msgID = the v2c request's id. */
function v3AuthMessage(requestId: number): Buffer {
  const usm = tlv(
    0x30,
    octets(Buffer.from('80001f888000000000000000', 'hex')),
    berInt(1),
    berInt(100),
    octets('admin'),
    octets(Buffer.alloc(12)),
    octets(Buffer.alloc(0)),
  );
  return tlv(
    0x30,
    berInt(3),
    tlv(0x30, berInt(requestId), berInt(65_507), octets(Buffer.from([0x01])), berInt(3)),
    octets(usm),
    tlv(
      0x30,
      octets(Buffer.alloc(0)),
      octets(Buffer.alloc(0)),
      tlv(PduTag.Response, berInt(requestId), berInt(0), berInt(0), tlv(0x30)),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Mutations of valid answers (the fuzz)

interface Tlv {
  at: number;
  tag: number;
  lenEnd: number;
  end: number;
}

function tlvsOf(buf: Buffer, from = 0, to = buf.length, out: Tlv[] = []): Tlv[] {
  let p = from;
  while (p + 2 <= to) {
    const tag = buf[p];
    let len = buf[p + 1];
    let q = p + 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 4 || q + n > to) {
        return out;
      }
      len = 0;
      for (let i = 0; i < n; i++) {
        len = len * 256 + buf[q++];
      }
    }
    const end = q + len;
    if (end > to) {
      return out;
    }
    out.push({ at: p, tag, lenEnd: q, end });
    if (tag & 0x20) {
      tlvsOf(buf, q, end, out);
    }
    p = end;
  }
  return out;
}

const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0x81, 0xff];
const INTERESTING_TAGS = [
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x30, 0x40, 0x41, 0x42, 0x43, 0x44, 0x46, 0x80, 0x81, 0x82, 0xa0, 0xa1,
  0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0x9f, 0xff,
];
const INTERESTING_LENGTHS = [
  0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000, 0xffffff, 0x7fffffff, 0xffffffff,
];

const splice = (b: Buffer, from: number, to: number, insert: Buffer): Buffer =>
  Buffer.concat([b.subarray(0, from), insert, b.subarray(to)]);

type Mutator = (b: Buffer, rng: Rng, other: Buffer) => Buffer;

const MUTATORS: Record<string, Mutator> = {
  bitflip(b, rng) {
    const c = Buffer.from(b);
    for (let n = rng.range(1, 8); n > 0; n--) {
      c[rng.int(c.length)] ^= 1 << rng.int(8);
    }
    return c;
  },
  byteset(b, rng) {
    const c = Buffer.from(b);
    for (let n = rng.range(1, 4); n > 0; n--) {
      c[rng.int(c.length)] = rng.next() < 0.5 ? rng.pick(INTERESTING_BYTES) : rng.int(256);
    }
    return c;
  },
  insert(b, rng) {
    const at = rng.int(b.length + 1);
    return splice(b, at, at, rng.bytes(rng.range(1, 32)));
  },
  delete(b, rng) {
    const at = rng.int(b.length);
    return splice(b, at, Math.min(b.length, at + rng.range(1, 32)), Buffer.alloc(0));
  },
  length(b, rng) {
    const all = tlvsOf(b);
    if (all.length === 0) {
      return MUTATORS.bitflip(b, rng, b);
    }
    const t = rng.pick(all);
    const current = t.end - t.lenEnd;
    const len = rng.pick([...INTERESTING_LENGTHS, current - 1, current + 1, current * 2, rng.int(0x10000)]);
    const form = rng.int(5);
    let octetsOfLen: Buffer;
    if (form === 0) {
      octetsOfLen = Buffer.from([0x80]); // indefinite form, forbidden in SNMP
    } else if (form === 1) {
      // long form with a silly number of length octets (up to 126)
      const n = rng.pick([5, 8, 16, 126]);
      octetsOfLen = Buffer.concat([Buffer.from([0x80 | n]), Buffer.alloc(n - 4), Buffer.alloc(4)]);
      octetsOfLen.writeUInt32BE(Math.max(0, Math.min(len, 0xffffffff)) >>> 0, octetsOfLen.length - 4);
    } else {
      octetsOfLen = lengthOctets(Math.max(0, Math.min(len, 0xffffffff)));
    }
    return splice(b, t.at + 1, t.lenEnd, octetsOfLen);
  },
  truncate(b, rng) {
    return b.subarray(0, rng.int(b.length));
  },
  tag(b, rng) {
    const all = tlvsOf(b);
    const c = Buffer.from(b);
    const t = all.length > 0 ? rng.pick(all) : { at: 0 };
    c[t.at] = rng.next() < 0.8 ? rng.pick(INTERESTING_TAGS) : rng.int(256);
    return c;
  },
  integer(b, rng) {
    const ints = tlvsOf(b).filter((t) => [0x02, 0x41, 0x42, 0x43, 0x46].includes(t.tag));
    if (ints.length === 0) {
      return MUTATORS.byteset(b, rng, b);
    }
    const t = rng.pick(ints);
    const content = rng.next() < 0.2 ? Buffer.alloc(0) : rng.bytes(rng.range(1, 12));
    return splice(b, t.at, t.end, tlv(t.tag, content));
  },
  duplicate(b, rng) {
    const all = tlvsOf(b);
    if (all.length === 0) {
      return MUTATORS.insert(b, rng, b);
    }
    const t = rng.pick(all);
    const copy = b.subarray(t.at, t.end);
    const at = rng.next() < 0.5 ? t.end : rng.int(b.length + 1);
    return splice(b, at, at, Buffer.concat(Array.from({ length: rng.range(1, 3) }, () => copy)));
  },
  splice(b, rng, other) {
    return Buffer.concat([b.subarray(0, rng.int(b.length)), other.subarray(rng.int(other.length))]);
  },
  random(_b, rng) {
    const body = rng.bytes(rng.range(0, 1500));
    return rng.next() < 0.5 ? Buffer.concat([Buffer.from([0x30]), lengthOctets(body.length), body]) : body;
  },
};
const STACKABLE = Object.keys(MUTATORS).filter((k) => k !== 'random');
const STRATEGIES = [...Object.keys(MUTATORS), 'stacked'];

function mutate(base: Buffer, rng: Rng, other: Buffer): { strategy: string; packet: Buffer } {
  const strategy = rng.pick(STRATEGIES);
  if (strategy !== 'stacked') {
    return { strategy, packet: MUTATORS[strategy](base, rng, other) };
  }
  let p = base;
  for (let n = rng.range(2, 4); n > 0; n--) {
    p = MUTATORS[rng.pick(STACKABLE)](p.length > 0 ? p : base, rng, other);
  }
  return { strategy, packet: p };
}

// ---------------------------------------------------------------------------------------------------------
// The hostile agent

interface Reply {
  packet: Buffer;
  delayMs?: number;
}

interface AgentContext {
  /** The request as our simulator's codec reads it; undefined for anything but a v1/v2c GET/GETNEXT/GETBULK. */
  req: CommunityRequest | undefined;
  raw: Buffer;
  /** The manager's socket port: one per poll (session). */
  peer: number;
}

type Responder = (ctx: AgentContext) => Reply[];

class HostileAgent {
  private readonly socket: Socket = createSocket('udp4');
  private readonly timers = new Set<NodeJS.Timeout>();
  responder: Responder = () => [];
  requests = 0;
  packets = 0;
  bytes = 0;
  sendErrors = 0;

  static async start(): Promise<HostileAgent> {
    const agent = new HostileAgent();
    agent.socket.on('message', (raw, from) => agent.onMessage(raw, from));
    agent.socket.on('error', () => agent.sendErrors++);
    await new Promise<void>((resolve) => agent.socket.bind(0, '127.0.0.1', resolve));
    return agent;
  }

  get port(): number {
    return this.socket.address().port;
  }

  use(responder: Responder): void {
    this.cancelTimers();
    this.responder = responder;
    this.requests = this.packets = this.bytes = 0;
  }

  cancelTimers(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
  }

  close(): Promise<void> {
    this.cancelTimers();
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private onMessage(raw: Buffer, from: RemoteInfo): void {
    this.requests++;
    for (const reply of this.responder({ req: decodeCommunityRequest(raw), raw, peer: from.port })) {
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.send(reply.packet, from);
        }, reply.delayMs);
        this.timers.add(timer);
      } else {
        this.send(reply.packet, from);
      }
    }
  }

  private send(packet: Buffer, to: RemoteInfo): void {
    this.packets++;
    this.bytes += packet.length;
    this.socket.send(packet, to.port, to.address, (error) => {
      if (error) {
        this.sendErrors++;
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Outcome bookkeeping and crash detection

const crashes: unknown[] = [];
const onCrash = (error: unknown): void => {
  crashes.push(error);
};
const summary: string[] = [];

const isError = (e: unknown): boolean => e instanceof Error || types.isNativeError(e);

/** A reading or an error reason, with OIDs, quoted text and numbers folded so that like outcomes count together. */
function outcomeOf(r: ModemReading): string {
  if (r.reachable) {
    return `reading(ds=${r.downstream.length},us=${r.upstream.length})`;
  }
  return r.error
    .replace(/\d+(\.\d+){3,}/g, '<oid>')
    .replace(/'[^']*'/g, "'…'")
    .slice(0, 90);
}

function countsOf(xs: readonly string[]): string {
  const m = new Map<string, number>();
  xs.forEach((x) => m.set(x, (m.get(x) ?? 0) + 1));
  return [...m].map(([k, n]) => `${n}× ${k}`).join('; ');
}

function forceGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    return g;
  }
  try {
    setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function heapAfterGc(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const hash = (s: string): number =>
  [...s].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);

const p99 = (xs: readonly number[]): string =>
  ([...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0).toFixed(2);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------------------

describe('SNMP manager side against a hostile agent', () => {
  let agent: HostileAgent;

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    agent = await HostileAgent.start();
  });

  afterAll(async () => {
    await agent.close();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    console.log(`hostile-snmp reliability summary (seed 0x${SEED.toString(16)})\n${summary.join('\n')}`);
  });

  const target = (): SnmpTarget => ({
    host: '127.0.0.1',
    port: agent.port,
    credentials: { version: '2c', community: COMMUNITY },
  });

  interface Mode {
    name: string;
    polls: number;
    responder: (rng: Rng) => Responder;
    /** The reason every poll must end with; 'reading' for a stated reading; 'any' for either. */
    expect: RegExp | 'reading' | 'any';
    /** Where the lean client states it otherwise than net-snmp (its strict decoder, its own receive path). */
    expectLean?: RegExp;
    options?: SnmpClientOptions;
    /** Upper bound on a poll's wall time, ms. */
    bound?: number;
    /** Upper bound on the requests the agent receives per poll. */
    maxRequestsPerPoll?: number;
    note?: string;
  }

  // A walk that never ends is stopped by whichever of its two limits comes first: the request cap, or the walk
  // deadline (2 × timeout × tries) on a machine too busy to send 200 requests within it.
  const WALK_CUT_OFF = new RegExp(
    `^walk did not finish within (200 requests|${walkDeadlineMs(POLL)} ms \\(\\d+ requests\\))$`,
  );
  // The walk's 200 requests plus the GET of the scalars, with its retry.
  const WALK_CAP_REQUESTS = 200 + 2;

  /** Answers GETBULK/GETNEXT with `rows(cursor, r)` per column; the GET of the scalars honestly. */
  const walkResponder =
    (rows: (cursor: string, row: number) => string | undefined, delayMs?: number): Responder =>
    ({ req }) => {
      if (!req) {
        return [];
      }
      if (req.pduType === PduTag.Get) {
        return [{ packet: honestAnswer(req) }];
      }
      const reps = req.pduType === PduTag.GetBulk ? req.maxRepetitions : 1;
      const items: Item[] = [];
      for (let r = 0; r < reps; r++) {
        for (const cursor of req.oids) {
          const oid = rows(cursor, r);
          if (oid) {
            items.push({ oid, vb: { oid, type: 'Integer', value: 1 } });
          }
        }
      }
      return [{ packet: encodeItems(req, items.slice(0, MAX_BULK_VARBINDS)), delayMs }];
    };

  const isBase = (oid: string): boolean => COLUMN_OIDS.includes(oid);
  const lastArc = (oid: string): number => Number(oid.slice(oid.lastIndexOf('.') + 1));
  const columnOf = (oid: string): string => (isBase(oid) ? oid : oid.slice(0, oid.lastIndexOf('.')));

  /** Replaces each value of an honest answer; the OIDs and request id stay right. */
  const retyped =
    (value: (vb: SnmpVarbind) => Buffer): Responder =>
    ({ req }) => {
      if (!req) {
        return [];
      }
      const varbinds = honestItems(req).map((item) =>
        'vb' in item
          ? tlv(0x30, encodeOid(item.oid), value(item.vb))
          : tlv(0x30, encodeOid(item.oid), Buffer.from([item.exception, 0])),
      );
      return [{ packet: message({ requestId: req.requestId, varbinds }) }];
    };

  const wrongPdu =
    (tag: number): Responder =>
    ({ req }) =>
      req ? [{ packet: message({ pduTag: tag, requestId: req.requestId, varbinds: [] }) }] : [];

  const MODES: Mode[] = [
    {
      name: 'control: honest agent',
      polls: 4,
      responder: () => (ctx) => (ctx.req ? [{ packet: honestAnswer(ctx.req) }] : []),
      expect: 'reading',
    },
    {
      name: 'no answer at all',
      polls: 6,
      responder: () => () => [],
      expect: /^no answer within 200 ms \(2 tries\)$/,
    },
    {
      name: 'random bytes',
      polls: 8,
      responder: (rng) => () => {
        const body = rng.bytes(rng.range(1, 1400));
        return [{ packet: rng.next() < 0.5 ? tlv(0x30, body) : body }];
      },
      expect: /^no answer within/,
    },
    {
      name: 'truncated valid answers',
      polls: 8,
      responder: (rng) => (ctx) => {
        if (!ctx.req) {
          return [];
        }
        const full = honestAnswer(ctx.req);
        return [{ packet: full.subarray(0, rng.range(1, full.length - 1)) }];
      },
      expect: /./,
    },
    {
      name: 'oversized garbage (60 KB)',
      polls: 4,
      responder: (rng) => () => [{ packet: tlv(0x30, rng.bytes(60_000 - 4)) }],
      expect: /^no answer within/,
    },
    {
      // 10,000 varbinds fit in one UDP datagram only as 6-octet varbinds: empty OID, NULL value.
      name: 'oversized: valid-looking answer with 10,000 varbinds',
      polls: 4,
      responder: () => (ctx) => {
        if (!ctx.req) {
          return [];
        }
        const vb = Buffer.from([0x30, 0x04, 0x06, 0x00, 0x05, 0x00]);
        return [
          { packet: message({ requestId: ctx.req.requestId, varbinds: Array<Buffer>(10_000).fill(vb) }) },
        ];
      },
      expect: /^Requested OIDs do not match response OIDs/,
      // Empty OIDs are not an answer to the strict decoder: the request times out, naming the refused datagrams.
      expectLean:
        /^no answer within \d+ ms \(\d+ tries\); the agent sent \d+ datagram\(s\) that were not a well-formed answer$/,
    },
    {
      // The first GETBULK of each poll gets one ~64 KB answer of real, increasing column rows; then honest.
      name: 'oversized: 64 KB GETBULK answer of real rows',
      polls: 3,
      responder: () => {
        const served = new Set<number>();
        return (ctx) => {
          const req = ctx.req;
          if (!req) {
            return [];
          }
          if (req.pduType !== PduTag.GetBulk || served.has(ctx.peer)) {
            return [{ packet: honestAnswer(req) }];
          }
          served.add(ctx.peer);
          const varbinds: Buffer[] = [];
          let size = 64;
          for (let r = 1; ; r++) {
            const row = req.oids.map((c) => tlv(0x30, encodeOid(`${c}.${r}`), berInt(0)));
            const rowSize = row.reduce((n, b) => n + b.length, 0);
            if (size + rowSize > 65_000) {
              break;
            }
            size += rowSize;
            varbinds.push(...row);
          }
          return [{ packet: message({ requestId: req.requestId, varbinds }) }];
        };
      },
      expect: 'reading',
    },
    {
      name: 'wrong request id',
      polls: 6,
      responder: () => (ctx) =>
        ctx.req ? [{ packet: encodeItems(ctx.req, honestItems(ctx.req), (ctx.req.requestId + 1) | 0) }] : [],
      expect: /^no answer within/,
    },
    {
      name: 'wrong PDU type: GetRequest (0xa0)',
      polls: 4,
      responder: () => wrongPdu(PduTag.Get),
      expect: /^Unknown PDU type/,
    },
    {
      name: 'wrong PDU type: SNMPv2-Trap (0xa7)',
      polls: 4,
      responder: () => wrongPdu(0xa7),
      expect: /^Unknown PDU type/,
    },
    {
      name: 'wrong PDU type: Report (0xa8) to a v2c request',
      polls: 4,
      responder: () => wrongPdu(0xa8),
      expect: /^agent answer could not be processed/,
      expectLean: /^Unknown PDU type '168' in response/,
    },
    {
      name: 'wrong version: SNMPv3 message with auth flag, msgID = request id',
      polls: 4,
      responder: () => (ctx) => (ctx.req ? [{ packet: v3AuthMessage(ctx.req.requestId) }] : []),
      expect: /^agent answer could not be processed/,
      // A v3 message is never a v2c answer to the lean decoder: the request times out, naming the refused datagrams.
      expectLean:
        /^no answer within \d+ ms \(\d+ tries\); the agent sent \d+ datagram\(s\) that were not a well-formed answer$/,
    },
    {
      name: 'wrong version: SNMPv1 answer to v2c',
      polls: 4,
      responder: () => (ctx) =>
        ctx.req ? [{ packet: message({ version: 0, requestId: ctx.req.requestId, varbinds: [] }) }] : [],
      expect: /^Version in request '1' does not match version in response '0'/,
    },
    {
      name: 'wrong community in answer',
      polls: 4,
      responder: () => (ctx) =>
        ctx.req
          ? [
              {
                packet: message({
                  community: Buffer.from('other'),
                  requestId: ctx.req.requestId,
                  varbinds: [],
                }),
              },
            ]
          : [],
      expect: /^Community '\*\*\*' in request does not match community 'other' in response/,
    },
    {
      name: 'wrong value types: OctetString for every number',
      polls: 4,
      responder: () =>
        retyped((vb) => (vb.type === 'OctetString' ? octets(String(vb.value)) : octets('not-a-number'))),
      expect: 'any',
    },
    {
      name: 'wrong value types: numeric text, OID, IpAddress, Null, Opaque, Boolean',
      polls: 8,
      responder: (rng) =>
        retyped((vb) =>
          rng.pick([
            () => octets(String(vb.value)),
            () => tlv(0x06, encodeOid('1.3.6.1.4.1.9').subarray(2)),
            () => tlv(0x40, Buffer.from([10, 0, 0, 1])),
            () => tlv(0x05),
            () => tlv(0x44, rng.bytes(4)),
            () => tlv(0x01, Buffer.from([0xff])),
            () => berInt(-1, 0x41),
            () => tlv(0x46, rng.bytes(9)),
            () => berInt(-2_000_000_000),
          ])(),
        ),
      expect: 'any',
    },
    {
      name: 'wrong value types: bad encodings (9-octet Integer, 3-octet IpAddress, empty Integer, 20-octet Counter64)',
      polls: 6,
      responder: (rng) =>
        retyped(() =>
          rng.pick([
            () => tlv(0x02, rng.bytes(9)),
            () => tlv(0x40, Buffer.from([10, 0, 1])),
            () => tlv(0x02),
            () => tlv(0x46, rng.bytes(20)),
            () => tlv(0x43, rng.bytes(7)),
          ])(),
        ),
      expect: 'any',
    },
    {
      name: 'endless walk: repeats the same OID forever',
      polls: 4,
      responder: () => walkResponder((cursor) => (isBase(cursor) ? `${cursor}.1` : cursor)),
      expect: /^agent returned a non-increasing OID/,
    },
    {
      name: 'endless walk: OIDs that go backwards',
      polls: 4,
      responder: () =>
        walkResponder(
          (cursor, r) => `${columnOf(cursor)}.${(isBase(cursor) ? 1000 : lastArc(cursor)) - r - 1}`,
        ),
      expect: /does not precede OID/,
    },
    {
      name: 'endless walk: empty GETBULK answers forever',
      polls: 4,
      responder: () => walkResponder(() => undefined),
      expect: WALK_CUT_OFF,
      maxRequestsPerPoll: WALK_CAP_REQUESTS,
    },
    {
      name: 'endless walk: increasing OIDs forever',
      polls: 1,
      responder: () =>
        walkResponder((cursor, r) => `${columnOf(cursor)}.${(isBase(cursor) ? 0 : lastArc(cursor)) + r + 1}`),
      expect: WALK_CUT_OFF,
      maxRequestsPerPoll: WALK_CAP_REQUESTS,
    },
    {
      name: 'very late answers (after timeout × tries)',
      polls: 6,
      responder: () => (ctx) =>
        ctx.req ? [{ packet: honestAnswer(ctx.req), delayMs: budgetOf(POLL) + 100 }] : [],
      expect: /^no answer within 200 ms \(2 tries\)$/,
    },
    {
      // Every walk round answered just inside the timeout: the walk deadline (twice timeout × tries) ends it, so
      // the poll takes at most the deadline plus the request in flight (pollBudgetMs).
      name: 'drip-feed walk: every round answered just before the timeout',
      polls: 1,
      options: { timeoutMs: 60, retries: 0, maxRepetitions: 16 },
      bound: pollBudgetMs({ timeoutMs: 60, retries: 0, maxRepetitions: 16 }) + 1000,
      responder: () =>
        walkResponder(
          (cursor, r) => `${columnOf(cursor)}.${(isBase(cursor) ? 0 : lastArc(cursor)) + r + 1}`,
          30,
        ),
      expect: /^walk did not finish within 120 ms \(\d+ requests\)$|^no answer within/,
      note: 'walk bounded by its deadline, 2 × timeout × tries',
    },
  ];

  it.each(
    (['lean', 'net-snmp'] as const).flatMap((client) => MODES.map((m) => [client, m.name, m] as const)),
  )(
    '%s client: ends every poll as a stated result: %s',
    async (client, _name, mode) => {
      const options = { ...(mode.options ?? POLL), client };
      const expected = client === 'lean' ? (mode.expectLean ?? mode.expect) : mode.expect;
      const bound = mode.bound ?? boundOf(options);
      agent.use(mode.responder(new Rng(SEED ^ hash(mode.name))));
      const poller = new SnmpModemPoller(new SnmpClient(options));
      const crashesBefore = crashes.length;

      const results = await Promise.all(
        Array.from({ length: mode.polls }, async (_, i) => {
          const started = Date.now();
          // A watchdog, so that a poll that never ends fails the test in seconds rather than at the jest timeout.
          let watchdog: NodeJS.Timeout | undefined;
          const hung = new Promise<ModemReading>((resolve) => {
            watchdog = setTimeout(
              () =>
                resolve({
                  reachable: false,
                  modemId: 'watchdog',
                  observedAt: 0,
                  latencyMs: 0,
                  error: 'HUNG',
                }),
              2 * bound + 2000,
            );
          });
          const reading = await Promise.race([poller.poll(`hostile-${i}`, target()), hung]);
          clearTimeout(watchdog);
          return { reading, ms: Date.now() - started };
        }),
      );
      // Let late answers and background walk rounds land on closed sockets before checking for crashes.
      await new Promise((resolve) => setTimeout(resolve, 150));

      const maxMs = Math.max(...results.map((r) => r.ms));
      summary.push(
        `${client} client, mode "${mode.name}": ${mode.polls} polls, ${agent.requests} requests, ${agent.packets} answers ` +
          `(${mb(agent.bytes)}); outcomes: ${countsOf(results.map((r) => outcomeOf(r.reading)))}; ` +
          `max time to settle ${maxMs} ms (bound ${bound} ms, budget ${budgetOf(options)} ms)` +
          (mode.note ? ` [${mode.note}]` : ''),
      );

      expect(crashes.slice(crashesBefore)).toEqual([]);
      if (mode.maxRequestsPerPoll !== undefined) {
        expect(agent.requests).toBeLessThanOrEqual(mode.maxRequestsPerPoll * mode.polls);
      }
      for (const { reading, ms } of results) {
        expect(ms).toBeLessThanOrEqual(bound);
        if (expected === 'reading') {
          expect(reading).toEqual(expect.objectContaining({ reachable: true }));
        } else if (expected !== 'any') {
          expect(reading).toEqual(expect.objectContaining({ reachable: false, error: expect.any(String) }));
          expect(reading.reachable ? '' : reading.error).toMatch(expected);
        }
        if (!reading.reachable) {
          expect(reading.error.length).toBeGreaterThan(0);
          expect(reading.error).not.toContain(COMMUNITY);
        }
      }
      if (expected === 'reading') {
        const r = results[0].reading;
        expect(r.reachable && r.downstream.length).toBeGreaterThan(0);
      }
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------------------------
// Fuzz

/** What the in-process fuzz needs of a client: its requests captured, answers fed in, its pending requests. */
interface FuzzWire {
  /** Requests sent since the caller last reset it. */
  sent: Buffer[];
  /** Datagrams the client could not decode, so far. */
  readonly undecodable: number;
  open(onError: (error: unknown) => void): SnmpSession;
  deliver(packet: Buffer): void;
  isPending(requestId: number): boolean;
  inFlight(): number;
  /** Every pending request times out now (rather than in 60 s). */
  timeOutAll(): void;
}

const FUZZ_TARGET: SnmpTarget = {
  host: '127.0.0.1',
  port: 161,
  credentials: { version: '2c', community: COMMUNITY },
};
const FUZZ_RINFO: RemoteInfo = { address: '127.0.0.1', family: 'IPv4', port: 161, size: 0 };
const FUZZ_OPTIONS: SnmpClientOptions = { timeoutMs: 60_000, retries: 0, maxRepetitions: 16 };

interface NetSnmpInternals {
  dgram: Socket;
  reqs: Record<string, unknown>;
  cancelRequests(error: Error): void;
  on(event: 'error', listener: (error: unknown) => void): void;
}

/** The net-snmp client: a session's socket is told each request went out, and its 'message' event raised. */
class NetSnmpWire implements FuzzWire {
  sent: Buffer[] = [];
  undecodable = 0;
  private readonly client = new SnmpClient({ ...FUZZ_OPTIONS, client: 'net-snmp' });
  private inner!: NetSnmpInternals;

  open(onError: (error: unknown) => void): SnmpSession {
    const s = this.client.open(FUZZ_TARGET);
    this.inner = (s as unknown as { classic(): NetSnmpInternals }).classic();
    // No network: the request is captured and net-snmp told it went out (it then registers the request).
    (this.inner.dgram as unknown as { send: (...args: unknown[]) => void }).send = (...args: unknown[]) => {
      this.sent.push(Buffer.from(args[0] as Buffer));
      (args[5] as (error: Error | null, bytes: number) => void)(null, (args[0] as Buffer).length);
    };
    this.inner.on('error', (error) => {
      this.undecodable++;
      onError(error);
    });
    return s;
  }

  deliver(packet: Buffer): void {
    this.inner.dgram.emit('message', packet, FUZZ_RINFO);
  }

  isPending(requestId: number): boolean {
    return String(requestId) in this.inner.reqs;
  }

  inFlight(): number {
    return Object.keys(this.inner.reqs).length;
  }

  timeOutAll(): void {
    this.inner.cancelRequests(
      Object.assign(new Error('Request timed out'), { name: 'RequestTimedOutError' }),
    );
  }
}

interface TransportInternals {
  pending: Map<number, { triesLeft: number }>;
  expire(id: number, p: unknown): void;
  stats: { undecodable: number };
}

/** The lean client: its shared transport gets a socket that captures what is sent and raises 'message' on demand. */
class LeanWire implements FuzzWire {
  sent: Buffer[] = [];
  private listener: ((msg: Buffer, rinfo: RemoteInfo) => void) | undefined;
  private readonly client = new SnmpClient({ ...FUZZ_OPTIONS, client: 'lean', sockets: 1 }, () => {
    const socket = {
      send: (msg: Buffer, _port: number, _address: string, callback: (error: Error | null) => void) => {
        this.sent.push(Buffer.from(msg));
        callback(null);
      },
      on: (_event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void) => {
        this.listener = listener;
        return socket;
      },
      close: () => undefined,
    };
    return socket;
  });
  private session: SnmpSession | undefined;

  get undecodable(): number {
    return this.transport()?.stats.undecodable ?? 0;
  }

  open(): SnmpSession {
    this.session = this.client.open(FUZZ_TARGET);
    return this.session;
  }

  deliver(packet: Buffer): void {
    this.listener?.(packet, FUZZ_RINFO);
  }

  isPending(requestId: number): boolean {
    return this.transport()?.pending.has(requestId) ?? false;
  }

  inFlight(): number {
    return this.transport()?.pending.size ?? 0;
  }

  timeOutAll(): void {
    const t = this.transport();
    for (const [id, p] of [...(t?.pending ?? [])]) {
      p.triesLeft = 0;
      t!.expire(id, p);
    }
  }

  private transport(): TransportInternals | undefined {
    return (this.client as unknown as { transport?: TransportInternals }).transport;
  }
}

/** A guard against a synchronous hang: the call is interrupted (and throws) after timeoutMs. */
function boxed(timeoutMs: number): (fn: () => void) => void {
  const script = new vm.Script('run()');
  const sandbox = { run: (): void => undefined };
  const context = vm.createContext(sandbox);
  return (fn) => {
    sandbox.run = fn;
    script.runInContext(context, { timeout: timeoutMs });
  };
}

describe('fuzzing the receive path with mutated answers', () => {
  const gc = forceGc();

  afterAll(() => {
    console.log(`hostile-snmp fuzz summary (seed 0x${SEED.toString(16)})\n${fuzzSummary.join('\n')}`);
  });
  const fuzzSummary: string[] = [];

  it('the hang guard interrupts a synchronous infinite loop', () => {
    const box = boxed(50);
    expect(() =>
      box(() => {
        for (;;) {
          // spin
        }
      }),
    ).toThrow(/timed out/);
  });

  it.each(['lean', 'net-snmp'] as const)(
    '100,000 mutated answers through the %s client, our conversion and parseModemReading',
    async (kind) => {
      const PACKETS = 100_000;
      const BATCH = 100;
      const PER_SESSION = 2_500;
      const rng = new Rng(SEED);
      const idRng = new Rng(SEED ^ 0x1d);
      const box = boxed(10_000);
      const wire = kind === 'lean' ? new LeanWire() : new NetSnmpWire();

      const counts = {
        undecodable: 0,
        decodedNoMatch: 0,
        answered: 0,
        resolved: 0,
        rejected: 0,
        readings: 0,
        parseErrors: 0,
        nonErrors: 0,
        escaped: 0,
        unsettled: 0,
        /** Rejections by the receive guard in snmp-client.ts (net-snmp threw after dropping the request). */
        guarded: 0,
      };
      const decodeMs: number[] = [];
      const parseMs: number[] = [];
      const byStrategy = new Map<
        string,
        { n: number; undecodable: number; answered: number; resolved: number }
      >();
      const examples: string[] = [];
      let maxSettleTurns = 0;
      let heapPeak = 0;

      type Outcome = { ok: true; varbinds: SnmpVarbind[] } | { ok: false; error: unknown };
      interface Job {
        kind: 'get' | 'walk';
        packet: Buffer;
        outcome?: Outcome;
      }

      let session: SnmpSession | undefined;
      const open = (): SnmpSession => {
        session?.close();
        return wire.open((error) => (counts.nonErrors += isError(error) ? 0 : 1));
      };
      /** Our socket's 'message' event, as a datagram from the agent would raise it. */
      const deliver = (packet: Buffer): void => {
        try {
          wire.deliver(packet);
        } catch (error) {
          // Thrown out of the socket handler: in production an uncaught exception, i.e. a crash.
          counts.escaped++;
          if (examples.length < 5) {
            examples.push(`${String(error)} <- ${packet.toString('hex').slice(0, 400)}`);
          }
        }
      };

      const heapBefore = heapAfterGc(gc);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();

      for (let b = 0; b < PACKETS; b += BATCH) {
        const current = b % PER_SESSION === 0 ? (session = open()) : session!;
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        wire.sent = [];
        const jobs: Job[] = [];

        // 1. Send BATCH requests and feed each one mutated answer: synchronous, inside the hang guard.
        box(() => {
          for (let j = 0; j < BATCH; j++) {
            const kind = rng.next() < 0.6 ? 'get' : 'walk';
            const realRandom = Math.random;
            Math.random = () => idRng.next(); // seeded request ids: a run is reproducible
            let p: Promise<SnmpVarbind[]>;
            try {
              p = kind === 'get' ? current.get(SCALAR_OIDS) : current.walkColumns(COLUMN_OIDS);
            } finally {
              Math.random = realRandom;
            }
            const req = decodeCommunityRequest(wire.sent[wire.sent.length - 1]);
            if (!req) {
              throw new Error('could not read our own request');
            }
            // GETBULK answers of 44 to 200 varbinds (agents may send fewer than asked; the walker copes).
            const base = honestAnswer(req, kind === 'get' ? MAX_BULK_VARBINDS : rng.pick([44, 100, 200]));
            const { strategy, packet } = mutate(base, rng, kind === 'get' ? endAnswer(req) : base);
            const job: Job = { kind, packet };
            jobs.push(job);
            void p.then(
              (varbinds) => (job.outcome = { ok: true, varbinds }),
              (error: unknown) => (job.outcome = { ok: false, error }),
            );

            const st = byStrategy.get(strategy) ?? { n: 0, undecodable: 0, answered: 0, resolved: 0 };
            byStrategy.set(strategy, st);
            st.n++;
            const undecodableBefore = wire.undecodable;
            const t0 = performance.now();
            deliver(packet);
            decodeMs.push(performance.now() - t0);
            if (wire.undecodable > undecodableBefore) {
              counts.undecodable++;
              st.undecodable++;
            } else if (!wire.isPending(req.requestId)) {
              counts.answered++;
              st.answered++;
            } else {
              counts.decodedNoMatch++;
            }
          }
        });

        // 2. Later walk rounds get "end of MIB"; requests nobody answered time out (now, rather than in 60 s).
        let answeredUpTo = BATCH;
        let turns = 0;
        let idle = 0;
        while (jobs.some((j) => !j.outcome) && turns <= 2 * MAX_WALK_ROUNDS + 10 && idle < 5) {
          turns++;
          await new Promise((resolve) => setImmediate(resolve));
          if (wire.sent.length > answeredUpTo) {
            const followUps = wire.sent.slice(answeredUpTo);
            answeredUpTo = wire.sent.length;
            box(() =>
              followUps.forEach((raw) => {
                const req = decodeCommunityRequest(raw);
                if (req) {
                  deliver(endAnswer(req));
                }
              }),
            );
          } else if (wire.inFlight() > 0) {
            wire.timeOutAll();
          } else {
            idle++;
          }
        }
        maxSettleTurns = Math.max(maxSettleTurns, turns);

        // 3. What resolved goes through parseModemReading, with the honest other half of a poll.
        box(() => {
          for (const job of jobs) {
            const outcome = job.outcome;
            if (!outcome) {
              // A request dropped without a callback: it would never settle.
              counts.unsettled++;
              if (examples.length < 5) {
                examples.push(`request never settled <- ${job.packet.toString('hex').slice(0, 400)}`);
              }
              continue;
            }
            if (!outcome.ok) {
              counts.rejected++;
              counts.nonErrors += isError(outcome.error) ? 0 : 1;
              counts.guarded += /agent answer could not be processed/.test(String(outcome.error)) ? 1 : 0;
              continue;
            }
            counts.resolved++;
            const varbinds =
              job.kind === 'get'
                ? [...outcome.varbinds, ...HONEST_COLUMNS]
                : [...HONEST_SCALARS, ...outcome.varbinds];
            const p0 = performance.now();
            try {
              parseModemReading({ modemId: 'fuzz', observedAt: 0, latencyMs: 0, varbinds });
              counts.readings++;
            } catch (error) {
              counts.parseErrors++;
              counts.nonErrors += isError(error) ? 0 : 1;
            }
            parseMs.push(performance.now() - p0);
          }
        });
      }
      session?.close();

      const elapsedS = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const cpuS = (cpu.user + cpu.system) / 1e6;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      const heapAfter = heapAfterGc(gc);
      const growth = heapAfter - heapBefore;
      const maxDecodeMs = decodeMs.reduce((m, x) => Math.max(m, x), 0);

      fuzzSummary.push(
        `fuzz in-process, ${kind} client: ${PACKETS} packets (seed 0x${SEED.toString(16)}) in ${elapsedS.toFixed(1)} s (CPU ${cpuS.toFixed(1)} s): ` +
          `decoded ok ${PACKETS - counts.undecodable} (matched a request ${counts.answered}, ` +
          `no matching request ${counts.decodedNoMatch}), rejected by the decoder (Error) ${counts.undecodable}; ` +
          `requests resolved ${counts.resolved}, rejected ${counts.rejected}; ` +
          `parseModemReading readings ${counts.readings}, parse errors ${counts.parseErrors}; ` +
          `exceptions escaping the socket handler ${counts.escaped}, non-Error throws ${counts.nonErrors}, ` +
          `unsettled ${counts.unsettled}, rejected by the receive guard ${counts.guarded}; ` +
          `decode (socket handler) p99 ${p99(decodeMs)} ms, max ${maxDecodeMs.toFixed(2)} ms; parseModemReading ` +
          `p99 ${p99(parseMs)} ms, max ${parseMs.reduce((m, x) => Math.max(m, x), 0).toFixed(2)} ms; max settle turns ${maxSettleTurns}; ` +
          `heap growth ${mb(growth)} ` +
          `(${gc ? 'after forced GC' : 'no GC available'}; before ${mb(heapBefore)}, peak ${mb(heapPeak)})`,
        `fuzz strategies: ${[...byStrategy]
          .sort((x, y) => x[0].localeCompare(y[0]))
          .map(([k, v]) => `${k} ${v.n} (undecodable ${v.undecodable}, matched ${v.answered})`)
          .join('; ')}`,
      );

      expect(examples).toEqual([]);
      expect(counts.escaped).toBe(0);
      expect(counts.nonErrors).toBe(0);
      expect(counts.unsettled).toBe(0);
      expect(counts.undecodable + counts.decodedNoMatch + counts.answered).toBe(PACKETS);
      expect(counts.resolved + counts.rejected).toBe(PACKETS);
      expect(maxDecodeMs).toBeLessThan(1000);
      expect(growth).toBeLessThan(100 * 1024 * 1024);
    },
    240_000,
  );

  it('a few thousand mutated answers over real UDP: every request and poll settles in time', async () => {
    const agent = await HostileAgent.start();
    const rng = new Rng(SEED ^ 0xbeef);
    const options: SnmpClientOptions = { timeoutMs: 100, retries: 1, maxRepetitions: 16 };
    const crashesBefore = crashes.length;
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    try {
      agent.use(({ req }) => {
        if (!req) {
          return [];
        }
        const base = honestAnswer(req);
        return [{ packet: mutate(base, rng, endAnswer(req)).packet }];
      });
      const target: SnmpTarget = {
        host: '127.0.0.1',
        port: agent.port,
        credentials: { version: '2c', community: COMMUNITY },
      };
      const heapBefore = heapAfterGc(gc);
      const started = performance.now();

      // 1. Single GETs on 50 long-lived sessions: each must settle within timeout × tries.
      const GETS = 2_000;
      const client = new SnmpClient(options);
      const getTimes: number[] = [];
      let resolved = 0;
      let rejected = 0;
      let nonErrors = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const session = client.open(target);
          try {
            while (next < GETS) {
              next++;
              const t0 = Date.now();
              await session.get(SCALAR_OIDS).then(
                () => resolved++,
                (error: unknown) => {
                  rejected++;
                  nonErrors += isError(error) ? 0 : 1;
                },
              );
              getTimes.push(Date.now() - t0);
            }
          } finally {
            session.close();
          }
        }),
      );
      const getPackets = agent.packets;

      // 2. Whole polls (GET + GETBULK walk) through the poller.
      const POLLS = 400;
      const poller = new SnmpModemPoller(client);
      const pollTimes: number[] = [];
      const outcomes: string[] = [];
      let nextPoll = 0;
      await Promise.all(
        Array.from({ length: 40 }, async () => {
          while (nextPoll < POLLS) {
            const i = nextPoll++;
            const t0 = Date.now();
            const r = await poller.poll(`fuzz-${i}`, target);
            pollTimes.push(Date.now() - t0);
            outcomes.push(
              r.reachable ? 'reading' : /^no answer/.test(r.error) ? 'no answer' : 'stated error',
            );
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const heapAfter = heapAfterGc(gc);
      const elapsedS = (performance.now() - started) / 1000;

      fuzzSummary.push(
        `fuzz over UDP: ${agent.packets} mutated answers to ${agent.requests} requests in ${elapsedS.toFixed(1)} s; ` +
          `${GETS} GETs (${getPackets} answers): resolved ${resolved}, rejected ${rejected}, ` +
          `max settle ${Math.max(...getTimes)} ms (budget ${budgetOf(options)} ms); ` +
          `${POLLS} polls: ${countsOf(outcomes)}, max settle ${Math.max(...pollTimes)} ms ` +
          `(bound ${boundOf(options)} ms); heap growth ${mb(heapAfter - heapBefore)}`,
      );

      expect(crashes.slice(crashesBefore)).toEqual([]);
      expect(resolved + rejected).toBe(GETS);
      expect(nonErrors).toBe(0);
      expect(agent.packets).toBeGreaterThanOrEqual(3_000);
      expect(Math.max(...getTimes)).toBeLessThanOrEqual(budgetOf(options) + 1000);
      expect(pollTimes).toHaveLength(POLLS);
      expect(Math.max(...pollTimes)).toBeLessThanOrEqual(boundOf(options));
      expect(heapAfter - heapBefore).toBeLessThan(100 * 1024 * 1024);
    } finally {
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
      await agent.close();
    }
  }, 120_000);
});
