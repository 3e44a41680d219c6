import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as snmp from 'net-snmp';
import type { FleetSpec, ModemShape } from '../config/simulator-spec';
import { MODEM_GENERATIONS, QUIRKS_BY_GENERATION } from '../config/simulator-spec';
import { decodeCommunityRequest, ExceptionTag, PduTag, ResponseWriter } from '../mib/ber/ber-codec';
import {
  decodeCommunityResponse,
  encodeCommunityRequest,
  isException,
  neutralVarbinds,
  type CommunityResponse,
} from '../mib/ber/client-codec';
import { parseCapture } from '../mib/parse-capture';
import type { WireType } from '../mib/snmp-value';
import { cmtsView } from '../simulator/cmts-mib';
import { SimulatedFleet } from '../simulator/fleet';
import { modemView } from '../simulator/modem-mib';
import type { AgentVarbind } from '../snmp-agent/agent-view';
import { toNeutral } from './snmp-client';

// The lean client decoder (mib/ber/client-codec) against net-snmp's own decoder: a net-snmp session with a pending
// request is handed each response datagram (no UDP), and both must give the same varbinds in the same positions,
// the same values once made library-neutral, and the same error status. Whatever the lean decoder refuses
// (undefined) is left to net-snmp by design; it must never throw, whatever the bytes.

const COMMUNITY = 'public';

interface NetSnmpResult {
  /** false: net-snmp could not take the datagram as an answer to the pending request (it stays pending). */
  answered: boolean;
  error?: Error;
  varbinds?: snmp.Varbind[];
}

interface Internals {
  dgram: { send: (...args: unknown[]) => void };
  reqs: Record<string, unknown>;
  onMsg(buf: Buffer): void;
}

/** One net-snmp session whose datagrams go nowhere: requests are registered at once, answers fed by hand. */
function netSnmpSession(version: 0 | 1) {
  const session = snmp.createSession('127.0.0.1', COMMUNITY, {
    port: 9,
    timeout: 60_000,
    retries: 0,
    version: version === 0 ? snmp.Version1 : snmp.Version2c,
    backwardsGetNexts: true,
  });
  session.on('error', () => undefined);
  const internals = session as unknown as Internals;
  let sent: Buffer | undefined;
  internals.dgram.send = (...args: unknown[]) => {
    sent = Buffer.from(args[0] as Buffer);
    (args[args.length - 1] as (e: null, n: number) => void)(null, sent.length);
  };
  return {
    /** GETs `oids`, then feeds `answer`, its request id rewritten to the pending one's when it decodes. */
    decode(answer: Buffer, requestId: number | undefined, oids: string[] = ['1.3.6.1']): NetSnmpResult {
      let result: NetSnmpResult = { answered: false };
      session.get(oids, (error, varbinds) => {
        result = { answered: true, error: error ?? undefined, varbinds: varbinds ?? undefined };
      });
      const pendingId = decodeCommunityRequest(sent!)!.requestId;
      if (requestId !== undefined && requestId !== pendingId) {
        internals.reqs[requestId] = internals.reqs[pendingId];
        delete internals.reqs[pendingId];
      }
      internals.onMsg(answer);
      if (!result.answered) {
        session.cancelRequests(new Error('test: not answered'));
        result = { answered: false };
      }
      return result;
    },
    lastSent: () => sent!,
    get: (oids: string[]) => session.get(oids, () => undefined),
    getBulk: (oids: string[], n: number, m: number) => session.getBulk(oids, n, m, () => undefined),
    close: () => {
      session.cancelRequests(new Error('test: closed'));
      session.close();
    },
  };
}

type Session = ReturnType<typeof netSnmpSession>;

/** The response datagram with these varbinds (exceptions as {oid, exception}). */
function response(
  version: number,
  requestId: number,
  varbinds: (AgentVarbind | { oid: string; exception: number })[],
  errorStatus = 0,
  errorIndex = 0,
): Buffer {
  const w = new ResponseWriter();
  w.reset();
  for (const vb of varbinds) {
    if ('exception' in vb) {
      w.exception(vb.oid, vb.exception);
    } else {
      w.varbind(vb);
    }
  }
  return w.finish(version, Buffer.from(COMMUNITY), requestId, errorStatus, errorIndex);
}

/** Both decoders on one datagram; fails the test where they disagree. Returns the lean decoding. */
function expectSame(session: Session, datagram: Buffer): CommunityResponse | undefined {
  const lean = decodeCommunityResponse(datagram);
  if (lean === undefined) {
    return undefined;
  }
  // net-snmp's GET wants as many varbinds back as it asked for.
  const net = session.decode(
    datagram,
    lean.requestId,
    lean.varbinds.map((vb) => vb.oid),
  );
  if (lean.community !== COMMUNITY) {
    expect(net.answered && net.error !== undefined).toBe(true);
    return lean;
  }
  expect(net.answered).toBe(true);
  if (lean.errorStatus > 0) {
    expect(net.error).toBeDefined();
    return lean;
  }
  expect(net.error).toBeUndefined();
  const netVarbinds = net.varbinds!;
  // Same positions: the walker reads column k of a GETBULK answer from position k modulo the columns.
  expect(lean.varbinds.map((vb) => [vb.oid, isException(vb)])).toEqual(
    netVarbinds.map((vb) => [vb.oid, snmp.isVarbindError(vb)]),
  );
  // Same values as the client hands them to the parsers.
  expect(neutralVarbinds(lean.varbinds)).toEqual(toNeutral(netVarbinds));
  return lean;
}

