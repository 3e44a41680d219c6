import * as dgram from 'node:dgram';
import * as snmp from 'net-snmp';
import { FastPath, NO_SUCH_NAME, v1Answer, walkBulk } from './agent-fast-path';
import { PduTag } from '../mib/ber/ber-codec';
import type { SnmpType, WireType } from '../mib/snmp-value';
import type { AgentBackend, AgentStats, AgentVarbind, AgentView, SetResult, V3User } from './agent-view';
import { usmUser } from '../snmp/usm';

// A lean SNMP responder over net-snmp's own message decoding, USM and encoding. net-snmp's Mib-backed Agent
// costs ~5 ms CPU per modem poll (perf-probe §2.2); here each request is answered straight from a device view
// (sorted OIDs, values computed on demand), so one process can serve a whole simulated fleet on one port.
// Plain v1/v2c reads skip net-snmp's codec altogether (agent-fast-path.ts).

export interface SnmpAgentOptions {
  address: string;
  port: number;
  /** Cap on varbinds in one GETBULK response, as real agents cap by message size. */
  maxBulkVarbinds: number;
  v3Users?: V3User[];
  /** False: answer GETBULK with genErr, as SNMPv1-only embedded agents do. */
  getBulk?: boolean;
  /** False: answer v1/v2c reads through net-snmp too (slower; tests compare the two paths). */
  fastPath?: boolean;
}

const TYPE_CODE: Record<WireType, number> = {
  Integer: snmp.ObjectType.Integer,
  OctetString: snmp.ObjectType.OctetString,
  OID: snmp.ObjectType.OID,
  IpAddress: snmp.ObjectType.IpAddress,
  Counter32: snmp.ObjectType.Counter,
  Gauge32: snmp.ObjectType.Gauge,
  TimeTicks: snmp.ObjectType.TimeTicks,
  Counter64: snmp.ObjectType.Counter64,
  Opaque: snmp.ObjectType.Opaque,
  Null: snmp.ObjectType.Null,
};

const TYPE_NAME = new Map<number, SnmpType>(
  Object.entries(TYPE_CODE)
    .filter(([n]) => n !== 'Opaque' && n !== 'Null')
    .map(([n, c]) => [c, n as SnmpType]),
);

const SET_ERROR: Record<Exclude<SetResult, 'ok'>, number> = {
  noAccess: snmp.ErrorStatus.NoAccess,
  notWritable: snmp.ErrorStatus.NotWritable,
  wrongType: snmp.ErrorStatus.WrongType,
  wrongValue: snmp.ErrorStatus.WrongValue,
  noCreation: snmp.ErrorStatus.NoCreation,
};

interface WireVarbind {
  oid: string;
  type: number;
  value: unknown;
}

// The parts of net-snmp's (untyped) internals this class relies on; pinned by the ~3.29.2 dependency range.
interface NetSnmpMessage {
  version: number;
  community?: string;
  user?: { name: string };
  pdu: {
    type: number;
    varbinds: WireVarbind[];
    nonRepeaters?: number;
    maxRepetitions?: number;
    getResponsePduForRequest(): { varbinds: WireVarbind[]; errorStatus: number; errorIndex: number };
  };
  createResponseForRequest(pdu: unknown): unknown;
}
type Handler = (socket: dgram.Socket, message: NetSnmpMessage, rinfo: dgram.RemoteInfo) => void;
type DatagramListener = (datagram: Buffer, rinfo: dgram.RemoteInfo) => void;
interface NetSnmpAgent {
  listener: {
    sockets: Record<string, dgram.Socket>;
    send(msg: unknown, rinfo: unknown, socket: unknown): void;
  };
  getAuthorizer(): { addUser(user: unknown): void };
  getRequest: Handler;
  getNextRequest: Handler;
  getBulkRequest: Handler;
  setRequest: Handler;
  onProxyRequest: Handler;
  close(cb?: () => void): void;
}

export class SnmpAgent {
  private constructor(
    private readonly agent: NetSnmpAgent,
    readonly port: number,
    readonly stats: AgentStats,
  ) {}

