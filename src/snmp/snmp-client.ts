import type { RemoteInfo, Socket } from 'node:dgram';
import * as snmp from 'net-snmp';
import { walkDeadlineMs, type SnmpClientOptions, type SnmpTarget } from '../domain/snmp-target';
import {
  decodeCommunityResponse,
  isException,
  isNeutral,
  type CommunityResponse,
  type ResponseValueType,
  type ResponseVarbind,
} from '../mib/ber/client-codec';
import { compareOids, parseOid, type SnmpType, type SnmpVarbind } from '../mib/snmp-value';
import { usmUser } from './usm';

// The manager side of net-snmp: one session per target, GET for scalars, a multi-column GETBULK walker for
// tables. Values come back library-neutral (Counter64 as bigint, strings decoded) for the pure parsers.
// The lean path: net-snmp still sends every request (its socket, request ids, timeouts and retries), but a v2c
// GET or GETBULK answer that mib/ber's strict decoder reads, and that net-snmp would accept as it is, is decoded
// by that codec and never reaches net-snmp's decoder; anything else (v3, SETs, GETNEXT, errors, answers the codec
// refuses) goes through net-snmp as before.

export class SnmpError extends Error {
  override name = 'SnmpError';
}

const TYPE_NAME: Record<number, SnmpType> = {
  [snmp.ObjectType.Integer]: 'Integer',
  [snmp.ObjectType.OctetString]: 'OctetString',
  [snmp.ObjectType.OID]: 'OID',
  [snmp.ObjectType.IpAddress]: 'IpAddress',
  [snmp.ObjectType.Counter]: 'Counter32',
  [snmp.ObjectType.Gauge]: 'Gauge32',
  [snmp.ObjectType.TimeTicks]: 'TimeTicks',
  [snmp.ObjectType.Counter64]: 'Counter64',
};

/** A hard cap on GETBULK rounds per walk, so that an agent that never ends a column cannot hold a poll. */
const MAX_WALK_ROUNDS = 200;

/** Caps on one walk: requests sent, and the time after which it sends no new request. */
export interface WalkLimits {
  maxRounds: number;
  deadlineMs: number;
}

export class SnmpClient {
  constructor(private readonly options: SnmpClientOptions) {}

  /** `overrides`: for one session, e.g. a single short try to see whether an agent answers at all. */
  open(target: SnmpTarget, overrides?: Partial<SnmpClientOptions>): SnmpSession {
    return new SnmpSession(target, overrides ? { ...this.options, ...overrides } : this.options);
  }
}

export class SnmpSession {
  private readonly session: snmp.Session;
  private lastError: Error | undefined;
  private readonly secrets: string[];
  private readonly lean: boolean;

  constructor(
    target: SnmpTarget,
    private readonly options: SnmpClientOptions,
  ) {
    const common = {
      port: target.port,
      timeout: options.timeoutMs,
      retries: options.retries,
      backoff: 1,
      backwardsGetNexts: false,
    };
    const c = target.credentials;
    this.secrets = c.version === '2c' ? [c.community] : [c.authKey, c.privKey];
    this.session =
      c.version === '2c'
        ? snmp.createSession(target.host, c.community, { ...common, version: snmp.Version2c })
        : snmp.createV3Session(
            target.host,
            usmUser(c.user, c.authProtocol, c.authKey, c.privProtocol, c.privKey),
            {
              ...common,
              version: snmp.Version3,
            },
          );
    // Socket errors and undecodable packets are reported here; without a listener they would crash the process.
    this.session.on('error', (error: Error) => (this.lastError = error));
    this.lean = c.version === '2c' && options.leanDecode === true;
    guardReceive(this.session, this.lean);
  }

  close(): void {
    try {
      this.session.close();
    } catch {
      // already closed
    }
  }

