import * as snmp from 'net-snmp';
import type { AuthProtocol, PrivProtocol } from '../domain/snmp-target';

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