  static async start(options: SnmpAgentOptions, backend: AgentBackend): Promise<SnmpAgent> {
    const port = options.port || (await freeUdpPort(options.address));
    const stats: AgentStats = { requests: 0, dropped: 0, badPackets: 0, varbindsOut: 0 };
    const agent = snmp.createAgent(
      { port, address: options.address, disableAuthorization: true },
      (error: Error | null) => {
        if (error) {
          stats.badPackets++;
        }
      },
    ) as NetSnmpAgent;
    const self = new SnmpAgent(agent, port, stats);
    for (const user of options.v3Users ?? []) {
      self.addV3User(user);
    }
    self.route(backend, options.maxBulkVarbinds, options.getBulk ?? true);
    if (options.fastPath ?? true) {
      self.serveFastPath(new FastPath(backend, stats, options.maxBulkVarbinds, options.getBulk ?? true));
    }
    await Promise.all(
      Object.values(agent.listener.sockets).map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            socket.once('listening', () => {
              // One port serves every simulated modem: the default 208 KiB receive buffer overflows under load.
              socket.setRecvBufferSize(4 << 20);
              resolve();
            });
            socket.once('error', reject);
          }),
      ),
    );
    return self;
  }

  addV3User(user: V3User): void {
    this.agent
      .getAuthorizer()
      .addUser(usmUser(user.name, user.authProtocol, user.authKey, user.privProtocol, user.privKey));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.agent.close(() => resolve()));
  }

  /** Puts the fast path in front of net-snmp's own 'message' listener on each socket. */
  private serveFastPath(fast: FastPath): void {
    for (const socket of Object.values(this.agent.listener.sockets)) {
      const netSnmp = socket.listeners('message') as DatagramListener[];
      socket.removeAllListeners('message');
      socket.on('message', (datagram: Buffer, rinfo: dgram.RemoteInfo) => {
        try {
          if (!fast.handle(socket, datagram, rinfo)) {
            netSnmp.forEach((listener) => listener.call(socket, datagram, rinfo));
          }
        } catch {
          // net-snmp reports what it cannot decode; this catches the rest (such as a value out of its type's
          // range, or net-snmp failing to encode an answer) so that one datagram never stops the agent.
          this.stats.badPackets++;
        }
      });
    }
  }

  private route(backend: AgentBackend, maxBulk: number, getBulk: boolean): void {
    const agent = this.agent;
    const stats = this.stats;
    const respond = (
      socket: dgram.Socket,
      message: NetSnmpMessage,
      rinfo: dgram.RemoteInfo,
      answer: (view: AgentView, pdu: ReturnType<NetSnmpMessage['pdu']['getResponsePduForRequest']>) => void,
    ): void => {
      stats.requests++;
      const v3 = message.version === snmp.Version3;
      const view = backend.viewFor(
        v3 ? (message.user?.name ?? '') : (message.community ?? ''),
        v3 ? 'v3' : 'v2c',
      );
      if (!view) {
        stats.dropped++;
        return;
      }
      const pdu = message.pdu.getResponsePduForRequest();
      const read = message.pdu.type === PduTag.Get || message.pdu.type === PduTag.GetNext;
      if (message.version === snmp.Version1 && read) {
        answerV1(view, message, pdu);
      } else {
        answer(view, pdu);
      }
      stats.varbindsOut += pdu.varbinds.length;
      const send = (): void => agent.listener.send(message.createResponseForRequest(pdu), rinfo, socket);
      if (view.delayMs) {
        setTimeout(send, view.delayMs);
      } else {
        send();
      }
    };

    agent.getRequest = (socket, message, rinfo) =>
      respond(socket, message, rinfo, (view, pdu) => {
        pdu.varbinds = message.pdu.varbinds.map((vb) => toWire(view.get(vb.oid)) ?? noSuch(vb.oid));
      });
    agent.getNextRequest = (socket, message, rinfo) =>
      respond(socket, message, rinfo, (view, pdu) => {
        pdu.varbinds = message.pdu.varbinds.map((vb) => toWire(view.next(vb.oid)) ?? endOfView(vb.oid));
      });
    agent.getBulkRequest = (socket, message, rinfo) =>
      respond(socket, message, rinfo, (view, pdu) => {
        if (getBulk) {
          const out: WireVarbind[] = [];
          const { varbinds, nonRepeaters, maxRepetitions } = message.pdu;
          walkBulk(
            view,
            varbinds.map((vb) => vb.oid),
            nonRepeaters ?? 0,
            maxRepetitions ?? 0,
            maxBulk,
            (found, oid) => out.push(toWire(found) ?? endOfView(oid)),
          );
          pdu.varbinds = out;
        } else {
          pdu.varbinds = message.pdu.varbinds;
          pdu.errorStatus = snmp.ErrorStatus.GeneralError;
          pdu.errorIndex = 1;
        }
      });
    agent.setRequest = (socket, message, rinfo) =>
      respond(socket, message, rinfo, (view, pdu) => {
        pdu.varbinds = message.pdu.varbinds;
        message.pdu.varbinds.forEach((vb, i) => {
          const result = view.set(vb.oid, TYPE_NAME.get(vb.type) ?? 'OctetString', vb.value);
          if (result !== 'ok' && !pdu.errorStatus) {
            pdu.errorStatus = SET_ERROR[result];
            pdu.errorIndex = i + 1;
          }
        });
      });
    // A non-empty v3 context is not a proxy here: no per-context views, so answer as unknown.
    agent.onProxyRequest = () => {
      stats.requests++;
      stats.dropped++;
    };
  }
}

function toWire(vb: AgentVarbind | undefined): WireVarbind | undefined {
  if (!vb) {
    return undefined;
  }
  const value =
    vb.type === 'Counter64' ? counter64Buffer(vb.value as bigint) : vb.type === 'Null' ? null : vb.value;
  return { oid: vb.oid, type: TYPE_CODE[vb.type], value };
}

function counter64Buffer(value: bigint): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(BigInt.asUintN(64, value));
  return buf;
}

/** As the fast path answers v1 (RFC 3584 §4.4): noSuchName and the failing index instead of exception values. */
function answerV1(
  view: AgentView,
  message: NetSnmpMessage,
  pdu: ReturnType<NetSnmpMessage['pdu']['getResponsePduForRequest']>,
): void {
  const next = message.pdu.type === PduTag.GetNext;
  const found = message.pdu.varbinds.map((vb) => toWire(v1Answer(view, vb.oid, next)));
  const failed = found.findIndex((vb) => vb === undefined);
  if (failed < 0) {
    pdu.varbinds = found as WireVarbind[];
    return;
  }
  pdu.varbinds = message.pdu.varbinds.map((vb) => ({ oid: vb.oid, type: snmp.ObjectType.Null, value: null }));
  pdu.errorStatus = NO_SUCH_NAME;
  pdu.errorIndex = failed + 1;
}

function noSuch(oid: string): WireVarbind {
  return { oid, type: snmp.ObjectType.NoSuchObject, value: null };
}

function endOfView(oid: string): WireVarbind {
  return { oid, type: snmp.ObjectType.EndOfMibView, value: null };
}

export function freeUdpPort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, address, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
