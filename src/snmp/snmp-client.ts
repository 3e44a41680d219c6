import type { RemoteInfo, Socket } from 'node:dgram';
import * as snmp from 'net-snmp';
import { walkDeadlineMs, type SnmpClientOptions, type SnmpTarget } from '../domain/snmp-target';
import { PduTag } from '../mib/ber/ber-codec';
import {
  isException,
  isNeutral,
  type CommunityResponse,
  type ResponseValueType,
  type ResponseVarbind,
} from '../mib/ber/client-codec';
import {
  compareOidText,
  firstArcDifference,
  type ColumnRows,
  type ColumnSet,
  type SnmpType,
  type SnmpVarbind,
} from '../mib/snmp-value';
import { SnmpTransport, type SocketFactory } from './snmp-transport';
import { usmUser } from './usm';

// The manager side of net-snmp: one session per target, GET for scalars, a multi-column GETBULK walker for
// tables. Values come back library-neutral (Counter64 as bigint, strings decoded) for the pure parsers.
// The lean path (the default for v2c GET, GETNEXT and GETBULK): requests go over SnmpTransport's shared sockets,
// written and read by mib/ber's codec; an answer net-snmp would refuse is refused with net-snmp's message. v3 and
// SETs use a net-snmp session.

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
  /** Shared by every lean session of this client; opened with the first. */
  private transport: SnmpTransport | undefined;

  constructor(
    private readonly options: SnmpClientOptions,
    private readonly openSocket?: SocketFactory,
  ) {}

  /** `overrides`: for one session, e.g. a single short try to see whether an agent answers at all. */
  open(target: SnmpTarget, overrides?: Partial<SnmpClientOptions>): SnmpSession {
    const options = overrides ? { ...this.options, ...overrides } : this.options;
    const lean = target.credentials.version === '2c' && options.client !== 'net-snmp';
    return new SnmpSession(target, options, lean ? this.sharedTransport() : undefined);
  }

  /** Fails the requests in flight and closes the shared sockets. */
  close(): void {
    this.transport?.close();
    this.transport = undefined;
  }

  /** Nest calls it on providers at shutdown. */
  onApplicationShutdown(): void {
    this.close();
  }

  private sharedTransport(): SnmpTransport {
    this.transport ??= new SnmpTransport(this.options.sockets ?? 4, this.openSocket);
    return this.transport;
  }
}

/**
 * One target's requests. v2c reads go over the client's shared transport (the lean path) unless the client is
 * configured for net-snmp; v3 and SETs always use a net-snmp session, opened on first use.
 */
export class SnmpSession {
  private classicSession: snmp.Session | undefined;
  private lastError: Error | undefined;
  private readonly secrets: string[];

  constructor(
    private readonly target: SnmpTarget,
    private readonly options: SnmpClientOptions,
    private readonly transport: SnmpTransport | undefined,
  ) {
    const c = target.credentials;
    this.secrets = c.version === '2c' ? [c.community] : [c.authKey, c.privKey];
  }

  close(): void {
    try {
      this.classicSession?.close();
    } catch {
      // already closed
    }
  }

