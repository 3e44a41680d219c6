// What a CMTS says about its modems (docsis-reference §1.2, CMTS side), in real units. Produced by snmp/,
// cached by cmts/, graded by diagnosis/. A value the CMTS did not give is null ("not read"), never 0.

export interface CmtsUpstream {
  /** The CMTS's upstream channel ifIndex. */
  ifIndex: number;
  rxPowerDbmv: number | null;
  snrDb: number | null;
  uncorrectables: number | null;
  /** RangingState of docsIf3CmtsCmUsStatusRangingStatus; null on RFC 4546 rows, which carry none. */
  rangingStatus: number | null;
  /**
   * docsIf3CmtsCmUsStatusEqData (DocsEqualizerData) as hex, '' when the CMTS gives an empty value. Absent when not
   * read: the CMTS's record does not ask for it (the default), or the CMTS gave no such row.
   */
  eqData?: string;
}

/** One of the CMTS's upstream channels (docsIfUpstreamChannelTable), read with the pre-equalisation column. */
export interface CmtsUpstreamChannel {
  ifIndex: number;
  /** docsIfUpChannelId: the channel id the modems report for it (unique within a MAC domain); null: not read. */
  channelId: number | null;
  /** docsIfUpChannelWidth, Hz: the symbol rate, hence each tap's distance; null: not read. */
  widthHz: number | null;
}

export interface CmtsCpe {
  /** docsSubmgt3CpeIpId: the CPE's row under its modem. */
  cpeId: number;
  ip: string;
  /** docsSubmgt3CpeIpType: cpe(1) ps(2) mta(3) stb(4) tea(5) erouter(6) dva(7) sg(8) card(9). */
  type: number;
}

/** The two enumerations a CMTS reports a modem's state in. */
export type CmtsStateSource = 'docsIf3' | 'rfc4546';

/** A modem's state at its CMTS, from either enumeration, with what the diagnosis needs to know of it. */
export interface CmtsRegState {
  /** docsIf3CmtsCmRegStatusValue (CmtsCmRegState) or RFC 4546 docsIfCmtsCmStatusValue. */
  source: CmtsStateSource;
  /** The value in that enumeration; null when the row came without it (not read). */
  value: number | null;
  name: string;
  /** Registered and forwarding. */
  online: boolean;
  /** Powered, hears the downstream and transmits, but cannot finish ranging. */
  ranging: boolean;
  /** The CMTS refused the registration (RFC 4546 accessDenied(7)). */
  accessDenied: boolean;
  /** Registered, but the CMTS forwards none of its traffic (CmtsCmRegState forwardingDisabled(17)). */
  forwardingDisabled: boolean;
}

/** Which of the CMTS's modem tables a snapshot could read. */
export type CmtsModemTables = 'docsIf3' | 'rfc4546' | 'mixed' | 'none';

export interface CmtsModemRow {
  /** docsIf3CmtsCmRegStatusId, when the row came from DOCS-IF3. */
  regId: number | null;
  /** RFC 4546 docsIfCmtsCmStatusIndex, when the CMTS has that row. */
  statusIndex: number | null;
  mac: string;
  ipv4: string | null;
  state: CmtsRegState;
  /** docsIf3CmtsCmRegStatusMdIfIndex / MdCmSgId; null when not read (MdCmSgId 0 means unknown: null too). */
  mdIfIndex: number | null;
  sgId: number | null;
  /** docsIf3CmtsCmRegStatusLastRegTime, epoch ms, when the CMTS gives it. */
  lastRegAt: number | null;
  /** docsIf31CmtsCmRegStatusPartialSvcState, null on DOCSIS 3.0 CMTSs. */
  partialSvcState: number | null;
  upstream: CmtsUpstream[];
  /** The CMTS's CPE list for the modem; null when the CMTS has no docsSubmgt3 table (not read). */
  cpes: CmtsCpe[] | null;
}

/** What a snapshot found of the CMTS's modem objects: the tables it read and the ones the CMTS does not expose. */
export interface CmtsTablesSeen {
  modemTables: CmtsModemTables;
  /** MIB objects that gave no rows (absent, empty or outside the SNMP view). */
  missing: string[];
}

export type CmtsSnapshot =
  | {
      reachable: true;
      cmtsId: string;
      observedAt: number;
      rows: CmtsModemRow[];
      tables: CmtsTablesSeen;
      /** The CMTS's upstream channels; present only when the snapshot read the modems' pre-equalisation. */
      upstreamChannels?: CmtsUpstreamChannel[];
    }
  | { reachable: false; cmtsId: string; observedAt: number; error: string };

/** Registered and forwarding: operational(8), or registrationComplete(6) on CMTSs that stop there (both enums). */
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

/** RFC 4546 docsIfCmtsCmStatusValue. */
export const RFC4546_CMTS_STATUS: Record<number, string> = {
  1: 'other',
  2: 'ranging',
  3: 'rangingAborted',
  4: 'rangingComplete',
  5: 'ipComplete',
  6: 'registrationComplete',
  7: 'accessDenied',
  8: 'operational',
  9: 'registeredBPIInitializing',
};

const RANGING: Record<CmtsStateSource, readonly number[]> = { docsIf3: [2, 4], rfc4546: [2, 3] };
const ACCESS_DENIED: Record<CmtsStateSource, number | null> = { docsIf3: null, rfc4546: 7 };
const FORWARDING_DISABLED: Record<CmtsStateSource, number | null> = { docsIf3: 17, rfc4546: null };

/** One representation for both enumerations; value null (not read) is neither online nor anything else. */
export function cmtsRegState(source: CmtsStateSource, value: number | null): CmtsRegState {
  const names = source === 'docsIf3' ? CMTS_REG_STATE : RFC4546_CMTS_STATUS;
  return {
    source,
    value,
    name: value == null ? 'not read' : (names[value] ?? `state ${value}`),
    online: value != null && isOnlineAtCmts(value),
    ranging: value != null && RANGING[source].includes(value),
    accessDenied: value != null && value === ACCESS_DENIED[source],
    forwardingDisabled: value != null && value === FORWARDING_DISABLED[source],
  };
}
