import type { SnmpVarbind, WireType } from '../snmp-value';

// A small, strict BER codec for the agent's fast path: it decodes only well-formed SNMPv1/v2c
// GET/GETNEXT/GETBULK requests (anything else is left to net-snmp) and writes GetResponse messages
// straight into a buffer. Its output matches net-snmp's encoder, except that Counter64 is minimal BER
// (net-snmp always writes 8 octets).

export const PduTag = { Get: 0xa0, GetNext: 0xa1, Response: 0xa2, GetBulk: 0xa5 } as const;

export const ExceptionTag = { NoSuchObject: 0x80, NoSuchInstance: 0x81, EndOfMibView: 0x82 } as const;

export const Tag = {
  Integer: 0x02,
  OctetString: 0x04,
  Null: 0x05,
  OID: 0x06,
  Sequence: 0x30,
  IpAddress: 0x40,
  Counter32: 0x41,
  Gauge32: 0x42,
  TimeTicks: 0x43,
  Opaque: 0x44,
  Counter64: 0x46,
} as const;

export interface CommunityRequest {
  /** 0 = SNMPv1, 1 = SNMPv2c. */
  version: number;
  /** The community octets as received: the response repeats them. */
  communityBytes: Buffer;
  /** Decoded as net-snmp decodes it (UTF-8). */
  community: string;
  pduType: number;
  requestId: number;
  /** GETBULK non-repeaters and max-repetitions (error-status and error-index in the other PDUs). */
  nonRepeaters: number;
  maxRepetitions: number;
  oids: string[];
}

const OID_CACHE_LIMIT = 100_000;

class NotFastPath extends Error {}
export const NOT_FAST_PATH = new NotFastPath('not a plain v1/v2c request');

export class Reader {
  pos = 0;

  constructor(readonly buf: Buffer) {}

  /** Reads the tag and definite length of the next TLV, which must be `tag` and end by `end`; returns its end. */
  open(tag: number, end: number): number {
    const buf = this.buf;
    let p = this.pos;
    if (p + 2 > end || buf[p] !== tag) {
      throw NOT_FAST_PATH;
    }
    let len = buf[p + 1];
    p += 2;
    if (len & 0x80) {
      const octets = len & 0x7f;
      // 0 is the indefinite form, which SNMP forbids; more than 3 octets is absurd for a datagram.
      if (octets === 0 || octets > 3 || p + octets > end) {
        throw NOT_FAST_PATH;
      }
      len = 0;
      for (let i = 0; i < octets; i++) {
        len = len * 256 + buf[p++];
      }
    }
    if (p + len > end) {
      throw NOT_FAST_PATH;
    }
    this.pos = p;
    return p + len;
  }

  int32(end: number): number {
    const stop = this.open(Tag.Integer, end);
    const buf = this.buf;
    let p = this.pos;
    if (stop - p < 1 || stop - p > 4) {
      throw NOT_FAST_PATH;
    }
    let value = (buf[p++] << 24) >> 24;
    while (p < stop) {
      value = value * 256 + buf[p++];
    }
    this.pos = stop;
    return value;
  }

  /** Dotted like net-snmp's reader; sub-identifiers beyond 32 bits are left to net-snmp. */
  oid(end: number): string {
    const stop = this.open(Tag.OID, end);
    const key = this.buf.toString('latin1', this.pos, stop);
    let oid = decodedOids.get(key);
    if (oid === undefined) {
      oid = dottedOid(this.buf, this.pos, stop);
      if (decodedOids.size >= OID_CACHE_LIMIT) {
        decodedOids.clear();
      }
      decodedOids.set(key, oid);
    }
    this.pos = stop;
    return oid;
  }

  /**
   * The same OID, decoded afresh: answers carry mostly OIDs seen once (every modem's own rows), where building the
   * string costs less than hashing its octets for a cache look-up.
   */
  freshOid(end: number): string {
    const stop = this.open(Tag.OID, end);
    const oid = dottedOid(this.buf, this.pos, stop);
    this.pos = stop;
    return oid;
  }
}

/**
 * Decoded OIDs by their encoded octets: a walk sends the same cursors for every modem of a shape, and the same
 * (flat) string objects make the views' look-ups cheaper too.
 */
const decodedOids = new Map<string, string>();

/** Where dottedOid writes an OID's text before it becomes one string; grown for longer OIDs. */
let oidText = Buffer.allocUnsafe(512);

