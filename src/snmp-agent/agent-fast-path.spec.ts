import { DEFAULT_SCENARIO_MIX } from '../config/simulator-spec';
import * as dgram from 'node:dgram';
import { once } from 'node:events';
import * as snmp from 'net-snmp';
import { SimulatedFleet } from '../simulator/fleet';
import { encodeOid, PduTag } from '../mib/ber/ber-codec';
import { FAST_POLL_COLUMNS, FAST_POLL_SCALARS, OID } from '../mib/docsis-oids';
import { SnmpAgent } from './snmp-agent';

// The same fleet behind two agents, one with the fast path and one answering everything through net-snmp:
// every answer must decode to the same varbinds, and without Counter64 values to the same bytes.

const CLOCK = Date.UTC(2026, 10, 25, 12, 0, 0);

type Normalized = [string, snmp.ObjectType | undefined, unknown];

function normalize(varbinds: snmp.Varbind[]): Normalized[] {
  return varbinds.map((vb) => {
    const value =
      vb.type === snmp.ObjectType.Counter64 ? BigInt(`0x0${(vb.value as Buffer).toString('hex')}`) : vb.value;
    return [vb.oid, vb.type, Buffer.isBuffer(value) ? value.toString('hex') : value];
  });
}

type Ask = (session: snmp.Session, done: (error: Error | null, varbinds: snmp.Varbind[]) => void) => void;

async function ask(
  agent: SnmpAgent,
  community: string,
  op: Ask,
  version: typeof snmp.Version1 | typeof snmp.Version2c = snmp.Version2c,
): Promise<Normalized[]> {
  const session = snmp.createSession('127.0.0.1', community, {
    port: agent.port,
    version,
    timeout: 300,
    retries: 0,
  });
  try {
    return normalize(
      await new Promise<snmp.Varbind[]>((resolve, reject) =>
        op(session, (error, varbinds) => (error ? reject(error) : resolve(varbinds))),
      ),
    );
  } finally {
    session.close();
  }
}

const walk: Ask = (session, done) => {
  const all: snmp.Varbind[] = [];
  session.walk(
    '1.3.6.1',
    20,
    (varbinds) => {
      all.push(...varbinds);
    },
    (error) => done(error ?? null, all),
  );
};

const get =
  (oids: string[]): Ask =>
  (session, done) =>
    session.get(oids, (error, varbinds) => done(error, varbinds ?? []));

const getNext =
  (oids: string[]): Ask =>
  (session, done) =>
    session.getNext(oids, (error, varbinds) => done(error, varbinds ?? []));

const getBulk =
  (oids: string[], nonRepeaters: number, maxRepetitions: number): Ask =>
  (session, done) =>
    session.getBulk(oids, nonRepeaters, maxRepetitions, (error, varbinds) =>
      done(error, (varbinds ?? []).flat()),
    );

