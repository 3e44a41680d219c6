import * as dgram from 'node:dgram';
import { once } from 'node:events';
import { decodeCommunityRequest, ExceptionTag, PduTag, ResponseWriter } from '../mib/ber/ber-codec';
import type { SnmpClientOptions } from '../domain/snmp-target';
import { SnmpClient } from './snmp-client';

// The session's lean path where an answer is unusual: whatever net-snmp would refuse or report, the lean session
// must refuse or report the same way (it hands such answers to net-snmp), and usual answers read the same.
// A UDP peer on 127.0.0.1 answers each request as the case says.

type Answer = (req: NonNullable<ReturnType<typeof decodeCommunityRequest>>) => Buffer | undefined;

async function peer(answer: Answer) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (datagram, rinfo) => {
    const req = decodeCommunityRequest(datagram);
    const out = req && answer(req);
    if (out) {
      socket.send(out, rinfo.port, rinfo.address);
    }
  });
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return { port: socket.address().port, close: () => new Promise<void>((r) => socket.close(() => r())) };
}

function reply(
  req: { version: number; requestId: number },
  varbinds: { oid: string; type?: 'Integer' | 'OctetString'; value?: number | string; exception?: number }[],
  { community = 'public', errorStatus = 0, errorIndex = 0 } = {},
): Buffer {
  const w = new ResponseWriter();
  w.reset();
  for (const vb of varbinds) {
    if (vb.exception !== undefined) {
      w.exception(vb.oid, vb.exception);
    } else {
      w.varbind({ oid: vb.oid, type: vb.type ?? 'Integer', value: vb.value ?? 1 });
    }
  }
  return w.finish(req.version, Buffer.from(community), req.requestId, errorStatus, errorIndex);
}

const OPTIONS: SnmpClientOptions = { timeoutMs: 300, retries: 0, maxRepetitions: 4 };

/** The outcome of `run` with the lean path on and off: values or the error's message. */
async function both(answer: Answer, run: 'get' | 'walk'): Promise<[unknown, unknown]> {
  const p = await peer(answer);
  try {
    const outcome = async (lean: boolean) => {
      const session = new SnmpClient({ ...OPTIONS, client: lean ? 'lean' : 'net-snmp' }).open({
        host: '127.0.0.1',
        port: p.port,
        credentials: { version: '2c', community: 'public' },
      });
      try {
        return run === 'get'
          ? await session.get(['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.3.0'])
          : await session.walkColumns(['1.3.6.1.2.1.2.2.1.3', '1.3.6.1.2.1.2.2.1.8']);
      } catch (error) {
        return (error as Error).message;
      } finally {
        session.close();
      }
    };
    return [await outcome(true), await outcome(false)];
  } finally {
    await p.close();
  }
}

describe('SnmpSession lean path on unusual answers', () => {
  it('reads a usual GET the same, leaving exceptions out', async () => {
    const [lean, classic] = await both(
      (req) =>
        reply(req, [
          { oid: req.oids[0], type: 'OctetString', value: 'modem' },
          { oid: req.oids[1], exception: ExceptionTag.NoSuchObject },
        ]),
      'get',
    );
    expect(lean).toEqual(classic);
    expect(lean).toEqual([{ oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: 'modem' }]);
  });

  it('reports an error status the same', async () => {
    const [lean, classic] = await both(
      (req) =>
        reply(
          req,
          req.oids.map((oid) => ({ oid })),
          { errorStatus: 2, errorIndex: 2 },
        ),
      'get',
    );
    expect(lean).toBe(classic);
    expect(lean).toContain('NoSuchName');
  });

  it('refuses a GET answer with fewer varbinds than asked the same', async () => {
    const [lean, classic] = await both((req) => reply(req, [{ oid: req.oids[0] }]), 'get');
    expect(lean).toBe(classic);
    expect(typeof lean).toBe('string');
  });

  it('refuses an answer with another community the same (redacted)', async () => {
    const [lean, classic] = await both(
      (req) =>
        reply(
          req,
          req.oids.map((oid) => ({ oid })),
          { community: 'other' },
        ),
      'get',
    );
    expect(lean).toBe(classic);
    expect(lean).toContain('***');
  });

  it('walks with short and exception-ended GETBULK answers the same', async () => {
    const [lean, classic] = await both((req) => {
      if (req.pduType !== PduTag.GetBulk) {
        return undefined;
      }
      // One row per column per request, the second column ending at row 3 with endOfMibView.
      return reply(
        req,
        req.oids.map((oid, k) => {
          const row = oid.split('.').length > 10 ? Number(oid.split('.').pop()) + 1 : 1;
          const base = oid.split('.').slice(0, 10).join('.');
          return k === 1 && row > 3
            ? { oid: `${base}.${row}`, exception: ExceptionTag.EndOfMibView }
            : row > 5
              ? { oid: `1.3.6.1.2.1.2.2.1.9.${row}` }
              : { oid: `${base}.${row}`, value: row };
        }),
      );
    }, 'walk');
    expect(lean).toEqual(classic);
    expect(lean).toHaveLength(5 + 3);
  });

  it('refuses a GETBULK answer whose OIDs go backwards the same (then falls back to GETNEXT)', async () => {
    const [lean, classic] = await both((req) => {
      if (req.pduType === PduTag.GetBulk) {
        return reply(
          req,
          req.oids.map(() => ({ oid: '1.3.6.1.2.1.1.1.0' })),
        );
      }
      return reply(
        req,
        req.oids.map(() => ({ oid: '1.3.6.1.2.1.99.1.0' })),
      );
    }, 'walk');
    expect(lean).toEqual(classic);
    expect(lean).toEqual([]);
  });
});