  /** GET; objects the agent does not have (noSuchObject/noSuchInstance) are left out. */
  get(oids: readonly string[]): Promise<SnmpVarbind[]> {
    return new Promise((resolve, reject) => {
      const done: LeanCallback = (error, varbinds) => {
        if (error) {
          return reject(this.wrap(error));
        }
        resolve(toNeutral((varbinds ?? []) as snmp.Varbind[]));
      };
      if (this.lean) {
        done[LEAN] = (answer) => resolve(answer.varbinds.filter(isNeutral));
      }
      this.session.get([...oids], done);
    });
  }

  /** How long a walk of this session may keep sending requests (SnmpClientOptions.walkDeadlineMs). */
  walkDeadlineMs(): number {
    return walkDeadlineMs(this.options);
  }

  /**
   * Walks several table columns at once with GETBULK (all as repeaters), dropping each column as it leaves its
   * subtree. Copes with agents that return fewer varbinds than asked, and falls back to GETNEXT when the agent
   * rejects GETBULK.
   */
  async walkColumns(columns: readonly string[], limits: Partial<WalkLimits> = {}): Promise<SnmpVarbind[]> {
    const maxRounds = limits.maxRounds ?? MAX_WALK_ROUNDS;
    const deadlineMs = limits.deadlineMs ?? walkDeadlineMs(this.options);
    const out: SnmpVarbind[] = [];
    // `index` holds the arcs after the column's prefix: rows of one column compare by their index alone.
    let active = columns.map((base) => ({ base, prefix: `${base}.`, cursor: base, index: [] as number[] }));
    let useBulk = true;
    const deadline = Date.now() + deadlineMs;
    for (let round = 0; active.length > 0; round++) {
      if (round >= maxRounds) {
        throw new SnmpError(`walk did not finish within ${maxRounds} requests`);
      }
      // An agent that drips answers just inside the timeout must not hold a poll for minutes.
      if (round > 0 && Date.now() > deadline) {
        throw new SnmpError(`walk did not finish within ${deadlineMs} ms (${round} requests)`);
      }
      let rows: ResponseVarbind[][];
      try {
        rows = useBulk
          ? await this.bulk(active.map((a) => a.cursor))
          : await this.next(active.map((a) => a.cursor));
      } catch (error) {
        if (useBulk && isRejection(error)) {
          useBulk = false;
          continue;
        }
        throw error;
      }
      const still: typeof active = [];
      active.forEach((col, k) => {
        let done = false;
        for (const vb of rows[k] ?? []) {
          if (isException(vb) || !vb.oid.startsWith(col.prefix)) {
            done = true;
            break;
          }
          const index = parseOid(vb.oid.slice(col.prefix.length));
          if (compareOids(index, col.index) <= 0) {
            throw new SnmpError(`agent returned a non-increasing OID ${vb.oid} after ${col.cursor}`);
          }
          if (isNeutral(vb)) {
            out.push(vb);
          }
          col.cursor = vb.oid;
          col.index = index;
        }
        if (!done) {
          still.push(col);
        }
      });
      active = still;
    }
    return out;
  }

  setInteger(oid: string, value: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.session.set([{ oid, type: snmp.ObjectType.Integer, value }], (error) =>
        error ? reject(this.wrap(error)) : resolve(),
      );
    });
  }

  private bulk(oids: string[]): Promise<ResponseVarbind[][]> {
    return new Promise((resolve, reject) => {
      const done: LeanCallback = (error, varbinds) => {
        if (error) {
          return reject(this.wrap(error));
        }
        resolve(((varbinds ?? []) as (snmp.Varbind | snmp.Varbind[])[]).map(fromNetSnmpRow));
      };
      if (this.lean) {
        done[LEAN] = (_answer, rows) => resolve(rows!);
      }
      this.session.getBulk(oids, 0, this.options.maxRepetitions, done);
    });
  }

  private next(oids: string[]): Promise<ResponseVarbind[][]> {
    return new Promise((resolve, reject) => {
      this.session.getNext(oids, (error, varbinds) => {
        if (error) {
          return reject(this.wrap(error));
        }
        resolve((varbinds ?? []).map(fromNetSnmpRow));
      });
    });
  }

  private wrap(error: Error): SnmpError {
    if (error.name === 'RequestTimedOutError') {
      const tries = this.options.retries + 1;
      return new SnmpError(`no answer within ${this.options.timeoutMs} ms (${tries} tries)`);
    }
    const detail = this.lastError ? ` (${this.lastError.message})` : '';
    return new SnmpError(this.redact(`${error.message}${detail}`));
  }

  private redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }
}

