import type { SnmpType, SnmpVarbind } from '../snmp-value';
import {
  encodeOid,
  ExceptionTag,
  header,
  intSize,
  lengthSize,
  PduTag,
  Reader,
  Tag,
  writeInt,
} from './ber-codec';

// The manager's side of the BER codec: SNMPv1/v2c GetRequest/GetBulkRequest messages out, Response PDUs in.
// The decoder is strict where net-snmp is lenient: it accepts only well-formed responses whose values it reads
// exactly as net-snmp reads them, and answers undefined for anything else (a caller then hands the datagram to
// net-snmp), so that whatever it does decode, it decodes as net-snmp would. It never throws.

/** What a response's varbind holds beyond the poller's types: exceptions end a column or are left out of a GET. */
export type ResponseValueType =
  SnmpType | 'Opaque' | 'Null' | 'NoSuchObject' | 'NoSuchInstance' | 'EndOfMibView';

export interface ResponseVarbind {
  oid: string;
  type: ResponseValueType;
  /** As in SnmpVarbind (OctetString as latin1, Counter64 as bigint); Opaque as its octets; null for Null and exceptions. */
  value: number | bigint | string | Buffer | null;
}

export interface CommunityResponse {
  /** 0 = SNMPv1, 1 = SNMPv2c. */
  version: number;
  /** Decoded as net-snmp decodes it (UTF-8), to compare with the session's community as net-snmp does. */
  community: string;
  /** PduTag.Response in an answer; a client reports any other (a Report, a Trap, a request) as such. */
  pduType: number;
  requestId: number;
  errorStatus: number;
  errorIndex: number;
  varbinds: ResponseVarbind[];
}

export interface CommunityRequestSpec {
  /** 0 = SNMPv1, 1 = SNMPv2c. */
  version: number;
  community: string;
  pduType: typeof PduTag.Get | typeof PduTag.GetNext | typeof PduTag.GetBulk;
  requestId: number;
  /** GETBULK only; 0 in the other PDUs (their error-status and error-index). */
  nonRepeaters?: number;
  maxRepetitions?: number;
  oids: readonly string[];
}

const NULL_VALUE = Buffer.from([Tag.Null, 0]);
/** Report-PDU, the last of the SNMPv2 PDU tags. */
const LAST_PDU_TAG = 0xa8;

/** The request message, as net-snmp writes it (UTF-8 community, NULL values). Throws on an invalid OID. */
export function encodeCommunityRequest(spec: CommunityRequestSpec): Buffer {
  const oidTlvs = spec.oids.map((oid) => encodeOid(oid));
  const varbindLens = oidTlvs.map((tlv) => tlv.length + NULL_VALUE.length);
  const list = varbindLens.reduce((sum, len) => sum + 1 + lengthSize(len) + len, 0);
  const a = spec.nonRepeaters ?? 0;
  const b = spec.maxRepetitions ?? 0;
  const pduBody = 2 + intSize(spec.requestId) + 2 + intSize(a) + 2 + intSize(b) + 1 + lengthSize(list) + list;
  const community = Buffer.from(spec.community, 'utf8');
  const msgBody =
    2 +
    intSize(spec.version) +
    1 +
    lengthSize(community.length) +
    community.length +
    1 +
    lengthSize(pduBody) +
    pduBody;
  const out = Buffer.allocUnsafe(1 + lengthSize(msgBody) + msgBody);
  let p = header(out, 0, Tag.Sequence, msgBody);
  p = writeInt(out, p, Tag.Integer, spec.version);
  p = header(out, p, Tag.OctetString, community.length);
  p += community.copy(out, p);
  p = header(out, p, spec.pduType, pduBody);
  p = writeInt(out, p, Tag.Integer, spec.requestId);
  p = writeInt(out, p, Tag.Integer, a);
  p = writeInt(out, p, Tag.Integer, b);
  p = header(out, p, Tag.Sequence, list);
  oidTlvs.forEach((tlv, i) => {
    p = header(out, p, Tag.Sequence, varbindLens[i]);
    p += tlv.copy(out, p);
    p += NULL_VALUE.copy(out, p);
  });
  return out;
}

const EXCEPTIONS: Record<number, ResponseValueType> = {
  [ExceptionTag.NoSuchObject]: 'NoSuchObject',
  [ExceptionTag.NoSuchInstance]: 'NoSuchInstance',
  [ExceptionTag.EndOfMibView]: 'EndOfMibView',
};

const UNSIGNED: Record<number, SnmpType> = {
  [Tag.Counter32]: 'Counter32',
  [Tag.Gauge32]: 'Gauge32',
  [Tag.TimeTicks]: 'TimeTicks',
};

/** Counter64 beyond 64 bits plus a sign octet is not a Counter64. */
const MAX_COUNTER64_OCTETS = 9;

/**
 * The PDU of a v1/v2c message (a Response, or any other PDU kind for the caller to refuse), or undefined unless
 * the datagram is exactly one well-formed message of that kind with values of known types. Never throws.
 */
