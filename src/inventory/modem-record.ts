import type { SnmpCredentials } from '../snmp/snmp-target';

export interface CustomerRecord {
  customerNumber: string;
  fullName?: string;
  address?: string;
}

/** The service group a modem was last seen in on its CMTS. Kept when the modem vanishes from the CMTS tables. */
export interface Membership {
  cmtsId: string;
  mdIfIndex: number;
  sgId: number;
  regId: number;
  seenAt: number;
}

export function groupKey(m: { mdIfIndex: number; sgId: number }): string {
  return `${m.mdIfIndex}.${m.sgId}`;
}

/** A CMTS Linecheck reads: where, how, and how to reach the modems it discovers. */
export interface CmtsRecord {
  id: string;
  host: string;
  port: number;
  snmp: SnmpCredentials;
  /** The upstream receive level the CMTS aims for, dBmV (US_RX_OFFSET is graded against it). */
  setPointDbmv: number;
  /** SNMP settings for modems discovery registers (their host is the IP the CMTS gives). */
  modemDefaults?: { port: number; snmp: SnmpCredentials };
  createdAt: number;
  updatedAt: number;
}

/** A modem Linecheck knows: where to poll it and how. Credentials never leave the service. */
export interface ModemRecord {
  id: string;
  host: string;
  port: number;
  snmp: SnmpCredentials;
  mac?: string;
  cmtsId?: string;
  customer?: CustomerRecord;
  membership?: Membership;
  createdAt: number;
  updatedAt: number;
}
