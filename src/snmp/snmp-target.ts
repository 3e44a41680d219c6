import type { AuthProtocol, PrivProtocol } from './usm';

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

export interface SnmpClientOptions {
  timeoutMs: number;
  retries: number;
  maxRepetitions: number;
}
