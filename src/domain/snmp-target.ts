export type AuthProtocol = 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export type PrivProtocol = 'des' | 'aes' | 'aes256b' | 'aes256r';

export const AUTH_PROTOCOLS: readonly AuthProtocol[] = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'];
export const PRIV_PROTOCOLS: readonly PrivProtocol[] = ['des', 'aes', 'aes256b', 'aes256r'];

export type SnmpCredentials =
  /** `writeCommunity`: for SETs (remote reboot); real modems keep read and write communities apart. */
  | { version: '2c'; community: string; writeCommunity?: string }
  | {
      version: '3';
      user: string;
      authProtocol: AuthProtocol;
      authKey: string;
      privProtocol: PrivProtocol;
      privKey: string;
    };

export interface SnmpTarget {
  host: string;
  port: number;
  credentials: SnmpCredentials;
}

export const SNMP_CLIENT_KINDS = ['lean', 'net-snmp'] as const;
export type SnmpClientKind = (typeof SNMP_CLIENT_KINDS)[number];

export interface SnmpClientOptions {
  timeoutMs: number;
  retries: number;
  maxRepetitions: number;
  /** A walk sends no new request after this long; 0: twice one request's budget (timeout × tries). */
  walkDeadlineMs?: number;
  /** The single try that asks a modem with no CMTS row whether it answers at all, before it is called silent. */
  probeTimeoutMs?: number;
  /**
   * 'lean' (default): v2c reads (GET, GETNEXT, GETBULK) go over the client's own shared UDP sockets, encoded and
   * decoded by the project's BER codec (mib/ber). 'net-snmp': every request through a net-snmp session of its own
   * per poll, as before. v3 and SETs always use net-snmp.
   */
  client?: SnmpClientKind;
  /** Shared UDP sockets per address family of the lean client (each has its own receive buffer); default 4. */
  sockets?: number;
}

/** One request's worst case: every try times out. */
export function requestBudgetMs(o: SnmpClientOptions): number {
  return o.timeoutMs * (o.retries + 1);
}

export function walkDeadlineMs(o: SnmpClientOptions): number {
  return o.walkDeadlineMs || 2 * requestBudgetMs(o);
}

/** The longest one poll can take: past its deadline a walk still waits for the request in flight. */
export function pollBudgetMs(o: SnmpClientOptions): number {
  return walkDeadlineMs(o) + requestBudgetMs(o);
}