const LEAN = Symbol('lean');

/**
 * A net-snmp response callback that also takes a lean decoding: for a GET the answer, for a GETBULK the answer
 * and its varbinds by request position, as net-snmp's getBulk groups them.
 */
type LeanCallback = ((error: Error | null, varbinds?: unknown[]) => void) & {
  [LEAN]?: (answer: CommunityResponse, rows?: ResponseVarbind[][]) => void;
};

interface RequestInternals {
  responseCb: LeanCallback;
  message: {
    version: number;
    community: string;
    pdu: { type: snmp.PduType; varbinds: { oid: string }[]; options?: { nonRepeaters?: number } };
  };
}

interface SessionInternals {
  dgram: Socket;
  reqs: Record<string, RequestInternals>;
  unregisterRequest(id: number): RequestInternals | null;
}

/**
 * Settles a pending lean request from its answer when net-snmp would accept that answer as it is (same version
 * and community, no error status, a GET with as many varbinds as asked, a GETBULK whose OIDs follow as net-snmp
 * checks them). Anything else is left to net-snmp, which then answers with its own error: false.
 */
function settleLean(internals: SessionInternals, msg: Buffer): boolean {
  const answer = decodeCommunityResponse(msg);
  if (answer === undefined) {
    return false;
  }
  const req = internals.reqs[answer.requestId];
  const settle = req?.responseCb[LEAN];
  if (!settle) {
    return false;
  }
  const sent = req.message;
  if (answer.version !== sent.version || answer.community !== sent.community || answer.errorStatus > 0) {
    return false;
  }
  let rows: ResponseVarbind[][] | undefined;
  if (sent.pdu.type === snmp.PduType.GetRequest) {
    if (answer.varbinds.length !== sent.pdu.varbinds.length) {
      return false;
    }
  } else if (sent.pdu.type === snmp.PduType.GetBulkRequest) {
    rows = bulkRows(sent.pdu.varbinds, sent.pdu.options?.nonRepeaters || 0, answer.varbinds);
    if (!rows) {
      return false;
    }
  } else {
    return false;
  }
  internals.unregisterRequest(answer.requestId);
  settle(answer, rows);
  return true;
}

/**
 * The varbinds of a GETBULK answer by request position, as net-snmp's getBulk groups them, or undefined where
 * net-snmp would refuse the answer (an OID that does not follow the one before it in its column).
 */
function bulkRows(
  asked: readonly { oid: string }[],
  nonRepeaters: number,
  varbinds: readonly ResponseVarbind[],
): ResponseVarbind[][] | undefined {
  const rows: ResponseVarbind[][] = [];
  const repeaters = asked.length - nonRepeaters;
  let i = 0;
  for (; i < asked.length && i < varbinds.length; i++) {
    if (!isException(varbinds[i]) && !oidFollowsOid(asked[i].oid, varbinds[i].oid)) {
      return undefined;
    }
    rows.push([varbinds[i]]);
  }
  if (i < varbinds.length && repeaters <= 0) {
    return undefined;
  }
  for (; i < varbinds.length; i++) {
    const row = ((i - nonRepeaters) % repeaters) + nonRepeaters;
    if (!isException(varbinds[i]) && !oidFollowsOid(varbinds[i - repeaters].oid, varbinds[i].oid)) {
      return undefined;
    }
    rows[row].push(varbinds[i]);
  }
  return rows;
}

/**
 * net-snmp's check (oidFollowsOid, with backwardsGetNexts off): false only where `next` is lower than `oid` at
 * their first differing arc.
 */
