import type { AuthProtocol, PrivProtocol } from './usm';

export type SnmpCredentials =
  | { version: '2c'; community: string }
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
