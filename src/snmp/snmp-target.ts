export type SnmpCredentials =
  | { version: '2c'; community: string }
  | {
      version: '3';
      user: string;
      authProtocol: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
      authKey: string;
      privProtocol: 'des' | 'aes' | 'aes256b' | 'aes256r';
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
