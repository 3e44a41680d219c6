import type { SnmpCredentials } from './snmp-target';
import type { CmtsModemTables } from './cmts-reading';

/** The services a customer can have on the cable line, in this order wherever they are listed. */
export const CUSTOMER_SERVICES = ['internet', 'tv', 'phone'] as const;
export type CustomerService = (typeof CUSTOMER_SERVICES)[number];

export function isCustomerService(value: unknown): value is CustomerService {
  return (CUSTOMER_SERVICES as readonly unknown[]).includes(value);
}

/** Services in CUSTOMER_SERVICES order, each once. */
export function sortServices(services: Iterable<CustomerService>): CustomerService[] {
  const set = new Set(services);
  return CUSTOMER_SERVICES.filter((s) => set.has(s));
}

export interface CustomerRecord {
  customerNumber: string;
  fullName?: string;
  address?: string;
  /**
   * What the customer subscribes to on this line. Absent means not known (records written before services were
   * kept, or an inventory that does not say), never "none".
   */
  services?: CustomerService[];
}

/**
 * The node a modem was last seen in on its CMTS. Kept when the modem vanishes from the CMTS tables. The node is its
 * service group (MdIfIndex, MdCmSgId) when the CMTS gives one; otherwise the set of upstream channels it uses.
 */
export interface Membership {
  cmtsId: string;
  mdIfIndex: number;
  /** MdCmSgId; 0 when the CMTS gives none (RFC 4546 CMTS, or MdCmSgId 0 = unknown). */
  sgId: number;
  /** The CMTS's upstream ifIndexes of the modem: the node when there is no service group id. */
  usIfIndexes?: number[];
  regId: number;
  seenAt: number;
}

export type GroupedBy = 'serviceGroup' | 'upstreamChannels';

/** Node ids grouped by upstream channels: `us:<ifIndex>+<ifIndex>...`, never to be taken for a service group. */
export const US_GROUP_PREFIX = 'us:';

/** The node id: `<MdIfIndex>.<MdCmSgId>` for a service group, else `us:<upstream ifIndexes, ascending>`. */
export function groupKey(m: { mdIfIndex: number; sgId: number; usIfIndexes?: readonly number[] }): string {
  if (m.sgId > 0 || m.usIfIndexes == null || m.usIfIndexes.length === 0) {
    return `${m.mdIfIndex}.${m.sgId}`;
  }
  return `${US_GROUP_PREFIX}${[...new Set(m.usIfIndexes)].sort((a, b) => a - b).join('+')}`;
}

export function groupedBy(key: string): GroupedBy {
  return key.startsWith(US_GROUP_PREFIX) ? 'upstreamChannels' : 'serviceGroup';
}

/**
 * What the CMTS's docsIf3CmtsCmUsStatusEqData holds, as the operator verified for its vendor: `coefficients` (the
 * modems' current pre-equalisation: read it in every snapshot) or `off` (not read: the default, and the setting for
 * a CMTS that returns the last ranging adjustment instead, which is no channel response and must not be analysed).
 */
export const CMTS_US_EQ_DATA = ['off', 'coefficients'] as const;
export type CmtsUsEqData = (typeof CMTS_US_EQ_DATA)[number];

/** A CMTS Linecheck reads: where, how, and how to reach the modems it discovers. */
export interface CmtsRecord {
  id: string;
  host: string;
  port: number;
  snmp: SnmpCredentials;
  /** The upstream receive level the CMTS aims for, dBmV (US_RX_OFFSET is graded against it). */
  setPointDbmv: number;
  /** Whether snapshots read the modems' pre-equalisation from the CMTS; absent (records of before) means off. */
  usEqData?: CmtsUsEqData;
  /** SNMP settings for modems discovery registers (their host is the IP the CMTS gives). */
  modemDefaults?: { port: number; snmp: SnmpCredentials };
  createdAt: number;
  updatedAt: number;
  /** What the last discovery found of the CMTS's modem tables. */
  tables?: { modemTables: CmtsModemTables; missing: string[]; at: number };
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
