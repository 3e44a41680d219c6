import * as dgram from 'node:dgram';
import { once } from 'node:events';
import * as snmp from 'net-snmp';
import {
  decodeCommunityRequest,
  dottedOid,
  encodeOid,
  ExceptionTag,
  PduTag,
  ResponseWriter,
} from './ber-codec';
import type { SnmpVarbind } from '../snmp-value';

// The codec against net-snmp itself: requests come from net-snmp sessions, and responses are decoded by a
// net-snmp session, over UDP on 127.0.0.1.

interface Peer {
  port: number;
  close(): Promise<void>;
}

/** A UDP peer that hands each datagram to `answer` and sends back what it returns. */
async function peer(answer: (datagram: Buffer) => Buffer | undefined): Promise<Peer> {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (datagram, rinfo) => {
    const out = answer(datagram);
    if (out) {
      socket.send(out, rinfo.port, rinfo.address);
    }
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return { port: socket.address().port, close: () => new Promise((resolve) => socket.close(resolve)) };
}

/** The datagram a net-snmp session sends for `issue`. */
async function sentBy(
  issue: (session: snmp.Session) => void,
  options: {
    version?: typeof snmp.Version1 | typeof snmp.Version2c;
    community?: string;
    v3User?: snmp.User;
  } = {},
): Promise<Buffer> {
  let received!: (datagram: Buffer) => void;
  const datagram = new Promise<Buffer>((resolve) => (received = resolve));
  const p = await peer((d) => {
    received(d);
    return undefined;
  });
  const common = { port: p.port, timeout: 500, retries: 0 };
  const session = options.v3User
    ? snmp.createV3Session('127.0.0.1', options.v3User, common)
    : snmp.createSession('127.0.0.1', options.community ?? 'public', {
        ...common,
        version: options.version ?? snmp.Version2c,
      });
  try {
    issue(session);
    return await datagram;
  } finally {
    session.close();
    await p.close();
  }
}

const ignore = (): void => undefined;

/** The varbinds that a net-snmp session decodes from the response `write` builds. */
async function decodedByNetSnmp(count: number, write: (w: ResponseWriter) => void): Promise<snmp.Varbind[]> {
  const p = await peer((datagram) => {
    const request = decodeCommunityRequest(datagram);
    if (!request) {
      throw new Error('request not decoded');
    }
    const w = new ResponseWriter();
    write(w);
    return w.finish(request.version, request.communityBytes, request.requestId, 0, 0);
  });
  const session = snmp.createSession('127.0.0.1', 'public', {
    port: p.port,
    version: snmp.Version2c,
    timeout: 2000,
    retries: 0,
  });
  const oids = Array.from({ length: count }, (_, i) => `1.3.6.1.${i + 1}`);
  try {
    return await new Promise<snmp.Varbind[]>((resolve, reject) =>
      session.get(oids, (error, varbinds) => (error ? reject(error) : resolve(varbinds ?? []))),
    );
  } finally {
    session.close();
    await p.close();
  }
}

/** A TLV with a definite length, for hand-made datagrams. */
function tlv(tag: number, ...content: (number[] | Buffer)[]): Buffer {
  const body = Buffer.concat(content.map((c) => Buffer.from(c)));
  const len =
    body.length < 0x80
      ? [body.length]
      : body.length < 0x100
        ? [0x81, body.length]
        : [0x82, body.length >> 8, body.length & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

function request(parts: { version?: Buffer; pdu?: number; id?: Buffer; varbinds?: Buffer[] } = {}): Buffer {
  const varbinds = parts.varbinds ?? [tlv(0x30, encodeOid('1.3.6.1.2.1.1.3.0'), [0x05, 0x00])];
  return tlv(
    0x30,
    parts.version ?? tlv(0x02, [1]),
    tlv(0x04, Buffer.from('public')),
    tlv(
      parts.pdu ?? PduTag.Get,
      parts.id ?? tlv(0x02, [0x12, 0x34]),
      tlv(0x02, [0]),
      tlv(0x02, [0]),
      tlv(0x30, ...varbinds),
    ),
  );
}

const LONG_OID = '1.3.6.1.4.1.128.16383.16384.2097151.2097152.268435455.268435456.4294967295.0';

describe('decodeCommunityRequest', () => {
  it('reads the GET, GETNEXT and GETBULK requests that net-snmp sends, v1 and v2c', async () => {
    const oids = ['1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.17.4.3.1.2.0.29.205.200.1.2', LONG_OID];
    const get = decodeCommunityRequest(
      await sentBy((s) => s.get(oids, ignore), { community: 'sim-cm-00001' }),
    );
    expect(get).toEqual(
      expect.objectContaining({ version: 1, community: 'sim-cm-00001', pduType: PduTag.Get, oids }),
    );
    expect(get?.communityBytes.toString()).toBe('sim-cm-00001');
    expect(Number.isInteger(get?.requestId)).toBe(true);

    const next = decodeCommunityRequest(
      await sentBy((s) => s.getNext(['1.3.6.1.2.1.2.2.1.1'], ignore), { version: snmp.Version1 }),
    );
    expect(next).toEqual(
      expect.objectContaining({ version: 0, pduType: PduTag.GetNext, oids: ['1.3.6.1.2.1.2.2.1.1'] }),
    );

    const bulk = decodeCommunityRequest(
      await sentBy((s) => s.getBulk(['1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.2.2.1.1'], 1, 16, ignore)),
    );
    expect(bulk).toEqual(
      expect.objectContaining({ pduType: PduTag.GetBulk, nonRepeaters: 1, maxRepetitions: 16 }),
    );
  });

  it('reads negative and long-form fields', () => {
    const decoded = decodeCommunityRequest(request({ id: tlv(0x02, [0x80, 0x00, 0x00, 0x00]) }));
    expect(decoded?.requestId).toBe(-0x80000000);
    const many = Array.from({ length: 12 }, (_, i) => tlv(0x30, encodeOid(`${LONG_OID}.${i}`), [0x05, 0x00]));
    expect(decodeCommunityRequest(request({ varbinds: many }))?.oids).toHaveLength(12);
  });

  it('leaves v3, SET and anything unusual to net-snmp', async () => {
    const v3User = { name: 'u', level: snmp.SecurityLevel.noAuthNoPriv };
    const v3 = await sentBy((s) => s.get(['1.3.6.1.2.1.1.3.0'], ignore), { v3User });
    expect(decodeCommunityRequest(v3)).toBeUndefined();
    const set = await sentBy((s) =>
      s.set([{ oid: '1.3.6.1.2.1.69.1.1.3.0', type: snmp.ObjectType.Integer, value: 1 }], ignore),
    );
    expect(decodeCommunityRequest(set)).toBeUndefined();

    const valid = request();
    expect(decodeCommunityRequest(valid)).toBeDefined();
    const unusual = {
      'trailing octets': Buffer.concat([valid, Buffer.from([0])]),
      'indefinite length': Buffer.from([0x30, 0x80, ...valid.subarray(2)]),
      'version 2': request({ version: tlv(0x02, [2]) }),
      'a five-octet request-id': request({ id: tlv(0x02, [0x00, 0xff, 0xff, 0xff, 0xff]) }),
      'an empty request-id': request({ id: tlv(0x02) }),
      'a TRAP PDU': request({ pdu: 0xa7 }),
      'a value that is not NULL': request({
        varbinds: [tlv(0x30, encodeOid('1.3.6.1.2.1.1.3.0'), [0x02, 1, 5])],
      }),
      'an empty OID': request({ varbinds: [tlv(0x30, [0x06, 0x00], [0x05, 0x00])] }),
      'a first sub-identifier above 127': request({
        varbinds: [tlv(0x30, [0x06, 0x02, 0x88, 0x37], [0x05, 0x00])],
      }),
      'a truncated sub-identifier': request({
        varbinds: [tlv(0x30, [0x06, 0x02, 0x2b, 0x86], [0x05, 0x00])],
      }),
      'a sub-identifier above 2^32-1': request({
        varbinds: [tlv(0x30, [0x06, 0x06, 0x2b, 0x90, 0x80, 0x80, 0x80, 0x00], [0x05, 0x00])],
      }),
    };
    for (const [what, datagram] of Object.entries(unusual)) {
      expect([what, decodeCommunityRequest(datagram)]).toEqual([what, undefined]);
    }
  });

  it('never throws on truncated, corrupted or random datagrams', async () => {
    const bulk = await sentBy((s) => s.getBulk(['1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.2.2.1.1'], 1, 16, ignore));
    for (let n = 0; n < bulk.length; n++) {
      expect(decodeCommunityRequest(bulk.subarray(0, n))).toBeUndefined();
    }
    for (let i = 0; i < bulk.length; i++) {
      for (const b of [0x00, 0x7f, 0x80, 0xff]) {
        const corrupted = Buffer.from(bulk);
        corrupted[i] = b;
        expect(() => decodeCommunityRequest(corrupted)).not.toThrow();
      }
    }
    let seed = 1;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
    for (let k = 0; k < 2000; k++) {
      const datagram = Buffer.from(Array.from({ length: 1 + (k % 90) }, random));
      datagram[0] = k % 3 === 0 ? 0x30 : datagram[0];
      expect(() => decodeCommunityRequest(datagram)).not.toThrow();
    }
  });
});

describe('encodeOid', () => {
  it('encodes sub-identifiers above 127 in base 128', () => {
    expect(encodeOid('1.3.6.1.2.1.1.3.0').toString('hex')).toBe('06082b06010201010300');
    expect(encodeOid('1.3.6.1.4.1.4491').toString('hex')).toBe('06072b06010401a30b');
    expect(encodeOid('1.3.4294967295').toString('hex')).toBe('06062b8fffffff7f');
    expect(encodeOid('2.999.3').toString('hex')).toBe('0603883703');
  });

  it('refuses what is not a numeric OID', () => {
    for (const oid of ['1.3.x', '1', '.1.3.6', '3.1', '1.40', '1.3.4294967296', '']) {
      expect(() => encodeOid(oid)).toThrow(TypeError);
    }
  });
});

describe('dottedOid', () => {
  const contents = (oid: string): [Buffer, number, number] => {
    const tlv = encodeOid(oid);
    // The length octets: one below 128 octets of content, 0x81 n or 0x82 n n beyond.
    const skip = tlv[1] < 0x80 ? 2 : 2 + (tlv[1] & 0x7f);
    return [tlv, skip, tlv.length];
  };

  it.each([
    ['0.0'],
    ['1.3'],
    ['2.39'],
    ['1.3.6.1.2.1.10.127.1.1.1.1.6.3'],
    [LONG_OID],
    // Longer than the text buffer it starts with: it grows, and the OID reads back whole.
    [`1.3.${Array.from({ length: 200 }, (_, i) => 4294967295 - i).join('.')}`],
  ])('reads %s back as written', (oid) => {
    expect(dottedOid(...contents(oid))).toBe(oid);
  });

  it('gives every OID its own string (the text buffer is reused, strings are not)', () => {
    const a = dottedOid(...contents('1.3.6.1.2.1.1.5.0'));
    const b = dottedOid(...contents('1.3.6.1.2.1.1.6.0'));
    expect([a, b]).toEqual(['1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.6.0']);
  });
});

describe('ResponseWriter', () => {
  const values: SnmpVarbind[] = [
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.3', type: 'Integer', value: -35 },
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.4', type: 'Integer', value: -128 },
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.5', type: 'Integer', value: -129 },
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.6', type: 'Integer', value: -0x80000000 },
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.7', type: 'Integer', value: 0x7fffffff },
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.8', type: 'Integer', value: 0 },
    { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.9', type: 'Integer', value: 128 },
    { oid: '1.3.6.1.2.1.2.2.1.10.2', type: 'Counter32', value: 0xffffffff },
    { oid: '1.3.6.1.2.1.2.2.1.10.3', type: 'Counter32', value: 0x80000000 },
    { oid: '1.3.6.1.2.1.2.2.1.5.2', type: 'Gauge32', value: 6_400_000 },
    { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 4_000_000_000 },
    { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: '' },
    { oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: 'x'.repeat(300) },
    { oid: '1.3.6.1.2.1.1.6.0', type: 'OctetString', value: 'Łódź' },
    {
      oid: '1.3.6.1.2.1.17.4.3.1.1.0.29.205.1.2.3',
      type: 'OctetString',
      value: Buffer.from([0, 0xff, 0x80, 1]),
    },
    { oid: '1.3.6.1.2.1.1.2.0', type: 'OID', value: LONG_OID },
    { oid: '1.3.6.1.2.1.4.20.1.1.10.1.2.3', type: 'IpAddress', value: '10.1.2.3' },
    { oid: LONG_OID, type: 'Integer', value: 1 },
  ];

  it('writes values that net-snmp decodes to the same values', async () => {
    const decoded = await decodedByNetSnmp(values.length, (w) => values.forEach((vb) => w.varbind(vb)));
    expect(decoded.map((vb) => vb.oid)).toEqual(values.map((vb) => vb.oid));
    const asWritten = decoded.map((vb, i) => {
      const v = values[i].value;
      return Buffer.isBuffer(vb.value) && typeof v === 'string' ? vb.value.toString('utf8') : vb.value;
    });
    expect(asWritten).toEqual(values.map((vb) => vb.value));
    expect(decoded.map((vb) => vb.type)).toEqual([
      ...Array(7).fill(snmp.ObjectType.Integer),
      snmp.ObjectType.Counter,
      snmp.ObjectType.Counter,
      snmp.ObjectType.Gauge,
      snmp.ObjectType.TimeTicks,
      ...Array(4).fill(snmp.ObjectType.OctetString),
      snmp.ObjectType.OID,
      snmp.ObjectType.IpAddress,
      snmp.ObjectType.Integer,
    ]);
  });

  it('writes Counter64 as an unsigned minimal integer', async () => {
    const counters = [0n, 127n, 128n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n, -1n];
    const decoded = await decodedByNetSnmp(counters.length, (w) =>
      counters.forEach((value, i) =>
        w.varbind({ oid: `1.3.6.1.2.1.31.1.1.1.6.${i}`, type: 'Counter64', value }),
      ),
    );
    expect(decoded.map((vb) => BigInt(`0x0${(vb.value as Buffer).toString('hex')}`))).toEqual(
      counters.map((c) => BigInt.asUintN(64, c)),
    );
    expect(decoded.map((vb) => (vb.value as Buffer).length)).toEqual([1, 1, 2, 7, 9, 9, 9]);
  });

  it('writes Opaque and Null, as a replayed capture holds them', async () => {
    const opaque = Buffer.from('9f78043f000000', 'hex');
    const decoded = await decodedByNetSnmp(2, (w) => {
      w.varbind({ oid: '1.3.6.1.4.1.2021.10.1.6.1', type: 'Opaque', value: opaque });
      w.varbind({ oid: '1.3.6.1.4.1.9999.1.0', type: 'Null', value: Buffer.alloc(0) });
    });
    expect(decoded.map((vb) => [vb.type, vb.value])).toEqual([
      [snmp.ObjectType.Opaque, opaque],
      [snmp.ObjectType.Null, null],
    ]);
  });

  it('writes noSuchObject, noSuchInstance and endOfMibView', async () => {
    const decoded = await decodedByNetSnmp(3, (w) => {
      w.exception('1.3.6.1.2.1.1.99.0', ExceptionTag.NoSuchObject);
      w.exception('1.3.6.1.2.1.1.3.1', ExceptionTag.NoSuchInstance);
      w.exception(LONG_OID, ExceptionTag.EndOfMibView, encodeOid(LONG_OID));
    });
    expect(decoded.map((vb) => [vb.oid, vb.type])).toEqual([
      ['1.3.6.1.2.1.1.99.0', snmp.ObjectType.NoSuchObject],
      ['1.3.6.1.2.1.1.3.1', snmp.ObjectType.NoSuchInstance],
      [LONG_OID, snmp.ObjectType.EndOfMibView],
    ]);
  });

  it('uses long-form lengths for large messages', () => {
    const w = new ResponseWriter();
    for (let i = 0; i < 300; i++) {
      w.varbind({ oid: `1.3.6.1.2.1.1.1.${i}`, type: 'OctetString', value: 'y'.repeat(250) });
    }
    const out = w.finish(1, Buffer.from('public'), -1, 0, 0);
    expect(w.count).toBe(300);
    expect([out[0], out[1]]).toEqual([0x30, 0x83]);
    expect(out.readUIntBE(2, 3)).toBe(out.length - 5);
  });

  it('refuses values that their type cannot carry, as net-snmp does', () => {
    const w = new ResponseWriter();
    const oid = '1.3.6.1.2.1.1.7.0';
    expect(() => w.varbind({ oid, type: 'Integer', value: 2 ** 31 })).toThrow(RangeError);
    expect(() => w.varbind({ oid, type: 'Integer', value: 1.5 })).toThrow(TypeError);
    expect(() => w.varbind({ oid, type: 'Counter32', value: -1 })).toThrow(RangeError);
    expect(() => w.varbind({ oid, type: 'Gauge32', value: '7' })).toThrow(TypeError);
    expect(() => w.varbind({ oid, type: 'IpAddress', value: '10.1.2' })).toThrow(TypeError);
  });
});
