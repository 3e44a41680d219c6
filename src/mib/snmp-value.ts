// Library-neutral SNMP values, shared by the poller's parser and the simulator's data model.

export type SnmpType =
  'Integer' | 'OctetString' | 'OID' | 'IpAddress' | 'Counter32' | 'Gauge32' | 'TimeTicks' | 'Counter64';

/** Types an agent can answer with beyond the poller's: a replayed capture keeps its Opaque and Null objects. */
export type WireType = SnmpType | 'Opaque' | 'Null';

export interface SnmpVarbind {
  oid: string;
  type: SnmpType;
  /**
   * Integer-like types: number; Counter64: bigint; OIDs: string. OctetString: string, read as latin1 so that
   * binary octets (MAC addresses, DateAndTime) survive; agents may also hand over a Buffer.
   */
  value: number | bigint | string | Buffer;
}

/** Lexicographic comparison of dotted numeric OIDs, as SNMP orders them. */
export function compareOids(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

export function parseOid(oid: string): number[] {
  const parts = (oid.startsWith('.') ? oid.slice(1) : oid).split('.');
  return parts.map(Number);
}
