import {
  cmtsRegState,
  type CmtsCpe,
  type CmtsModemRow,
  type CmtsModemTables,
  type CmtsTablesSeen,
  type CmtsUpstream,
  type CmtsUpstreamChannel,
} from '../domain/cmts-reading';
import { CMTS_COLUMNS, CMTS_PRE_EQ_COLUMNS, OID, RFC4546_CMTS_COLUMNS, type OidName } from './docsis-oids';
import type { SnmpVarbind } from './snmp-value';

// Pure: CMTS varbinds -> one row per registered modem, in real units. Tested on captured fixtures.
// Each object is read from DOCS-IF3 where the CMTS has it, else from the RFC 4546 DOCS-IF-MIB table (per object,
// not per CMTS: a CMTS may hide one DOCS-IF3 table and show another). What neither gives stays null.

type Value = SnmpVarbind['value'];

function octets(v: Value | undefined): Buffer | null {
  if (v == null) {
    return null;
  }
  if (Buffer.isBuffer(v)) {
    return v;
  }
  return typeof v === 'string' ? Buffer.from(v, 'latin1') : null;
}

export function formatMac(v: Value | undefined): string | null {
  const b = octets(v);
  return b && b.length === 6 ? [...b].map((x) => x.toString(16).padStart(2, '0')).join(':') : null;
}

function formatIpv4(v: Value | undefined): string | null {
  // An SMI IpAddress comes decoded as dotted text; an InetAddress as 4 octets.
  if (typeof v === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(v)) {
    return v;
  }
  const b = octets(v);
  return b && b.length === 4 ? [...b].join('.') : null;
}

/** SNMPv2-TC DateAndTime (8 or 11 octets) -> epoch ms; the zone octets, when present, are honoured. */
export function parseDateAndTime(v: Value | undefined): number | null {
  const b = octets(v);
  if (!b || (b.length !== 8 && b.length !== 11)) {
    return null;
  }
  const utc = Date.UTC(b.readUInt16BE(0), b[2] - 1, b[3], b[4], b[5], b[6], b[7] * 100);
  if (b.length === 11) {
    const sign = String.fromCharCode(b[8]) === '-' ? -1 : 1;
    return utc - sign * (b[9] * 60 + b[10]) * 60_000;
  }
  return utc;
}

/** Groups varbinds of the given columns by the index after the column OID. */
function byColumn(
  varbinds: readonly SnmpVarbind[],
  names: readonly OidName[],
): Map<OidName, Map<string, Value>> {
  const out = new Map<OidName, Map<string, Value>>(names.map((n) => [n, new Map()]));
  for (const vb of varbinds) {
    for (const name of names) {
      const base = `${OID[name]}.`;
      if (vb.oid.startsWith(base)) {
        out.get(name)!.set(vb.oid.slice(base.length), vb.value);
        break;
      }
    }
  }
  return out;
}

const COLUMNS = [...CMTS_COLUMNS, ...RFC4546_CMTS_COLUMNS] as const;
const WITH_PRE_EQ = [...COLUMNS, ...CMTS_PRE_EQ_COLUMNS] as const;
type Column = (typeof WITH_PRE_EQ)[number];
const NO_ROWS: ReadonlyMap<string, Value> = new Map();

/** The modem objects a CMTS can lack, by the name a person looks them up by. */
export const CMTS_OBJECTS = {
  if3Reg: 'docsIf3CmtsCmRegStatusTable',
  if3Us: 'docsIf3CmtsCmUsStatusTable',
  cpe: 'docsSubmgt3CpeIpTable',
  rfc4546: 'docsIfCmtsCmStatusTable',
  if3UsEqData: 'docsIf3CmtsCmUsStatusEqData',
  usChannels: 'docsIfUpstreamChannelTable',
} as const;

/**
 * Rows keyed {regId, sub} grouped by regId: the sub-indexes under each regId, in order. One pass over the column
 * (scanning the whole column once per modem made a snapshot's parse quadratic: seconds for a 2,000-modem CMTS).
 */
function subRowsByRegId(c: ReadonlyMap<string, Value>): Map<string, [string, Value][]> {
  const out = new Map<string, [string, Value][]>();
  for (const [ix, v] of c) {
    const dot = ix.indexOf('.');
    if (dot <= 0) {
      continue;
    }
    const regId = ix.slice(0, dot);
    const rows = out.get(regId) ?? [];
    rows.push([ix.slice(dot + 1), v]);
    out.set(regId, rows);
  }
  return out;
}

/** The sub-indexes (upstream ifIndexes) any of the columns has under each regId, in first-seen order. */
function subIndexesByRegId(columns: readonly ReadonlyMap<string, Value>[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of columns) {
    for (const [regId, rows] of subRowsByRegId(c)) {
      const seen = out.get(regId) ?? [];
      rows.forEach(([sub]) => seen.includes(sub) || seen.push(sub));
      out.set(regId, seen);
    }
  }
  return out;
}

