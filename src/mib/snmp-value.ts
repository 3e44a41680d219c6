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

/** One column's values by row index (the arcs after the column's OID, dotted; "0" for a scalar). */
export type ColumnRows = Map<string, SnmpVarbind['value']>;

/** Table columns and scalars by their OID, as a walk files them and the parsers read them. */
export type ColumnSet = Map<string, ColumnRows>;

/**
 * Two dotted numeric OIDs (or OID tails) compared arc by arc without splitting them: a's arc minus b's at the first
 * arc where they differ, 0 when one is a prefix of the other. Walks run it for every varbind they read.
 */
export function firstArcDifference(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let x = 0;
    for (; i < a.length && a.charCodeAt(i) !== 46; i++) {
      x = x * 10 + (a.charCodeAt(i) - 48);
    }
    let y = 0;
    for (; j < b.length && b.charCodeAt(j) !== 46; j++) {
      y = y * 10 + (b.charCodeAt(j) - 48);
    }
    if (x !== y) {
      return x - y;
    }
    i++;
    j++;
  }
  return 0;
}

/** SNMP order of two dotted OIDs (or OID tails, "" first), as canonical text (no leading zeros). */
export function compareOidText(a: string, b: string): number {
  return firstArcDifference(a, b) || a.length - b.length;
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