/** Every object of a view, in OID order. */
function walkView(view: { next(oid: string): AgentVarbind | undefined }): AgentVarbind[] {
  const out: AgentVarbind[] = [];
  for (let vb = view.next('0'); vb; vb = view.next(vb.oid)) {
    out.push(vb);
  }
  return out;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

const FIXTURES = join(__dirname, '../../test/fixtures');

function fixtureVarbinds(): { name: string; varbinds: AgentVarbind[] }[] {
  const out: { name: string; varbinds: AgentVarbind[] }[] = [];
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.varbinds.json'))) {
    const doc = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as {
      varbinds: { oid: string; type: WireType; value: unknown }[];
    };
    out.push({
      name: file,
      varbinds: doc.varbinds.map((vb) => ({
        oid: vb.oid,
        type: vb.type,
        value: (vb.type === 'Counter64' ? BigInt(vb.value as string) : vb.value) as AgentVarbind['value'],
      })),
    });
  }
  for (const file of readdirSync(join(FIXTURES, 'captures'))) {
    const parsed = parseCapture(readFileSync(join(FIXTURES, 'captures', file), 'utf8'));
    if (!parsed.ok) {
      throw new Error(`fixture ${file} does not parse`);
    }
    out.push({
      name: file,
      varbinds: parsed.capture.varbinds.map(({ oid, type, value }) => ({ oid, type, value })),
    });
  }
  return out;
}

