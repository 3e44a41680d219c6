import * as snmp from 'net-snmp';

export type AuthProtocol = 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export type PrivProtocol = 'des' | 'aes' | 'aes256b' | 'aes256r';

export const AUTH_PROTOCOLS: readonly AuthProtocol[] = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'];
export const PRIV_PROTOCOLS: readonly PrivProtocol[] = ['des', 'aes', 'aes256b', 'aes256r'];

/** An SNMPv3 authPriv user as net-snmp takes it, for sessions and for the agent alike. */
export function usmUser(
  name: string,
  auth: AuthProtocol,
  authKey: string,
  priv: PrivProtocol,
  privKey: string,
): snmp.User {
  return {
    name,
    level: snmp.SecurityLevel.authPriv,
    authProtocol: snmp.AuthProtocols[auth],
    authKey,
    privProtocol: snmp.PrivProtocols[priv],
    privKey,
  };
}
