import * as dgram from 'node:dgram';
import { once } from 'node:events';
import { decodeCommunityRequest, PduTag, ResponseWriter } from '../mib/ber/ber-codec';
import { SnmpTransport } from './snmp-transport';

// The lean client's transport over real UDP on 127.0.0.1: a peer that answers as each case says.

type Request = NonNullable<ReturnType<typeof decodeCommunityRequest>>;

async function peer(answer: (req: Request, datagram: Buffer) => Buffer[]) {
  const socket = dgram.createSocket('udp4');
  const seen: Request[] = [];
  socket.on('message', (datagram, rinfo) => {
    const req = decodeCommunityRequest(datagram);
    if (req) {
      seen.push(req);
      for (const out of answer(req, datagram)) {
        socket.send(out, rinfo.port, rinfo.address);
      }
    }
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return {
    port: socket.address().port,
    seen,
    close: () => new Promise<void>((r) => socket.close(() => r())),
  };
}

function reply(req: Request, requestId = req.requestId): Buffer {
  const w = new ResponseWriter();
  w.reset();
  req.oids.forEach((oid) => w.varbind({ oid, type: 'Integer', value: 7 }));
  return w.finish(req.version, Buffer.from(req.community), requestId, 0, 0);
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(check()).toBe(true);
}

const GET = { version: 1, community: 'public', pduType: PduTag.Get, oids: ['1.3.6.1.2.1.1.3.0'] };

describe('SnmpTransport', () => {
  let transport: SnmpTransport;
  beforeEach(() => (transport = new SnmpTransport(2)));
  afterEach(() => transport.close());

  it('settles each request with its own answer, many in flight over shared sockets', async () => {
    const p = await peer((req) => [reply(req)]);
    try {
      const answers = await Promise.all(
        Array.from({ length: 200 }, () =>
          transport.request('127.0.0.1', p.port, GET, { timeoutMs: 2000, retries: 0 }),
        ),
      );
      const ids = new Set(answers.map((a) => a.requestId));
      expect(ids.size).toBe(200);
      expect(p.seen.map((r) => r.requestId).sort()).toEqual([...ids].sort());
      expect(answers.every((a) => a.varbinds[0].value === 7)).toBe(true);
      expect(transport.inFlight).toBe(0);
    } finally {
      await p.close();
    }
  });

  it('retries with the same message and id, then times out naming the datagrams it could not read', async () => {
    const p = await peer(() => [Buffer.from('not snmp')]);
    try {
      await expect(
        transport.request('127.0.0.1', p.port, GET, { timeoutMs: 80, retries: 2 }),
      ).rejects.toThrow(
        /^Request timed out; the agent sent 3 datagram\(s\) that were not a well-formed answer$/,
      );
      expect(p.seen).toHaveLength(3);
      expect(new Set(p.seen.map((r) => r.requestId)).size).toBe(1);
      expect(transport.stats.undecodable).toBe(3);
    } finally {
      await p.close();
    }
  });

  it('ignores answers with another request id, and a late answer to a retried request', async () => {
    let tries = 0;
    const p = await peer((req) => {
      tries++;
      // First try: an answer with the wrong id. Second try: the right one, twice.
      return tries === 1 ? [reply(req, (req.requestId + 1) | 0)] : [reply(req), reply(req)];
    });
    try {
      const answer = await transport.request('127.0.0.1', p.port, GET, { timeoutMs: 300, retries: 1 });
      expect(answer.requestId).toBe(p.seen[0].requestId);
      await until(() => transport.stats.unmatched === 2);
    } finally {
      await p.close();
    }
  });

  it("does not take another peer's datagram as the answer", async () => {
    const target = await peer(() => []);
    const other = dgram.createSocket('udp4');
    other.bind(0, '127.0.0.1');
    await once(other, 'listening');
    try {
      const pending = transport.request('127.0.0.1', target.port, GET, { timeoutMs: 60_000, retries: 0 });
      await until(() => target.seen.length > 0);
      // The request reached the target; a third party answers it to the client's socket with the right id.
      const req = target.seen[0];
      const sockets = (transport as unknown as { sockets: Map<string, dgram.Socket[]> }).sockets.get('udp4')!;
      for (const s of sockets) {
        try {
          other.send(reply(req), s.address().port, '127.0.0.1');
        } catch {
          // a socket that has sent nothing yet is not bound
        }
      }
      // Counted as another peer's, and the request still waits for its own answer (closing ends it, not a timer).
      await until(() => transport.stats.wrongPeer >= 1);
      expect(transport.inFlight).toBe(1);
      transport.close();
      await expect(pending).rejects.toThrow('SNMP client closed');
    } finally {
      other.close();
      await target.close();
    }
  });

  it('fails what is in flight when closed, and opens new sockets for the next request', async () => {
    const silent = await peer(() => []);
    const honest = await peer((req) => [reply(req)]);
    try {
      const pending = transport.request('127.0.0.1', silent.port, GET, { timeoutMs: 5000, retries: 0 });
      transport.close();
      await expect(pending).rejects.toThrow('SNMP client closed');
      const answer = await transport.request('127.0.0.1', honest.port, GET, { timeoutMs: 2000, retries: 0 });
      expect(answer.varbinds).toHaveLength(1);
    } finally {
      await silent.close();
      await honest.close();
    }
  });

  it('refuses an invalid OID before sending anything', async () => {
    await expect(
      transport.request('127.0.0.1', 9, { ...GET, oids: ['not.an.oid'] }, { timeoutMs: 100, retries: 0 }),
    ).rejects.toThrow(/invalid OID/);
    expect(transport.inFlight).toBe(0);
  });
});