  /** GET; objects the agent does not have (noSuchObject/noSuchInstance) are left out. */
  async get(oids: readonly string[]): Promise<SnmpVarbind[]> {
    if (this.transport) {
      const answer = await this.leanRequest(PduTag.Get, oids);
      if (answer.varbinds.length !== oids.length) {
        throw this.wrap(new Error('Requested OIDs do not match response OIDs'));
      }
      return answer.varbinds.filter(isNeutral);
    }
    return new Promise((resolve, reject) => {
      this.classic().get([...oids], (error, varbinds) =>
        error ? reject(this.wrap(error)) : resolve(toNeutral(varbinds ?? [])),
      );
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
    const out: SnmpVarbind[] = [];
    await this.walk(columns, limits, (_k, _index, vb) => out.push(vb));
    return out;
  }

  /** The same walk, its values filed into `into` by column and row index, as the parsers read them. */
  async walkInto(
    columns: readonly string[],
    into: ColumnSet,
    limits: Partial<WalkLimits> = {},
  ): Promise<void> {
    const rows: (ColumnRows | undefined)[] = [];
    await this.walk(columns, limits, (k, index, vb) => {
      let r = rows[k];
      if (!r) {
        r = into.get(columns[k]) ?? new Map();
        into.set(columns[k], r);
        rows[k] = r;
      }
      r.set(index, vb.value);
    });
  }

  /**
   * GETBULK rounds until every column has left its subtree. Each round shares the first round's varbind budget
   * (max-repetitions × columns) among the columns still open, so short columns do not cost long ones extra rounds.
   */
  private async walk(
    columns: readonly string[],
    limits: Partial<WalkLimits>,
    take: (column: number, index: string, vb: SnmpVarbind) => void,
  ): Promise<void> {
    const maxRounds = limits.maxRounds ?? MAX_WALK_ROUNDS;
    const deadlineMs = limits.deadlineMs ?? walkDeadlineMs(this.options);
    // `index`: the last row's arcs after the column's prefix; rows of one column compare by their index alone.
    let active = columns.map((base, k) => ({ k, prefix: `${base}.`, cursor: base, index: '' }));
    const budget = this.options.maxRepetitions * columns.length;
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
      const cursors = active.map((a) => a.cursor);
      let rows: ResponseVarbind[][];
      try {
        rows = useBulk
          ? await this.bulk(
              cursors,
              Math.max(this.options.maxRepetitions, Math.floor(budget / active.length)),
            )
          : await this.next(cursors);
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
          const index = vb.oid.slice(col.prefix.length);
          if (compareOidText(index, col.index) <= 0) {
            throw new SnmpError(`agent returned a non-increasing OID ${vb.oid} after ${col.cursor}`);
          }
          if (isNeutral(vb)) {
            take(col.k, index, vb);
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
  }

  setInteger(oid: string, value: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.classic().set([{ oid, type: snmp.ObjectType.Integer, value }], (error) =>
        error ? reject(this.wrap(error)) : resolve(),
      );
    });
  }

  private async bulk(oids: string[], maxRepetitions: number): Promise<ResponseVarbind[][]> {
    if (this.transport) {
      const answer = await this.leanRequest(PduTag.GetBulk, oids, maxRepetitions);
      const rows = bulkRows(oids, answer.varbinds);
      if (typeof rows === 'string') {
        throw this.wrap(new Error(rows));
      }
      return rows;
    }
    return new Promise((resolve, reject) => {
      this.classic().getBulk(oids, 0, maxRepetitions, (error, varbinds) =>
        error ? reject(this.wrap(error)) : resolve((varbinds ?? []).map(fromNetSnmpRow)),
      );
    });
  }

  private async next(oids: string[]): Promise<ResponseVarbind[][]> {
    if (this.transport) {
      const answer = await this.leanRequest(PduTag.GetNext, oids);
      if (answer.varbinds.length !== oids.length) {
        throw this.wrap(new Error('Requested OIDs do not match response OIDs'));
      }
      return answer.varbinds.map((vb, i) => {
        if (!isException(vb) && !oidFollowsOid(oids[i], vb.oid)) {
          throw this.wrap(
            new Error(
              `OID '${oids[i]}' in request at positiion '${i}' does not precede OID '${vb.oid}' in response at position '${i}'`,
            ),
          );
        }
        return [vb];
      });
    }
    return new Promise((resolve, reject) => {
      this.classic().getNext(oids, (error, varbinds) => {
        if (error) {
          return reject(this.wrap(error));
        }
        resolve((varbinds ?? []).map(fromNetSnmpRow));
      });
    });
  }

  /**
   * One request over the shared transport, refused as net-snmp refuses an answer (with its messages, so that
   * both paths report alike): another version or community, or an error status.
   */
  private async leanRequest(
    pduType: typeof PduTag.Get | typeof PduTag.GetNext | typeof PduTag.GetBulk,
    oids: readonly string[],
    maxRepetitions = 0,
  ): Promise<CommunityResponse> {
    const c = this.target.credentials as Extract<SnmpTarget['credentials'], { version: '2c' }>;
    let answer: CommunityResponse;
    try {
      answer = await this.transport!.request(
        this.target.host,
        this.target.port,
        { version: 1, community: c.community, pduType, maxRepetitions, oids },
        this.options,
      );
    } catch (error) {
      throw this.wrap(error as Error);
    }
    if (answer.version !== 1) {
      throw this.wrap(
        new Error(`Version in request '1' does not match version in response '${answer.version}'`),
      );
    }
    if (answer.community !== c.community) {
      throw this.wrap(
        new Error(
          `Community '${c.community}' in request does not match community '${answer.community}' in response`,
        ),
      );
    }
    if (answer.pduType !== PduTag.Response) {
      throw this.wrap(new Error(`Unknown PDU type '${answer.pduType}' in response`));
    }
    if (answer.errorStatus > 0) {
      const status = ERROR_STATUS[answer.errorStatus] ?? 'GeneralError';
      const at = answer.varbinds[answer.errorIndex - 1];
      throw this.wrap(new Error(at && answer.errorIndex > 0 ? `${status}: ${at.oid}` : status));
    }
    return answer;
  }

  /** The net-snmp session: v3, SETs, and every request when the client is configured for net-snmp. */
  private classic(): snmp.Session {
    if (this.classicSession) {
      return this.classicSession;
    }
    const common = {
      port: this.target.port,
      timeout: this.options.timeoutMs,
      retries: this.options.retries,
      backoff: 1,
      backwardsGetNexts: false,
    };
    const c = this.target.credentials;
    const session =
      c.version === '2c'
        ? snmp.createSession(this.target.host, c.community, { ...common, version: snmp.Version2c })
        : snmp.createV3Session(
            this.target.host,
            usmUser(c.user, c.authProtocol, c.authKey, c.privProtocol, c.privKey),
            { ...common, version: snmp.Version3 },
          );
    // Socket errors and undecodable packets are reported here; without a listener they would crash the process.
    session.on('error', (error: Error) => (this.lastError = error));
    guardReceive(session);
    this.classicSession = session;
    return session;
  }

  private wrap(error: Error): SnmpError {
    if (error.name === 'RequestTimedOutError') {
      const tries = this.options.retries + 1;
      const extra = error.message.startsWith('Request timed out;') ? error.message.slice(17) : '';
      return new SnmpError(`no answer within ${this.options.timeoutMs} ms (${tries} tries)${extra}`);
    }
    const detail = this.lastError ? ` (${this.lastError.message})` : '';
    return new SnmpError(this.redact(`${error.message}${detail}`));
  }

  private redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }
}

/** net-snmp's ErrorStatus names, which its errors (and so ours) carry. */
const ERROR_STATUS: readonly string[] = [
  'NoError',
  'TooBig',
  'NoSuchName',
  'BadValue',
  'ReadOnly',
  'GeneralError',
  'NoAccess',
  'WrongType',
  'WrongLength',
  'WrongEncoding',
  'WrongValue',
  'NoCreation',
  'InconsistentValue',
  'ResourceUnavailable',
  'CommitFailed',
  'UndoFailed',
  'AuthorizationError',
  'NotWritable',
  'InconsistentName',
];

/**
 * The varbinds of a GETBULK answer (no non-repeaters) by request position, as net-snmp's getBulk groups them, or
 * net-snmp's message where it would refuse the answer (an OID that does not follow the one before it in its
 * column).
 */
function bulkRows(
  asked: readonly string[],
  varbinds: readonly ResponseVarbind[],
): ResponseVarbind[][] | string {
  const rows: ResponseVarbind[][] = [];
  const repeaters = asked.length;
  let i = 0;
  for (; i < asked.length && i < varbinds.length; i++) {
    if (!isException(varbinds[i]) && !oidFollowsOid(asked[i], varbinds[i].oid)) {
      return `OID '${asked[i]}' in request at positiion '${i}' does not precede OID '${varbinds[i].oid}' in response at position '${i}'`;
    }
    rows.push([varbinds[i]]);
  }
  for (; i < varbinds.length; i++) {
    const prev = varbinds[i - repeaters].oid;
    if (!isException(varbinds[i]) && !oidFollowsOid(prev, varbinds[i].oid)) {
      return `OID '${prev}' in response at positiion '${i - repeaters}' does not precede OID '${varbinds[i].oid}' in response at position '${i}'`;
    }
    rows[i % repeaters].push(varbinds[i]);
  }
  return rows;
}

/**
 * net-snmp's check (oidFollowsOid, with backwardsGetNexts off): false only where `next` is lower than `oid` at
 * their first differing arc.
 */
function oidFollowsOid(oid: string, next: string): boolean {
  return firstArcDifference(next, oid) >= 0;
}

interface RequestInternals {
  responseCb: (error: Error | null, varbinds?: unknown[]) => void;
}

interface SessionInternals {
  dgram: Socket;
  reqs: Record<string, RequestInternals>;
}

/**
 * net-snmp's socket handler throws on some answers that carry a pending request's id, after it has taken the
 * request off its list: a Report PDU to a v2c request, an SNMPv3 message with the auth flag to a v2c session.
 * Thrown from the socket's 'message' event that is an uncaught exception (the process dies), and the request
 * would never settle. Catch it and fail the requests it dropped.
 */
function guardReceive(session: snmp.Session): void {
  const internals = session as unknown as SessionInternals;
  const handlers = internals.dgram.listeners('message') as ((msg: Buffer, rinfo: RemoteInfo) => void)[];
  internals.dgram.removeAllListeners('message');
  internals.dgram.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
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
