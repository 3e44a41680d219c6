import { createSocket, type RemoteInfo } from 'node:dgram';
import { isIP } from 'node:net';
import {
  decodeCommunityResponse,
  encodeCommunityRequest,
  type CommunityRequestSpec,
  type CommunityResponse,
} from '../mib/ber/client-codec';

// Our own SNMPv1/v2c manager transport: a few long-lived UDP sockets shared by every poll, request ids, timeouts
// and retries. A poll then costs no socket of its own (net-snmp opens and closes one per session), requests are
// written by mib/ber's encoder and answers read by its strict decoder. It only carries messages: what an answer
// means (error status, varbind count, OID order) is the session's business.

/** The part of a node:dgram socket the transport uses (a test can hand in its own). */
export interface DatagramSocket {
  send(msg: Buffer, port: number, address: string, callback: (error: Error | null) => void): void;
  on(event: 'message', listener: (msg: Buffer, rinfo: RemoteInfo) => void): this;
  close(): void;
}

export type SocketFactory = (family: 'udp4' | 'udp6') => DatagramSocket;

export interface RequestTiming {
  timeoutMs: number;
  retries: number;
}

export class SnmpTimeoutError extends Error {
  override name = 'RequestTimedOutError';
}

export class SnmpTransportError extends Error {
  override name = 'SnmpTransportError';
}

interface Pending {
  resolve(answer: CommunityResponse): void;
  reject(error: Error): void;
  message: Buffer;
  host: string;
  port: number;
  socket: DatagramSocket;
  triesLeft: number;
  timeoutMs: number;
  timer: NodeJS.Timeout | undefined;
  /** Datagrams from the target that were not one well-formed answer: named when the request times out. */
  refused: number;
}

/** Counts of datagrams the transport dropped, for the reliability suite and metrics. */
export interface TransportStats {
  undecodable: number;
  unmatched: number;
  wrongPeer: number;
}

/** Request ids are positive 31-bit integers, as net-snmp's and most agents' INTEGER decoders expect. */
const MAX_REQUEST_ID = 0x7fffffff;
/** Answers of a whole fleet's polls in flight queue here while the event loop is busy (the kernel may cap it). */
const RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

export class SnmpTransport {
  private readonly pending = new Map<number, Pending>();
  private readonly sockets = new Map<string, DatagramSocket[]>();
  private turn = 0;
  readonly stats: TransportStats = { undecodable: 0, unmatched: 0, wrongPeer: 0 };

  constructor(
    /** Sockets per address family: each has its own kernel receive buffer. */
    private readonly socketsPerFamily = 4,
    private readonly openSocket: SocketFactory = openUdpSocket,
  ) {}

  /** Sends one request and settles with the first well-formed answer to it, or a timeout after every try. */
  request(
    host: string,
    port: number,
    spec: Omit<CommunityRequestSpec, 'requestId'>,
    timing: RequestTiming,
  ): Promise<CommunityResponse> {
    return new Promise((resolve, reject) => {
      const requestId = this.takeId();
      let message: Buffer;
      try {
        message = encodeCommunityRequest({ ...spec, requestId });
      } catch (error) {
        return reject(error instanceof Error ? error : new SnmpTransportError(String(error)));
      }
      const p: Pending = {
        resolve,
        reject,
        message,
        host,
        port,
        socket: this.socketFor(host),
        triesLeft: timing.retries + 1,
        timeoutMs: timing.timeoutMs,
        timer: undefined,
        refused: 0,
      };
      this.pending.set(requestId, p);
      this.send(requestId, p);
    });
  }

  /** Fails every request in flight and closes the sockets; a later request opens new ones. */
  close(): void {
    for (const [id, p] of this.pending) {
      this.settle(id, p);
      p.reject(new SnmpTransportError('SNMP client closed'));
    }
    for (const group of this.sockets.values()) {
      group.forEach((s) => {
        try {
          s.close();
        } catch {
          // already closed
        }
      });
    }
    this.sockets.clear();
  }

  /** How many requests wait for an answer. */
  get inFlight(): number {
    return this.pending.size;
  }

  private send(id: number, p: Pending): void {
    p.triesLeft--;
    p.timer = setTimeout(() => this.expire(id, p), p.timeoutMs);
    p.socket.send(p.message, p.port, p.host, (error) => {
      if (error && this.pending.get(id) === p) {
        this.settle(id, p);
        p.reject(new SnmpTransportError(error.message));
      }
    });
  }

  private expire(id: number, p: Pending): void {
    if (this.pending.get(id) !== p) {
      return;
    }
    if (p.triesLeft > 0) {
      this.send(id, p);
      return;
    }
    this.settle(id, p);
    p.reject(
      new SnmpTimeoutError(
        p.refused > 0
          ? `Request timed out; the agent sent ${p.refused} datagram(s) that were not a well-formed answer`
          : 'Request timed out',
      ),
    );
  }

  private settle(id: number, p: Pending): void {
    clearTimeout(p.timer);
    this.pending.delete(id);
  }

  private receive(msg: Buffer, rinfo: RemoteInfo): void {
    const answer = decodeCommunityResponse(msg);
    if (answer === undefined) {
      this.stats.undecodable++;
      // Which request it answers is unknown: every request to that peer hears of it when it times out.
      for (const p of this.pending.values()) {
        if (p.port === rinfo.port && samePeer(p.host, rinfo.address)) {
          p.refused++;
        }
      }
      return;
    }
    const p = this.pending.get(answer.requestId);
    if (!p) {
      // An answer to a try that was retried and already answered, or to nothing we asked.
      this.stats.unmatched++;
      return;
    }
    // On a shared socket a datagram from another peer is never this request's answer.
    if (p.port !== rinfo.port || !samePeer(p.host, rinfo.address)) {
      this.stats.wrongPeer++;
      return;
    }
    this.settle(answer.requestId, p);
    p.resolve(answer);
  }

  /** Random, as net-snmp's: an agent that answers with a neighbouring id must not hit the poll's other request. */
  private takeId(): number {
    let id: number;
    do {
      id = 1 + Math.floor(Math.random() * MAX_REQUEST_ID);
    } while (this.pending.has(id));
    return id;
  }

  private socketFor(host: string): DatagramSocket {
    const family = isIP(host) === 6 ? 'udp6' : 'udp4';
    let group = this.sockets.get(family);
    if (!group) {
      group = Array.from({ length: this.socketsPerFamily }, () => {
        const socket = this.openSocket(family);
        socket.on('message', (msg, rinfo) => this.receive(msg, rinfo));
        return socket;
      });
      this.sockets.set(family, group);
    }
    this.turn = (this.turn + 1) % group.length;
    return group[this.turn];
  }
}

function openUdpSocket(family: 'udp4' | 'udp6'): DatagramSocket {
  const socket = createSocket({ type: family, recvBufferSize: RECEIVE_BUFFER_BYTES });
  // Errors reach the request through send's callback; without a listener an 'error' event would crash.
  socket.on('error', () => undefined);
  // Pending requests keep the process alive through their timers; an idle client must not.
  socket.unref();
  return socket;
}

/** A hostname target is matched by the address it resolved to only loosely: any address answers for it. */
function samePeer(host: string, address: string): boolean {
  if (isIP(host) === 0) {
    return true;
  }
  return host === address || normalise(host) === normalise(address);
}

function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address.toLowerCase();
}