function asNumber(v: Value | undefined): number | null {
  return v == null || Buffer.isBuffer(v) || typeof v === 'string' ? null : Number(v);
}

const tenths = (v: number | null): number | null => (v == null ? null : v / 10);

export interface ParsedCmts {
  rows: CmtsModemRow[];
  tables: CmtsTablesSeen;
  /** With `usEqData`: the CMTS's upstream channels (empty when it gave none). */
  upstreamChannels?: CmtsUpstreamChannel[];
}

export interface CmtsParseOptions {
  /**
   * The walk included CMTS_PRE_EQ_COLUMNS: keep each upstream's docsIf3CmtsCmUsStatusEqData and the upstream
   * channels, and name them missing when the CMTS gave no rows. Without it they are neither read nor missing.
   */
  usEqData?: boolean;
}

export function parseCmtsSnapshot(
  varbinds: readonly SnmpVarbind[],
  options: CmtsParseOptions = {},
): ParsedCmts {
  const preEq = options.usEqData === true;
  const cols = byColumn(varbinds, preEq ? WITH_PRE_EQ : COLUMNS);
  const col = (n: Column): ReadonlyMap<string, Value> => cols.get(n) ?? NO_ROWS;
  const num = (n: Column, ix: string): number | null => asNumber(col(n).get(ix));
  const usSubs = subIndexesByRegId([
    col('docsIf3CmtsCmUsStatusRxPower'),
    col('docsIf3CmtsCmUsStatusSignalNoise'),
    col('docsIf3CmtsCmUsStatusUncorrectables'),
    col('docsIf3CmtsCmUsStatusRangingStatus'),
  ]);
  const cpeRows = subRowsByRegId(col('docsSubmgt3CpeIpAddr'));
  const hasCpeTable = col('docsSubmgt3CpeIpAddr').size > 0;

  const rfcByMac = new Map<string, string>();
  for (const [ix, v] of col('docsIfCmtsCmStatusMacAddress')) {
    const mac = formatMac(v);
    if (mac) {
      rfcByMac.set(mac, ix);
    }
  }
  let usedRfc = false;

  const eqData = col('docsIf3CmtsCmUsStatusEqData');
  const if3Upstream = (regId: string): CmtsUpstream[] =>
    (usSubs.get(regId) ?? []).map((us) => {
      const ix = `${regId}.${us}`;
      // Hex copies: a decoder's Buffer may be a view of the whole response, which the cache would then keep.
      const eq = eqData.size > 0 ? octets(eqData.get(ix))?.toString('hex') : undefined;
      return {
        ifIndex: Number(us),
        rxPowerDbmv: tenths(num('docsIf3CmtsCmUsStatusRxPower', ix)),
        snrDb: tenths(num('docsIf3CmtsCmUsStatusSignalNoise', ix)),
        uncorrectables: num('docsIf3CmtsCmUsStatusUncorrectables', ix),
        rangingStatus: num('docsIf3CmtsCmUsStatusRangingStatus', ix),
        ...(eq === undefined ? {} : { eqData: eq }),
      };
    });
  const rfcUpstream = (ix: string): CmtsUpstream[] => {
    const rx = num('docsIfCmtsCmStatusRxPower', ix);
    const snr = num('docsIfCmtsCmStatusSignalNoise', ix);
    const usIfIndex = num('docsIfCmtsCmStatusUpChannelIfIndex', ix);
    if (rx == null && snr == null && !usIfIndex) {
      return [];
    }
    const ext = col('docsIfCmtsCmStatusExtUncorrectables').get(ix);
    return [
      {
        ifIndex: usIfIndex ?? 0,
        rxPowerDbmv: tenths(rx),
        snrDb: tenths(snr),
        uncorrectables:
          typeof ext === 'bigint' || typeof ext === 'number'
            ? Number(ext)
            : num('docsIfCmtsCmStatusUncorrectables', ix),
        rangingStatus: null,
      },
    ];
  };
  const rfcIpv4 = (ix: string): string | null =>
    num('docsIfCmtsCmStatusInetAddressType', ix) === 1
      ? formatIpv4(col('docsIfCmtsCmStatusInetAddress').get(ix))
      : formatIpv4(col('docsIfCmtsCmStatusIpAddress').get(ix));

  const rows: CmtsModemRow[] = [];
  const seen = new Set<string>();
  const build = (mac: string, regId: string | null, rfc: string | undefined): CmtsModemRow => {
    const if3Value = regId == null ? null : num('docsIf3CmtsCmRegStatusValue', regId);
    const rfcValue = rfc == null ? null : num('docsIfCmtsCmStatusValue', rfc);
    const state =
      if3Value != null || rfc == null
        ? cmtsRegState(regId == null ? 'rfc4546' : 'docsIf3', if3Value)
        : cmtsRegState('rfc4546', rfcValue);
    let upstream = regId == null ? [] : if3Upstream(regId);
    if (upstream.length === 0 && rfc != null) {
      upstream = rfcUpstream(rfc);
    }
    const sgId = regId == null ? null : num('docsIf3CmtsCmRegStatusMdCmSgId', regId);
    const ipv4 = regId == null ? null : formatIpv4(col('docsIf3CmtsCmRegStatusIPv4Addr').get(regId));
    const row: CmtsModemRow = {
      regId: regId == null ? null : Number(regId),
      statusIndex: rfc == null ? null : Number(rfc),
      mac,
      ipv4: ipv4 ?? (rfc == null ? null : rfcIpv4(rfc)),
      state,
      mdIfIndex: regId == null ? null : num('docsIf3CmtsCmRegStatusMdIfIndex', regId),
      sgId: sgId ? sgId : null,
      lastRegAt: regId == null ? null : parseDateAndTime(col('docsIf3CmtsCmRegStatusLastRegTime').get(regId)),
      partialSvcState: regId == null ? null : num('docsIf31CmtsCmRegStatusPartialSvcState', regId),
      upstream,
      cpes: hasCpeTable && regId != null ? cpesOf(regId) : null,
    };
    usedRfc ||=
      rfc != null &&
      (state.source === 'rfc4546' || (upstream.length > 0 && regId != null && !usSubs.has(regId)));
    return row;
  };
  const cpesOf = (regId: string): CmtsCpe[] =>
    (cpeRows.get(regId) ?? []).flatMap(([cpeId, v]) => {
      const ip = formatIpv4(v);
      return ip
        ? [{ cpeId: Number(cpeId), ip, type: num('docsSubmgt3CpeIpType', `${regId}.${cpeId}`) ?? 1 }]
        : [];
    });

  for (const [regId, macValue] of col('docsIf3CmtsCmRegStatusMacAddr')) {
    const mac = formatMac(macValue);
    if (mac && !seen.has(mac)) {
      seen.add(mac);
      rows.push(build(mac, regId, rfcByMac.get(mac)));
    }
  }
  for (const [mac, ix] of rfcByMac) {
    if (!seen.has(mac)) {
      seen.add(mac);
      rows.push(build(mac, null, ix));
    }
  }

  const if3Reg = col('docsIf3CmtsCmRegStatusMacAddr').size > 0;
  const rfcTable = rfcByMac.size > 0;
  const missing: string[] = [];
  if (!if3Reg) {
    missing.push(CMTS_OBJECTS.if3Reg);
  }
  if (usSubs.size === 0) {
    missing.push(CMTS_OBJECTS.if3Us);
  }
  if (!hasCpeTable) {
    missing.push(CMTS_OBJECTS.cpe);
  }
  if (!rfcTable && (!if3Reg || usSubs.size === 0)) {
    missing.push(CMTS_OBJECTS.rfc4546);
  }
  const upstreamChannels = preEq ? parseUpstreamChannels(col) : undefined;
  if (preEq && eqData.size === 0) {
    missing.push(CMTS_OBJECTS.if3UsEqData);
  }
  if (upstreamChannels?.length === 0) {
    missing.push(CMTS_OBJECTS.usChannels);
  }
  const modemTables: CmtsModemTables = if3Reg
    ? usedRfc
      ? 'mixed'
      : 'docsIf3'
    : rfcTable
      ? 'rfc4546'
      : 'none';
  return { rows, tables: { modemTables, missing }, ...(upstreamChannels ? { upstreamChannels } : {}) };
}

/** docsIfUpstreamChannelTable rows by ifIndex; a width of 0 (unknown) is not read. */
function parseUpstreamChannels(col: (n: Column) => ReadonlyMap<string, Value>): CmtsUpstreamChannel[] {
  const ids = col('docsIfUpChannelId');
  const widths = col('docsIfUpChannelWidth');
  const ifIndexes = [...new Set([...ids.keys(), ...widths.keys()])]
    .map(Number)
    .filter((ix) => Number.isInteger(ix) && ix > 0)
    .sort((a, b) => a - b);
  return ifIndexes.map((ifIndex) => {
    const width = asNumber(widths.get(`${ifIndex}`));
    return {
      ifIndex,
      channelId: asNumber(ids.get(`${ifIndex}`)),
      widthHz: width != null && width > 0 ? width : null,
    };
  });
}

export function parseCmtsRows(varbinds: readonly SnmpVarbind[]): CmtsModemRow[] {
  return parseCmtsSnapshot(varbinds).rows;
}