export function dottedOid(buf: Buffer, start: number, stop: number): string {
  const first = buf[start];
  // An empty OID, or a first arc above 2, which net-snmp reads in its own way.
  if (start === stop || first >= 120) {
    throw NOT_FAST_PATH;
  }
  // Written as latin1 text into one buffer and read out once: one flat string per OID, where concatenating arc by
  // arc left a chain of partial strings behind (half of all a sweep allocated). An arc's octet holds at most three
  // digits and a dot; an arc of k octets (k >= 2) at most 3k-1 digits.
  if (oidText.length < 4 * (stop - start) + 4) {
    oidText = Buffer.allocUnsafe(4 * (stop - start) + 4);
  }
  const out = oidText;
  let n = writeArc(out, 0, first < 40 ? 0 : first < 80 ? 1 : 2);
  out[n++] = DOT;
  n = writeArc(out, n, first < 40 ? first : first < 80 ? first - 40 : first - 80);
  let p = start + 1;
  while (p < stop) {
    let value = 0;
    let byte: number;
    do {
      if (p === stop) {
        throw NOT_FAST_PATH;
      }
      byte = buf[p++];
      value = value * 128 + (byte & 0x7f);
    } while (byte & 0x80);
    if (value > 0xffffffff) {
      throw NOT_FAST_PATH;
    }
    out[n++] = DOT;
    n = writeArc(out, n, value);
  }
  return out.toString('latin1', 0, n);
}

const DOT = 0x2e;
const ZERO = 0x30;

/** The arc's decimal digits at `at`; returns the position after them. */
function writeArc(out: Buffer, at: number, value: number): number {
  if (value < 10) {
    out[at] = ZERO + value;
    return at + 1;
  }
  let digits = 1;
  for (let v = value; v >= 10; v = Math.floor(v / 10)) {
    digits++;
  }
  let v = value;
  for (let i = at + digits - 1; i >= at; i--) {
    out[i] = ZERO + (v % 10);
    v = Math.floor(v / 10);
  }
  return at + digits;
}

/**
 * The request in a datagram, or undefined unless it is exactly a v1/v2c message with a GET, GETNEXT or
 * GETBULK PDU whose varbinds all carry NULL values. Never throws.
 */
export function decodeCommunityRequest(buf: Buffer): CommunityRequest | undefined {
  try {
    const r = new Reader(buf);
    const msgEnd = r.open(Tag.Sequence, buf.length);
    if (msgEnd !== buf.length) {
      throw NOT_FAST_PATH;
    }
    const version = r.int32(msgEnd);
    if (version !== 0 && version !== 1) {
      throw NOT_FAST_PATH;
    }
    const communityEnd = r.open(Tag.OctetString, msgEnd);
    const communityBytes = buf.subarray(r.pos, communityEnd);
    r.pos = communityEnd;
    const pduType = buf[r.pos];
    if (pduType !== PduTag.Get && pduType !== PduTag.GetNext && pduType !== PduTag.GetBulk) {
      throw NOT_FAST_PATH;
    }
    const pduEnd = r.open(pduType, msgEnd);
    if (pduEnd !== msgEnd) {
      throw NOT_FAST_PATH;
    }
    const requestId = r.int32(pduEnd);
    const nonRepeaters = r.int32(pduEnd);
    const maxRepetitions = r.int32(pduEnd);
    const listEnd = r.open(Tag.Sequence, pduEnd);
    if (listEnd !== pduEnd) {
      throw NOT_FAST_PATH;
    }
    const oids: string[] = [];
    while (r.pos < listEnd) {
      const varbindEnd = r.open(Tag.Sequence, listEnd);
      oids.push(r.oid(varbindEnd));
      if (r.pos + 2 !== varbindEnd || buf[r.pos] !== Tag.Null || buf[r.pos + 1] !== 0) {
        throw NOT_FAST_PATH;
      }
      r.pos = varbindEnd;
    }
    return {
      version,
      communityBytes,
      community: communityBytes.toString('utf8'),
      pduType,
      requestId,
      nonRepeaters,
      maxRepetitions,
      oids,
    };
  } catch (error) {
    if (error === NOT_FAST_PATH) {
      return undefined;
    }
    throw error;
  }
}

const oidCache = new Map<string, Buffer>();

/** The whole OID TLV. Cached: the modems of one shape share their OID strings. */
export function encodeOid(oid: string): Buffer {
  let tlv = oidCache.get(oid);
  if (!tlv) {
    if (oidCache.size >= OID_CACHE_LIMIT) {
      oidCache.clear();
    }
    tlv = encodeOidUncached(oid);
    oidCache.set(oid, tlv);
  }
  return tlv;
}

