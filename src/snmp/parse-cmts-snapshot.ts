import type { CmtsCpe, CmtsModemRow, CmtsUpstream } from '../telemetry/cmts-reading';
import { CMTS_COLUMNS, OID, type OidName } from './docsis-oids';
import type { SnmpVarbind } from './snmp-value';

// Pure: CMTS varbinds -> one row per registered modem, in real units. Tested on captured fixtures.

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

const REG = CMTS_COLUMNS;

/**
 * Rows keyed {regId, sub} grouped by regId: the sub-indexes under each regId, in order. One pass over the column
 * (scanning the whole column once per modem made a snapshot's parse quadratic: seconds for a 2,000-modem CMTS).
 */
function subRowsByRegId(c: Map<string, Value>): Map<string, [string, Value][]> {
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

export function parseCmtsRows(varbinds: readonly SnmpVarbind[]): CmtsModemRow[] {
  const cols = byColumn(varbinds, REG);
  const col = (n: (typeof REG)[number]): Map<string, Value> => cols.get(n)!;
  const usRows = subRowsByRegId(col('docsIf3CmtsCmUsStatusRxPower'));
  const cpeRows = subRowsByRegId(col('docsSubmgt3CpeIpAddr'));
  const rows: CmtsModemRow[] = [];
  for (const [regId, macValue] of col('docsIf3CmtsCmRegStatusMacAddr')) {
    const mac = formatMac(macValue);
    if (!mac) {
      continue;
    }
    const num = (n: (typeof REG)[number], ix: string): number | null => {
      const v = col(n).get(ix);
      return v == null || Buffer.isBuffer(v) ? null : Number(v);
    };
    const upstream: CmtsUpstream[] = (usRows.get(regId) ?? []).map(([us, v]) => ({
      ifIndex: Number(us),
      rxPowerDbmv: Number(v) / 10,
      snrDb: (num('docsIf3CmtsCmUsStatusSignalNoise', `${regId}.${us}`) ?? 0) / 10,
      uncorrectables: num('docsIf3CmtsCmUsStatusUncorrectables', `${regId}.${us}`) ?? 0,
      rangingStatus: num('docsIf3CmtsCmUsStatusRangingStatus', `${regId}.${us}`) ?? 4,
    }));
    const cpes: CmtsCpe[] = (cpeRows.get(regId) ?? []).flatMap(([cpeId, v]) => {
      const ip = formatIpv4(v);
      return ip
        ? [{ cpeId: Number(cpeId), ip, type: num('docsSubmgt3CpeIpType', `${regId}.${cpeId}`) ?? 1 }]
        : [];
    });
    rows.push({
      regId: Number(regId),
      mac,
      ipv4: formatIpv4(col('docsIf3CmtsCmRegStatusIPv4Addr').get(regId)),
      regState: num('docsIf3CmtsCmRegStatusValue', regId) ?? 1,
      mdIfIndex: num('docsIf3CmtsCmRegStatusMdIfIndex', regId) ?? 0,
      sgId: num('docsIf3CmtsCmRegStatusMdCmSgId', regId) ?? 0,
      lastRegAt: parseDateAndTime(col('docsIf3CmtsCmRegStatusLastRegTime').get(regId)),
      partialSvcState: num('docsIf31CmtsCmRegStatusPartialSvcState', regId),
      upstream,
      cpes,
    });
  }
  return rows;
}
