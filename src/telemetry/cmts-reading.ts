// What a CMTS says about its modems (docsis-reference §1.2, CMTS side), in real units. Produced by snmp/,
// cached by cmts/, graded by diagnosis/.

export interface CmtsUpstream {
  /** The CMTS's upstream channel ifIndex. */
  ifIndex: number;
  rxPowerDbmv: number;
  snrDb: number;
  uncorrectables: number;
  rangingStatus: number;
}

export interface CmtsCpe {
  /** docsSubmgt3CpeIpId: the CPE's row under its modem. */
  cpeId: number;
  ip: string;
  /** docsSubmgt3CpeIpType: cpe(1) ps(2) mta(3) stb(4) tea(5) erouter(6) dva(7) sg(8) card(9). */
  type: number;
}

export interface CmtsModemRow {
  /** docsIf3CmtsCmRegStatusId. */
  regId: number;
  mac: string;
  ipv4: string | null;
  /** docsIf3CmtsCmRegStatusValue (CmtsCmRegState): operational(8), initialRanging(2), other(1)... */
  regState: number;
  mdIfIndex: number;
  sgId: number;
  /** docsIf3CmtsCmRegStatusLastRegTime, epoch ms, when the CMTS gives it. */
  lastRegAt: number | null;
  /** docsIf31CmtsCmRegStatusPartialSvcState, null on DOCSIS 3.0 CMTSs. */
  partialSvcState: number | null;
  upstream: CmtsUpstream[];
  cpes: CmtsCpe[];
}

export type CmtsSnapshot =
  | { reachable: true; cmtsId: string; observedAt: number; rows: CmtsModemRow[] }
  | { reachable: false; cmtsId: string; observedAt: number; error: string };

/** Registered and forwarding: operational(8), or registrationComplete(6) on CMTSs that stop there. */
export function isOnlineAtCmts(regState: number): boolean {
  return regState === 8 || regState === 6;
}

export const CMTS_REG_STATE: Record<number, string> = {
  1: 'other',
  2: 'initialRanging',
  4: 'rangingAutoAdjComplete',
  5: 'dhcpv4Complete',
  6: 'registrationComplete',
  8: 'operational',
  9: 'bpiInit',
  10: 'startEae',
  11: 'startDhcpv4',
  12: 'startDhcpv6',
  13: 'dhcpv6Complete',
  14: 'startConfigFileDownload',
  15: 'configFileDownloadComplete',
  16: 'startRegistration',
  17: 'forwardingDisabled',
  18: 'rfMuteAll',
};