function encodeOidUncached(oid: string): Buffer {
  if (!/^\d+(\.\d+)+$/.test(oid)) {
    throw new TypeError(`invalid OID '${oid}'`);
  }
  const arcs = oid.split('.').map(Number);
  if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) {
    throw new TypeError(`invalid OID '${oid}'`);
  }
  const body: number[] = [];
  const subId = (v: number): void => {
    if (v > 0xffffffff) {
      throw new TypeError(`OID sub-identifier ${v} above 2^32-1 in '${oid}'`);
    }
    const groups = [v % 128];
    for (v = Math.floor(v / 128); v > 0; v = Math.floor(v / 128)) {
      groups.push((v % 128) | 0x80);
    }
    body.push(...groups.reverse());
  };
  subId(arcs[0] * 40 + arcs[1]);
  arcs.slice(2).forEach(subId);
  return Buffer.from([Tag.OID, ...lengthOctets(body.length), ...body]);
}

function lengthOctets(len: number): number[] {
  if (len < 0x80) {
    return [len];
  }
  const out: number[] = [];
  for (; len > 0; len = Math.floor(len / 256)) {
    out.unshift(len & 0xff);
  }
  return [0x80 | out.length, ...out];
}

export function lengthSize(len: number): number {
  return len < 0x80 ? 1 : len < 0x100 ? 2 : len < 0x10000 ? 3 : 4;
}

export function intSize(v: number): number {
  let n = 1;
  while (v < -0x80 || v >= 0x80) {
    v = Math.floor(v / 256);
    n++;
  }
  return n;
}

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT32_MAX = 0xffffffff;

/**
 * Writes the varbinds of one response into a reusable scratch buffer, then the whole message into a
 * fresh buffer of its exact size (the socket may still hold it after send() returns).
 */
export class ResponseWriter {
  private buf = Buffer.allocUnsafe(16 * 1024);
  private pos = 0;
  /** Varbinds written since reset(). */
  count = 0;

  reset(): void {
    this.pos = 0;
    this.count = 0;
  }

  /** Appends a varbind; throws, as net-snmp does, for a value its type cannot carry. */
  varbind(vb: Omit<SnmpVarbind, 'type'> & { type: WireType; oidBer?: Buffer }): void {
    const oid = vb.oidBer ?? encodeOid(vb.oid);
    const value = vb.value;
    this.ensure(
      oid.length +
        16 +
        (typeof value === 'string' ? value.length * 3 : Buffer.isBuffer(value) ? value.length : 0),
    );
    const start = this.openSequence();
    this.bytes(oid);
    switch (vb.type) {
      case 'Integer':
        this.int(Tag.Integer, checkedInt(value, INT32_MIN, INT32_MAX));
        break;
      case 'Counter32':
        this.int(Tag.Counter32, checkedInt(value, 0, UINT32_MAX));
        break;
      case 'Gauge32':
        this.int(Tag.Gauge32, checkedInt(value, 0, UINT32_MAX));
        break;
      case 'TimeTicks':
        this.int(Tag.TimeTicks, checkedInt(value, 0, UINT32_MAX));
        break;
      case 'Counter64':
        this.counter64(value as bigint);
        break;
      case 'OctetString':
        this.octetString(value);
        break;
      case 'OID':
        this.bytes(encodeOid(String(value)));
        break;
      case 'IpAddress':
        this.ipAddress(String(value));
        break;
      case 'Opaque':
        this.octetString(value, Tag.Opaque);
        break;
      case 'Null':
        this.buf[this.pos++] = Tag.Null;
        this.buf[this.pos++] = 0;
        break;
      default:
        throw new TypeError(`unknown SNMP type '${String(vb.type)}'`);
    }
    this.closeSequence(start);
    this.count++;
  }

  exception(oid: string, tag: number, oidBer?: Buffer): void {
    const tlv = oidBer ?? encodeOid(oid);
    this.ensure(tlv.length + 8);
    const start = this.openSequence();
    this.bytes(tlv);
    this.buf[this.pos++] = tag;
    this.buf[this.pos++] = 0;
    this.closeSequence(start);
    this.count++;
  }

  /** The GetResponse message around the varbinds written since reset(). */
  finish(
    version: number,
    communityBytes: Buffer,
    requestId: number,
    errorStatus: number,
    errorIndex: number,
  ): Buffer {
    const varbinds = this.pos;
    const pduBody =
      2 +
      intSize(requestId) +
      2 +
      intSize(errorStatus) +
      2 +
      intSize(errorIndex) +
      1 +
      lengthSize(varbinds) +
      varbinds;
    const msgBody =
      2 +
      intSize(version) +
      1 +
      lengthSize(communityBytes.length) +
      communityBytes.length +
      1 +
      lengthSize(pduBody) +
      pduBody;
    const out = Buffer.allocUnsafe(1 + lengthSize(msgBody) + msgBody);
    let p = header(out, 0, Tag.Sequence, msgBody);
    p = writeInt(out, p, Tag.Integer, version);
    p = header(out, p, Tag.OctetString, communityBytes.length);
    p += communityBytes.copy(out, p);
    p = header(out, p, PduTag.Response, pduBody);
    p = writeInt(out, p, Tag.Integer, requestId);
    p = writeInt(out, p, Tag.Integer, errorStatus);
    p = writeInt(out, p, Tag.Integer, errorIndex);
    p = header(out, p, Tag.Sequence, varbinds);
    this.buf.copy(out, p, 0, varbinds);
    return out;
  }

