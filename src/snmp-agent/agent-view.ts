import type { AuthProtocol, PrivProtocol } from '../domain/snmp-target';
import type { SnmpType, SnmpVarbind, WireType } from '../mib/snmp-value';

// What the agent asks of the devices it serves (the simulator's modems and CMTSes, replayed captures).

/**
 * A view's answer. A view that keeps encodeOid(oid) (ber-codec.ts) per object passes it as oidBer. Opaque and
 * Null (a replayed capture's) carry their octets as a Buffer.
 */
export interface AgentVarbind extends Omit<SnmpVarbind, 'type'> {
  type: WireType;
  oidBer?: Buffer;
}

/** One device's MIB at one instant. */
export interface AgentView {
  get(oid: string): AgentVarbind | undefined;
  /** The first object strictly after `oid` in OID order. */
  next(oid: string): AgentVarbind | undefined;
  /** Optional: next(vb.oid) for a varbind this view returned, which it can answer without looking vb.oid up. */
  nextAfter?(vb: AgentVarbind): AgentVarbind | undefined;
  set(oid: string, type: SnmpType, value: unknown): SetResult;
  /** Answer this much later (a slow or busy device). */
  delayMs?: number;
}

export type SetResult = 'ok' | 'noAccess' | 'notWritable' | 'wrongType' | 'wrongValue' | 'noCreation';

export interface V3User {
  name: string;
  authProtocol: AuthProtocol;
  authKey: string;
  privProtocol: PrivProtocol;
  privKey: string;
}

export interface AgentBackend {
  /**
   * The view for a v2c community or a v3 user name, or undefined to drop the request unanswered,
   * as a real agent does for a wrong community or a device that is down.
   */
  viewFor(securityName: string, version: 'v2c' | 'v3'): AgentView | undefined;
}

export interface AgentStats {
  requests: number;
  dropped: number;
  badPackets: number;
  varbindsOut: number;
}