function oidFollowsOid(oid: string, next: string): boolean {
  // Arc by arc over the characters, without splitting: this runs for every varbind of every GETBULK answer.
  let i = 0;
  let j = 0;
  for (;;) {
    if (i >= oid.length || j >= next.length) {
      return true;
    }
    let x = 0;
    for (; i < oid.length && oid.charCodeAt(i) !== 46; i++) {
      x = x * 10 + (oid.charCodeAt(i) - 48);
    }
    let y = 0;
    for (; j < next.length && next.charCodeAt(j) !== 46; j++) {
      y = y * 10 + (next.charCodeAt(j) - 48);
    }
    if (y !== x) {
      return y > x;
    }
    i++;
    j++;
  }
}

/**
 * net-snmp's socket handler throws on some answers that carry a pending request's id, after it has taken the
 * request off its list: a Report PDU to a v2c request, an SNMPv3 message with the auth flag to a v2c session.
 * Thrown from the socket's 'message' event that is an uncaught exception (the process dies), and the request
 * would never settle. Catch it and fail the requests it dropped.
 */
function guardReceive(session: snmp.Session, lean: boolean): void {
  const internals = session as unknown as SessionInternals;
  const handlers = internals.dgram.listeners('message') as ((msg: Buffer, rinfo: RemoteInfo) => void)[];
  internals.dgram.removeAllListeners('message');
  internals.dgram.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
    if (lean && settleLean(internals, msg)) {
      return;
    }
    const pending = Object.values(internals.reqs);
    try {
      handlers.forEach((handler) => handler(msg, rinfo));
    } catch (error) {
      const still = new Set(Object.values(internals.reqs));
      const detail = error instanceof Error ? error.message : String(error);
      for (const req of pending.filter((r) => !still.has(r))) {
        req.responseCb(new Error(`agent answer could not be processed: ${detail}`));
      }
    }
  });
}

/** net-snmp quotes communities in some errors (community mismatch), and errors end up in API answers and logs. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((t, secret) => t.split(secret).join('***'), text);
}

/** An agent that answers GETBULK with an error status (v1-only agents, some embedded stacks). */
function isRejection(error: unknown): boolean {
  return error instanceof SnmpError && !error.message.startsWith('no answer');
}

export function toNeutral(varbinds: snmp.Varbind[]): SnmpVarbind[] {
  const out: SnmpVarbind[] = [];
  for (const vb of varbinds) {
    if (snmp.isVarbindError(vb)) {
      continue;
    }
    const type = TYPE_NAME[vb.type as number];
    if (!type) {
      continue;
    }
    out.push({ oid: vb.oid, type, value: neutralValue(type, vb.value) });
  }
  return out;
}

const EXCEPTION_TYPE: Record<number, ResponseValueType> = {
  [snmp.ObjectType.NoSuchObject]: 'NoSuchObject',
  [snmp.ObjectType.NoSuchInstance]: 'NoSuchInstance',
  [snmp.ObjectType.EndOfMibView]: 'EndOfMibView',
};

/** A net-snmp answer's column as the lean decoder gives it. */
function fromNetSnmpRow(row: snmp.Varbind | snmp.Varbind[]): ResponseVarbind[] {
  return (Array.isArray(row) ? row : [row]).map(fromNetSnmp);
}

function fromNetSnmp(vb: snmp.Varbind): ResponseVarbind {
  const exception = EXCEPTION_TYPE[vb.type as number];
  if (exception) {
    return { oid: vb.oid, type: exception, value: null };
  }
  const type = TYPE_NAME[vb.type as number];
  // Types the poller does not read (Opaque, Null, Boolean...): they move a walk's cursor but give no value.
  return type
    ? { oid: vb.oid, type, value: neutralValue(type, vb.value) }
    : { oid: vb.oid, type: 'Opaque', value: null };
}

function neutralValue(type: SnmpType, value: unknown): number | bigint | string {
  if (type === 'Counter64') {
    // net-snmp hands Counter64 over as a big-endian Buffer of variable length.
    const buf = value as Buffer;
    return buf.length === 0 ? 0n : BigInt(`0x${buf.toString('hex')}`);
  }
  if (type === 'OctetString') {
    return Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
  }
  if (type === 'OID' || type === 'IpAddress') {
    return String(value);
  }
  return Number(value);
}