  private ensure(extra: number): void {
    if (this.pos + extra > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + extra));
      this.buf.copy(grown, 0, 0, this.pos);
      this.buf = grown;
    }
  }

  private bytes(src: Buffer): void {
    this.pos += src.copy(this.buf, this.pos);
  }

  private int(tag: number, v: number): void {
    this.pos = writeInt(this.buf, this.pos, tag, v);
  }

  private counter64(value: bigint): void {
    const v = BigInt.asUintN(64, value);
    if (v <= BigInt(Number.MAX_SAFE_INTEGER)) {
      this.int(Tag.Counter64, Number(v));
      return;
    }
    let hex = v.toString(16);
    hex = (hex.length % 2 ? '0' : '') + hex;
    // A leading 0x00 keeps a value with the top bit set unsigned.
    hex = (parseInt(hex[0], 16) >= 8 ? '00' : '') + hex;
    this.pos = header(this.buf, this.pos, Tag.Counter64, hex.length / 2);
    this.pos += this.buf.write(hex, this.pos, 'hex');
  }

  private octetString(value: SnmpVarbind['value'], tag: number = Tag.OctetString): void {
    const start = this.pos + 2;
    this.buf[this.pos] = tag;
    if (typeof value === 'string') {
      // UTF-8, as net-snmp writes strings.
      this.pos = start + this.buf.write(value, start, 'utf8');
    } else if (Buffer.isBuffer(value)) {
      this.pos = start + value.copy(this.buf, start);
    } else {
      throw new TypeError(`OctetString value must be a string or a Buffer, not ${typeof value}`);
    }
    this.fixLength(start);
  }

  private ipAddress(value: string): void {
    const octets = value.split('.');
    if (octets.length !== 4) {
      throw new TypeError(`invalid IP address '${value}'`);
    }
    this.buf[this.pos++] = Tag.IpAddress;
    this.buf[this.pos++] = 4;
    for (const o of octets) {
      this.buf[this.pos++] = Number(o) & 0xff;
    }
  }

  /** Starts a SEQUENCE with a one-octet length, which fits nearly every varbind; returns its content start. */
  private openSequence(): number {
    this.buf[this.pos++] = Tag.Sequence;
    this.pos++;
    return this.pos;
  }

  private closeSequence(start: number): void {
    this.fixLength(start);
  }

  /** Fills in the length of the TLV whose content runs from start to pos, moving the content if it is long. */
  private fixLength(start: number): void {
    const len = this.pos - start;
    if (len < 0x80) {
      this.buf[start - 1] = len;
      return;
    }
    const extra = lengthSize(len) - 1;
    this.ensure(extra);
    this.buf.copyWithin(start + extra, start, this.pos);
    header(this.buf, start - 2, this.buf[start - 2], len);
    this.pos += extra;
  }
}

function checkedInt(value: SnmpVarbind['value'], min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`value ${String(value)} is not an integer`);
  }
  if (value < min || value > max) {
    throw new RangeError(`integer ${value} is outside ${min}..${max}`);
  }
  return value;
}

/** Writes a tag and a length at p; returns where the content starts. */
export function header(buf: Buffer, p: number, tag: number, len: number): number {
  buf[p++] = tag;
  if (len < 0x80) {
    buf[p++] = len;
    return p;
  }
  const n = lengthSize(len) - 1;
  buf[p++] = 0x80 | n;
  for (let i = n - 1; i >= 0; i--) {
    buf[p + i] = len & 0xff;
    len = Math.floor(len / 256);
  }
  return p + n;
}

/** Minimal two's complement, as BER requires: -35 is one octet 0xdd, 128 is 0x00 0x80. */
export function writeInt(buf: Buffer, p: number, tag: number, v: number): number {
  const n = intSize(v);
  buf[p++] = tag;
  buf[p++] = n;
  for (let i = n - 1; i >= 0; i--) {
    buf[p + i] = v & 0xff;
    v = Math.floor(v / 256);
  }
  return p + n;
}