/** A small deterministic generator (no flaky fuzzing). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('lean client decoder (mib/ber/client-codec) against net-snmp', () => {
  let v2: Session;
  let v1: Session;
  beforeAll(() => {
    v2 = netSnmpSession(1);
    v1 = netSnmpSession(0);
  });
  afterAll(() => {
    v2.close();
    v1.close();
  });

  it('encodes GetRequest and GetBulkRequest exactly as net-snmp does', () => {
    const oids = ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.10.127.1.1.1.1.6', '1.3.6.1.4.1.4491.2.1.20.1.24.1.1'];
    v2.get(oids);
    let sent = v2.lastSent();
    let id = decodeCommunityRequest(sent)!.requestId;
    expect(
      encodeCommunityRequest({ version: 1, community: COMMUNITY, pduType: PduTag.Get, requestId: id, oids }),
    ).toEqual(sent);
    v2.getBulk(oids, 0, 25);
    sent = v2.lastSent();
    id = decodeCommunityRequest(sent)!.requestId;
    expect(
      encodeCommunityRequest({
        version: 1,
        community: COMMUNITY,
        pduType: PduTag.GetBulk,
        requestId: id,
        nonRepeaters: 0,
        maxRepetitions: 25,
        oids,
      }),
    ).toEqual(sent);
  });

  it('decodes the captured fixtures as net-snmp does, in v2c and v1', () => {
    const fixtures = fixtureVarbinds();
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
    for (const { name, varbinds } of fixtures) {
      expect([name, varbinds.length > 20]).toEqual([name, true]);
      for (const chunk of chunks(varbinds, 40)) {
        expect(expectSame(v2, response(1, 4242, chunk))).toBeDefined();
        expect(expectSame(v1, response(0, 77, chunk))).toBeDefined();
      }
    }
  });

  it('decodes exceptions, Null, Opaque and the edges of every type as net-snmp does', () => {
    const lean = expectSame(
      v2,
      response(1, 1, [
        { oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: Buffer.from([0, 0xff, 0x80, 0x41]) },
        { oid: '1.3.6.1.2.1.1.2.0', type: 'OctetString', value: '' },
        { oid: '1.3.6.1.2.1.1.3.0', type: 'Integer', value: -2147483648 },
        { oid: '1.3.6.1.2.1.1.4.0', type: 'Integer', value: 2147483647 },
        { oid: '1.3.6.1.2.1.1.5.0', type: 'Counter32', value: 4294967295 },
        { oid: '1.3.6.1.2.1.1.6.0', type: 'Gauge32', value: 0 },
        { oid: '1.3.6.1.2.1.1.7.0', type: 'TimeTicks', value: 128 },
        { oid: '1.3.6.1.2.1.1.8.0', type: 'Counter64', value: 18446744073709551615n },
        { oid: '1.3.6.1.2.1.1.9.0', type: 'Counter64', value: 0n },
        { oid: '1.3.6.1.2.1.1.10.0', type: 'OID', value: '1.3.6.1.4.1.4294967295.0' },
        { oid: '1.3.6.1.2.1.1.11.0', type: 'IpAddress', value: '10.0.255.1' },
        { oid: '1.3.6.1.2.1.1.12.0', type: 'Opaque', value: Buffer.from([0x9f, 0x78, 4, 0, 0, 0, 0]) },
        { oid: '1.3.6.1.2.1.1.13.0', type: 'Null', value: Buffer.alloc(0) },
        { oid: '1.3.6.1.2.1.1.14.0', exception: ExceptionTag.NoSuchObject },
        { oid: '1.3.6.1.2.1.1.15.0', exception: ExceptionTag.NoSuchInstance },
        { oid: '1.3.6.1.2.1.1.16.0', exception: ExceptionTag.EndOfMibView },
      ]),
    );
    expect(lean?.varbinds.map((vb) => vb.type)).toEqual([
      'OctetString',
      'OctetString',
      'Integer',
      'Integer',
      'Counter32',
      'Gauge32',
      'TimeTicks',
      'Counter64',
      'Counter64',
      'OID',
      'IpAddress',
      'Opaque',
      'Null',
      'NoSuchObject',
      'NoSuchInstance',
      'EndOfMibView',
    ]);
    expect(neutralVarbinds(lean!.varbinds)).toHaveLength(11);
    // A first sub-identifier above 127 (2.999...), which net-snmp reads its own way: left to net-snmp.
    expect(
      decodeCommunityResponse(response(1, 2, [{ oid: '2.999.1', type: 'Integer', value: 0 }])),
    ).toBeUndefined();
    // An error status: net-snmp fails the request; the lean decoding carries it for the caller to do the same.
    const failed = expectSame(
      v2,
      response(1, 9, [{ oid: '1.3.6.1.2.1.1.1.0', type: 'Null', value: '' }], 5, 1),
    );
    expect([failed?.errorStatus, failed?.errorIndex]).toEqual([5, 1]);
  });

  it('decodes every simulator modem shape and CMTS dialect as net-snmp does', () => {
    const shapes: ModemShape[] = MODEM_GENERATIONS.flatMap((docsis) => [
      { docsis, quirks: [] },
      ...QUIRKS_BY_GENERATION[docsis].map((q) => ({ docsis, quirks: [q] })),
    ]);
    const spec: FleetSpec = {
      size: 40,
      docsis31Share: 0.5,
      v3Share: 0,
      scenarioMix: { TEXTBOOK: 1, NO_CPE_DETECTED: 1, UPSTREAM_POWER_HIGH: 1 },
      seed: 11,
      idPrefix: 'sim-cm-',
      serviceGroupSize: 5,
      serviceGroupsPerCmts: 2,
      cmtsDialectMix: { docsis30: 1, rfc4546: 1, blind: 1 },
      shapes: Object.fromEntries(
        shapes.map((shape, i) => [`sim-cm-${String(i + 1).padStart(5, '0')}`, shape]),
      ),
    };
    const fleet = new SimulatedFleet(spec, { rebootDownSec: 5, selfRebootPeriodSec: null }, () => 0);
    const now = Date.UTC(2026, 11, 1);
    const seen = new Set<string>();
    let decoded = 0;
    for (const m of fleet.modems().slice(0, shapes.length)) {
      seen.add(`${m.docsis}+${m.quirks.join('+')}`);
      for (const chunk of chunks(walkView(modemView(m, now, false)), 30)) {
        expect(expectSame(v2, response(1, 1000 + decoded++, chunk))).toBeDefined();
      }
    }
    expect(seen.size).toBe(shapes.length);
    const dialects = new Set<string>();
    for (const cmts of fleet.cmtses()) {
      dialects.add(cmts.dialect);
      for (const chunk of chunks(walkView(cmtsView(cmts, now)), 30)) {
        expect(expectSame(v2, response(1, 1000 + decoded++, chunk))).toBeDefined();
      }
    }
    expect([...dialects].sort()).toEqual(['blind', 'docsis30', 'rfc4546']);
  });

  it('never throws on truncated or mutated answers, and whatever it decodes, net-snmp decodes the same', () => {
    const fixtures = fixtureVarbinds();
    const base = response(1, 31337, fixtures[0].varbinds.slice(0, 30));
    // Every truncation: a whole message only, so none decodes.
    for (let len = 0; len < base.length; len++) {
      expect(decodeCommunityResponse(base.subarray(0, len))).toBeUndefined();
    }
    const random = prng(14);
    let decoded = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = Buffer.from(base);
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) {
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      }
      if (expectSame(v2, bytes) !== undefined) {
        decoded++;
      }
    }
    // Mutations inside values mostly still decode: the comparison above really ran.
    expect(decoded).toBeGreaterThan(500);
    for (let i = 0; i < 2000; i++) {
      const noise = Buffer.from(
        Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256)),
      );
      // A plausible header in front, so that the noise reaches the varbind reader.
      const framed = Buffer.concat([Buffer.from([0x30, 0x81, noise.length + 0]), noise]);
      expect(() => decodeCommunityResponse(noise)).not.toThrow();
      expect(() => decodeCommunityResponse(framed)).not.toThrow();
      expectSame(v2, framed);
    }
  });
});
