import type { SnmpCredentials } from '../snmp/snmp-target';

export interface CustomerRecord {
  customerNumber: string;
  fullName?: string;
  address?: string;
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
  createdAt: number;
  updatedAt: number;
}