function tlv(tag: number, ...content: (number[] | Buffer)[]): Buffer {
  const body = Buffer.concat(content.map((c) => Buffer.from(c)));
  const len = body.length < 0x80 ? [body.length] : [0x81, body.length];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

function getBulkDatagram(community: string, requestId: number, oid: string, maxRepetitions: number): Buffer {
  const varbind = tlv(0x30, encodeOid(oid), [0x05, 0x00]);
  return tlv(
    0x30,
    tlv(0x02, [1]),
    tlv(0x04, Buffer.from(community)),
    tlv(
      PduTag.GetBulk,
      tlv(0x02, [requestId]),
      tlv(0x02, [0]),
      tlv(0x02, [maxRepetitions]),
      tlv(0x30, varbind),
    ),
  );
}

/** The raw answer to one datagram (undefined when none comes within 300 ms). */
async function rawAnswer(agent: SnmpAgent, datagram: Buffer): Promise<Buffer | undefined> {
  const socket = dgram.createSocket('udp4');
  try {
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    socket.send(datagram, agent.port, '127.0.0.1');
    const timeout = AbortSignal.timeout(300);
    const [answer] = (await once(socket, 'message', { signal: timeout }).catch(() => [undefined])) as [
      Buffer | undefined,
    ];
    return answer;
  } finally {
    socket.close();
  }
}

describe('the fast path answers as net-snmp does', () => {
  const fleet = new SimulatedFleet(
    {
      size: 48,
      docsis31Share: 0.5,
      v3Share: 0,
      scenarioMix: DEFAULT_SCENARIO_MIX,
      seed: 11,
      idPrefix: 'sim-cm-',
      serviceGroupSize: 8,
      serviceGroupsPerCmts: 3,
      // Every generation and quirk: their skeletons go through the same fast path.
      docsis20Share: 0.4,
      quirkShare: 0.5,
    },
    { rebootDownSec: 5, selfRebootPeriodSec: null },
    () => CLOCK,
  );
  const modems = fleet.modems().filter((m) => m.answers(CLOCK));

  it('holds modems of every generation and quirk', () => {
    const shapes = new Set(modems.map((m) => [m.docsis, ...m.quirks].join('+')));
    expect([...shapes].sort()).toEqual(
      expect.arrayContaining(['2.0', '3.0', '3.0+NO_US_STATUS_TABLE', '3.1', '3.1+DUMMY_SC_QAM_ROWS']),
    );
    expect([...shapes].some((s) => s.endsWith('BRIDGE_WITHOUT_STATUS'))).toBe(true);
  });
  let fast: SnmpAgent;
  let reference: SnmpAgent;

  beforeAll(async () => {
    const options = { address: '127.0.0.1', port: 0, maxBulkVarbinds: 37 };
    fast = await SnmpAgent.start(options, fleet);
    reference = await SnmpAgent.start({ ...options, fastPath: false }, fleet);
  });

  afterAll(async () => {
    await fast.close();
    await reference.close();
  });

  async function same(community: string, op: Ask, version?: typeof snmp.Version1): Promise<Normalized[]> {
    const expected = await ask(reference, community, op, version);
    expect(await ask(fast, community, op, version)).toEqual(expected);
    return expected;
  }

  it('walks the whole MIB of every answering modem alike', async () => {
    expect(modems.length).toBeGreaterThan(30);
    for (const m of modems) {
      // A DOCSIS 2.0 modem (one channel each way, DOCS-IF-MIB only) has the smallest MIB: about 47 objects.
      expect((await same(m.id, walk)).length).toBeGreaterThan(m.docsis === '2.0' ? 40 : 100);
    }
  });

  it('answers GET, GETNEXT and multi-column GETBULK alike, v1 and v2c', async () => {
    const scalars = FAST_POLL_SCALARS.map((n) => `${OID[n]}.0`);
    const columns = FAST_POLL_COLUMNS.map((n) => OID[n]);
    const odd = ['1.3.6.1.2.1.1.99.0', '1.3.6.1.2.1.1.3', '1.3.6.1.4.1.4491.2.1.28.99', '2.1'];
    for (const m of modems.slice(0, 12)) {
      await same(m.id, get([...scalars, ...odd]));
      // v1 fails a whole GET for one missing object (RFC 3584): ask for the ones this modem has.
      const answered = (await same(m.id, get(scalars)))
        .filter(([, type]) => type !== snmp.ObjectType.NoSuchObject && type !== snmp.ObjectType.Counter64)
        .map(([oid]) => oid);
      await same(m.id, get(answered), snmp.Version1);
      await same(m.id, getNext([...columns, ...odd]));
      await same(m.id, getBulk([...scalars, ...columns], scalars.length, 16));
      await same(m.id, getBulk(columns.slice(-6), 0, 40));
      await same(m.id, getBulk([`${OID.dot1dTpFdbPort}`, `${OID.docsDevCpeInetSource}`], 1, 5));
    }
  });

  it('answers SNMPv1 without v2 exception values: noSuchName and the failing index (RFC 3584)', async () => {
    const m = modems[0];
    const present = '1.3.6.1.2.1.1.3.0';
    const missing = '1.3.6.1.2.1.1.99.0';
    const varbinds = [present, missing].map((oid) => tlv(0x30, encodeOid(oid), [0x05, 0x00]));
    const datagram = tlv(
      0x30,
      tlv(0x02, [0]),
      tlv(0x04, Buffer.from(m.id)),
      tlv(PduTag.Get, tlv(0x02, [9]), tlv(0x02, [0]), tlv(0x02, [0]), tlv(0x30, ...varbinds)),
    );
    const answer = await rawAnswer(fast, datagram);
    expect(answer).toEqual(await rawAnswer(reference, datagram));
    // error-status 2 (noSuchName), error-index 2; the request's varbinds back with NULL values.
    const expectedPdu = tlv(0xa2, tlv(0x02, [9]), tlv(0x02, [2]), tlv(0x02, [2]), tlv(0x30, ...varbinds));
    expect(answer!.subarray(answer!.length - expectedPdu.length)).toEqual(expectedPdu);
    const counter64 = (await same(m.id, walk)).find(([, type]) => type === snmp.ObjectType.Counter64);
    expect(counter64).toBeDefined();
    for (const agent of [fast, reference]) {
      await expect(ask(agent, m.id, get([present, missing]), snmp.Version1)).rejects.toThrow(/NoSuchName/);
      // Counter64 has no v1 encoding: a GET of one fails, a walk steps over them and ends without exceptions.
      await expect(ask(agent, m.id, get([counter64![0]]), snmp.Version1)).rejects.toThrow(/NoSuchName/);
    }
    const walked = await same(m.id, walk, snmp.Version1);
    expect(walked.length).toBeGreaterThan(100);
    const kinds = new Set(walked.map(([, type]) => type));
    for (const v2Only of [
      snmp.ObjectType.Counter64,
      snmp.ObjectType.NoSuchObject,
      snmp.ObjectType.NoSuchInstance,
      snmp.ObjectType.EndOfMibView,
    ]) {
      expect(kinds.has(v2Only)).toBe(false);
    }
  });

  it('answers a CMTS walk with the same bytes', async () => {
    const cmts = fleet.cmtses()[0];
    let oid = '1.3.6.1';
    for (let requestId = 1; requestId < 120; requestId++) {
      const datagram = getBulkDatagram(cmts.id, requestId, oid, 25);
      const expected = await rawAnswer(reference, datagram);
      expect(await rawAnswer(fast, datagram)).toEqual(expected);
      const walked = await same(cmts.id, getBulk([oid], 0, 25));
      const last = walked[walked.length - 1];
      if (last[1] === snmp.ObjectType.EndOfMibView) {
        return;
      }
      oid = last[0];
    }
    throw new Error('the CMTS walk did not end');
  });

  it('drops unknown communities, counts bad packets, and keeps answering', async () => {
    await expect(ask(fast, 'nobody', get(['1.3.6.1.2.1.1.3.0']))).rejects.toThrow();
    await expect(ask(reference, 'nobody', get(['1.3.6.1.2.1.1.3.0']))).rejects.toThrow();
    const valid = getBulkDatagram(modems[0].id, 7, '1.3.6.1', 5);
    const garbage = [
      Buffer.from([0x30, 0x03, 0x02]),
      Buffer.alloc(40, 0xff),
      valid.subarray(0, valid.length - 3),
    ];
    for (const datagram of garbage) {
      expect(await rawAnswer(fast, datagram)).toBeUndefined();
      expect(await rawAnswer(reference, datagram)).toBeUndefined();
    }
    await same(modems[0].id, get(['1.3.6.1.2.1.1.3.0']));
    expect(fast.stats.badPackets).toBe(garbage.length);
    expect(fast.stats).toEqual(reference.stats);
  });
});