export function decodeCommunityResponse(buf: Buffer): CommunityResponse | undefined {
  try {
    const r = new Reader(buf);
    const msgEnd = r.open(Tag.Sequence, buf.length);
    if (msgEnd !== buf.length) {
      return undefined;
    }
    const version = r.int32(msgEnd);
    if (version !== 0 && version !== 1) {
      return undefined;
    }
    const communityEnd = r.open(Tag.OctetString, msgEnd);
    const community = buf.toString('utf8', r.pos, communityEnd);
    r.pos = communityEnd;
    // Any PDU of the v1/v2c kinds (GetRequest 0xa0 to Report 0xa8): all share the Response's layout.
    const pduType = buf[r.pos];
    if (pduType < PduTag.Get || pduType > LAST_PDU_TAG) {
      return undefined;
    }
    const pduEnd = r.open(pduType, msgEnd);
    if (pduEnd !== msgEnd) {
      return undefined;
    }
    const requestId = r.int32(pduEnd);
    const errorStatus = r.int32(pduEnd);
    const errorIndex = r.int32(pduEnd);
    const listEnd = r.open(Tag.Sequence, pduEnd);
    if (listEnd !== pduEnd) {
      return undefined;
    }
    const varbinds: ResponseVarbind[] = [];
    while (r.pos < listEnd) {
      const varbindEnd = r.open(Tag.Sequence, listEnd);
      const oid = r.freshOid(varbindEnd);
      const vb = readValue(r, oid, varbindEnd);
      if (vb === undefined || r.pos !== varbindEnd) {
        return undefined;
      }
      varbinds.push(vb);
    }
    return { version, community, pduType, requestId, errorStatus, errorIndex, varbinds };
  } catch {
    // NOT_FAST_PATH from the reader; and no other error may take a poll down: net-snmp gets the datagram instead.
    return undefined;
  }
}

function readValue(r: Reader, oid: string, end: number): ResponseVarbind | undefined {
  const buf = r.buf;
  const tag = buf[r.pos];
  if (tag === Tag.Integer) {
    return { oid, type: 'Integer', value: r.int32(end) };
  }
  const unsigned = UNSIGNED[tag];
  if (unsigned !== undefined) {
    const stop = r.open(tag, end);
    const len = stop - r.pos;
    // net-snmp reads these signed and keeps the low 32 bits (>>> 0); five octets only with a leading 0x00.
    if (len < 1 || len > 5 || (len === 5 && buf[r.pos] !== 0)) {
      return undefined;
    }
    let value = (buf[r.pos] << 24) >> 24;
    for (let p = r.pos + 1; p < stop; p++) {
      value = value * 256 + buf[p];
    }
    r.pos = stop;
    return { oid, type: unsigned, value: value >>> 0 };
  }
  switch (tag) {
    case Tag.OctetString: {
      const stop = r.open(tag, end);
      const value = buf.toString('latin1', r.pos, stop);
      r.pos = stop;
      return { oid, type: 'OctetString', value };
    }
    case Tag.Counter64: {
      const stop = r.open(tag, end);
      const len = stop - r.pos;
      if (len > MAX_COUNTER64_OCTETS) {
        return undefined;
      }
      // As the net-snmp path reads it: the octets as one unsigned big-endian number.
      let value = 0n;
      for (let p = r.pos; p < stop; p++) {
        value = (value << 8n) | BigInt(buf[p]);
      }
      r.pos = stop;
      return { oid, type: 'Counter64', value };
    }
    case Tag.OID:
      return { oid, type: 'OID', value: r.freshOid(end) };
    case Tag.IpAddress: {
      const stop = r.open(tag, end);
      if (stop - r.pos !== 4) {
        return undefined;
      }
      const p = r.pos;
      r.pos = stop;
      return { oid, type: 'IpAddress', value: `${buf[p]}.${buf[p + 1]}.${buf[p + 2]}.${buf[p + 3]}` };
    }
    case Tag.Opaque: {
      const stop = r.open(tag, end);
      const value = Buffer.from(buf.subarray(r.pos, stop));
      r.pos = stop;
      return { oid, type: 'Opaque', value };
    }
    default: {
      const type = tag === Tag.Null ? 'Null' : EXCEPTIONS[tag];
      if (type === undefined) {
        return undefined;
      }
      const stop = r.open(tag, end);
      if (stop !== r.pos) {
        return undefined;
      }
      return { oid, type, value: null };
    }
  }
}

const NEUTRAL = new Set<ResponseValueType>([
  'Integer',
  'OctetString',
  'OID',
  'IpAddress',
  'Counter32',
  'Gauge32',
  'TimeTicks',
  'Counter64',
]);

/** Whether a varbind is a value the poller reads (not an exception, Null or Opaque). */
export function isNeutral(vb: ResponseVarbind): vb is SnmpVarbind {
  return NEUTRAL.has(vb.type);
}

/** Whether a varbind is an SNMPv2 exception (noSuchObject, noSuchInstance, endOfMibView), as net-snmp's isVarbindError. */
export function isException(vb: ResponseVarbind): boolean {
  return vb.type === 'NoSuchObject' || vb.type === 'NoSuchInstance' || vb.type === 'EndOfMibView';
}

/** The varbinds the net-snmp client hands to the parsers: exceptions, Null and Opaque left out. */
export function neutralVarbinds(varbinds: readonly ResponseVarbind[]): SnmpVarbind[] {
  return varbinds.filter(isNeutral);
}
