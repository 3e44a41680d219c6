import type * as dgram from 'node:dgram';
import {
  decodeCommunityRequest,
  ExceptionTag,
  PduTag,
  ResponseWriter,
  type CommunityRequest,
} from '../mib/ber/ber-codec';
import type { AgentBackend, AgentStats, AgentVarbind, AgentView } from './agent-view';

// net-snmp's BER decoding and encoding cost most of the simulator's CPU per poll. Plain v1/v2c reads, which are
// nearly all of its traffic, are answered here with our own codec; everything else (v3, SET, anything unusual)
// goes to net-snmp as before.

export class FastPath {
  private readonly writer = new ResponseWriter();

  constructor(
    private readonly backend: AgentBackend,
    private readonly stats: AgentStats,
    private readonly maxBulk: number,
    private readonly getBulk: boolean,
  ) {}

  /** Answers or drops a plain v1/v2c GET, GETNEXT or GETBULK; false: the datagram is net-snmp's to handle. */
  handle(socket: dgram.Socket, datagram: Buffer, rinfo: dgram.RemoteInfo): boolean {
    const request = decodeCommunityRequest(datagram);
    if (!request || (request.pduType === PduTag.GetBulk && !this.getBulk)) {
      return false;
    }
    this.stats.requests++;
    const view = this.backend.viewFor(request.community, 'v2c');
    if (!view) {
      this.stats.dropped++;
      return true;
    }
    const response = this.respond(view, request);
    this.stats.varbindsOut += this.writer.count;
    const send = (): void => socket.send(response, rinfo.port, rinfo.address, onSent);
    if (view.delayMs) {
      setTimeout(send, view.delayMs);
    } else {
      send();
    }
    return true;
  }

  private respond(view: AgentView, request: CommunityRequest): Buffer {
    const w = this.writer;
    w.reset();
    if (request.version === SNMP_V1) {
      return this.respondV1(view, request);
    }
    if (request.pduType === PduTag.Get) {
      for (const oid of request.oids) {
        const found = view.get(oid);
        if (found) {
          w.varbind(found);
        } else {
          w.exception(oid, ExceptionTag.NoSuchObject);
        }
      }
    } else {
      const nextOrEnd = (found: AgentVarbind | undefined, oid: string, oidBer?: Buffer): void => {
        if (found) {
          w.varbind(found);
        } else {
          w.exception(oid, ExceptionTag.EndOfMibView, oidBer);
        }
      };
      if (request.pduType === PduTag.GetNext) {
        for (const oid of request.oids) {
          nextOrEnd(view.next(oid), oid);
        }
      } else {
        walkBulk(view, request.oids, request.nonRepeaters, request.maxRepetitions, this.maxBulk, nextOrEnd);
      }
    }
    return w.finish(request.version, request.communityBytes, request.requestId, 0, 0);
  }

  /**
   * SNMPv1 has no exception values (RFC 3584 §4.4): a varbind without an answer fails the whole request with
   * noSuchName and its index, and the request's varbinds come back unchanged. v1 cannot carry Counter64 either.
   */
  private respondV1(view: AgentView, request: CommunityRequest): Buffer {
    const w = this.writer;
    const found = request.oids.map((oid) => v1Answer(view, oid, request.pduType === PduTag.GetNext));
    const failed = found.findIndex((vb) => vb === undefined);
    if (failed < 0) {
      found.forEach((vb) => w.varbind(vb!));
      return w.finish(request.version, request.communityBytes, request.requestId, 0, 0);
    }
    request.oids.forEach((oid) => w.exception(oid, NULL_TAG));
    return w.finish(request.version, request.communityBytes, request.requestId, NO_SUCH_NAME, failed + 1);
  }
}

const SNMP_V1 = 0;
/** RFC 1157 error-status noSuchName. */
export const NO_SUCH_NAME = 2;
/** An ASN.1 NULL (tag 5, length 0): the value of each varbind in a v1 error response. */
const NULL_TAG = 0x05;

/** A v1 GET's or GETNEXT's answer for one OID: GETNEXT steps over Counter64 objects (RFC 3584 §4.4). */
export function v1Answer(view: AgentView, oid: string, next: boolean): AgentVarbind | undefined {
  if (!next) {
    const found = view.get(oid);
    return found?.type === 'Counter64' ? undefined : found;
  }
  let found = view.next(oid);
  while (found?.type === 'Counter64') {
    found = view.next(found.oid);
  }
  return found;
}

function onSent(error: Error | null): void {
  if (error) {
    // As net-snmp's listener reports it.
    console.error(`Error sending: ${error.message}`);
  }
}

/**
 * GETBULK (RFC 3416 §4.2.3) over a view, for both paths, capped at maxBulk varbinds. emit receives each
 * result in order: the varbind found, or undefined and the OID at which the view ended.
 */
export function walkBulk(
  view: AgentView,
  oids: readonly string[],
  nonRepeaters: number,
  maxRepetitions: number,
  maxBulk: number,
  emit: (found: AgentVarbind | undefined, oid: string, oidBer?: Buffer) => void,
): void {
  const n = Math.min(Math.max(nonRepeaters, 0), oids.length);
  let out = 0;
  for (let i = 0; i < n && out < maxBulk; i++, out++) {
    emit(view.next(oids[i]), oids[i]);
  }
  const cursors = oids.slice(n);
  // The last varbind found in each column, so that the view can step on from it.
  const lastFound: (AgentVarbind | undefined)[] = cursors.map(() => undefined);
  for (let r = 0; r < maxRepetitions && cursors.length > 0; r++) {
    let allEnded = true;
    for (let k = 0; k < cursors.length; k++) {
      if (out >= maxBulk) {
        return;
      }
      const last = lastFound[k];
      const found = last && view.nextAfter ? view.nextAfter(last) : view.next(cursors[k]);
      if (found) {
        cursors[k] = found.oid;
        lastFound[k] = found;
        allEnded = false;
      }
      emit(found, cursors[k], lastFound[k]?.oidBer);
      out++;
    }
    if (allEnded) {
      break;
    }
  }
}
