import type { CmtsPoller, CmtsWalkOptions } from '../cmts/cmts-poller';
import type { CmtsModemRow, CmtsSnapshot } from '../domain/cmts-reading';
import {
  CMTS_COLUMNS,
  CMTS_CPE_COLUMNS,
  CMTS_PRE_EQ_COLUMNS,
  CMTS_ROW_COLUMNS,
  CMTS_US_COLUMNS,
  OID,
  RFC4546_CMTS_COLUMNS,
} from '../mib/docsis-oids';
import { CMTS_OBJECTS, parseCmtsRows, parseCmtsSnapshot } from '../mib/parse-cmts-snapshot';
import type { SnmpClient, WalkLimits } from './snmp-client';
import type { SnmpTarget } from '../domain/snmp-target';
import type { SnmpVarbind } from '../mib/snmp-value';

const SNAPSHOT_COLUMNS = CMTS_COLUMNS.map((n) => OID[n]);
/** In the same GETBULK rounds as the rows: the coefficients column ends with the upstream columns, no round more. */
const SNAPSHOT_WITH_PRE_EQ = [...CMTS_COLUMNS, ...CMTS_PRE_EQ_COLUMNS].map((n) => OID[n]);
const RFC4546_COLUMNS = RFC4546_CMTS_COLUMNS.map((n) => OID[n]);
/**
 * A CMTS's tables hold a row per modem and per upstream channel of each modem, so one snapshot of a CMTS with
 * thousands of modems takes thousands of GETBULK requests. The caps meant for a modem's own walk (200 requests,
 * twice one request's budget) stopped every snapshot of a CMTS past ~900 modems. The headend gets table-sized caps,
 * which still end a walk whose agent never ends a column.
 */
const SNAPSHOT_LIMITS: WalkLimits = { maxRounds: 100_000, deadlineMs: 120_000 };

/** The MAC as the 6 sub-identifiers that index docsIfCmtsMacToCmTable. */
function macIndex(mac: string): string {
  return mac
    .split(':')
    .map((h) => parseInt(h, 16))
    .join('.');
}

/** Reads a CMTS: every modem's row (a snapshot), or one modem's row with a single GET. Never throws. */
export class SnmpCmtsPoller implements CmtsPoller {
  constructor(
    private readonly client: SnmpClient,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The DOCS-IF3 tables first; the RFC 4546 table only when a DOCS-IF3 registration or upstream table gave no rows,
   * so a DOCSIS 3.0 CMTS costs no second walk.
   */
  async snapshot(
    cmtsId: string,
    target: SnmpTarget,
    options: CmtsWalkOptions = { usEqData: false },
  ): Promise<CmtsSnapshot> {
    const observedAt = this.now();
    const session = this.client.open(target);
    const parseOptions = { usEqData: options.usEqData };
    try {
      const columns = options.usEqData ? SNAPSHOT_WITH_PRE_EQ : SNAPSHOT_COLUMNS;
      let varbinds: SnmpVarbind[] = await session.walkColumns(columns, SNAPSHOT_LIMITS);
      let parsed = parseCmtsSnapshot(varbinds, parseOptions);
      const { missing } = parsed.tables;
      if (missing.includes(CMTS_OBJECTS.if3Reg) || missing.includes(CMTS_OBJECTS.if3Us)) {
        varbinds = [...varbinds, ...(await session.walkColumns(RFC4546_COLUMNS, SNAPSHOT_LIMITS))];
        parsed = parseCmtsSnapshot(varbinds, parseOptions);
      }
      return {
        reachable: true,
        cmtsId,
        observedAt,
        rows: parsed.rows,
        tables: parsed.tables,
        ...(parsed.upstreamChannels ? { upstreamChannels: parsed.upstreamChannels } : {}),
      };
    } catch (error) {
      return {
        reachable: false,
        cmtsId,
        observedAt,
        error: error instanceof Error ? error.message : String(error),
      };
    } finally {
      session.close();
    }
  }

  /**
   * The current row of one modem whose row ids, upstream channels and CPEs are known from a snapshot: one GET
   * (a second one only when docsIfCmtsCmPtr says the modem's RFC 4546 row moved). Null when the row is gone.
   * CPEs that appeared since the snapshot show up at the next snapshot.
   */
  async row(target: SnmpTarget, known: CmtsModemRow): Promise<CmtsModemRow | null> {
    const id = known.regId;
    const rfc = known.statusIndex;
    const rfcOids = (ix: number): string[] => RFC4546_CMTS_COLUMNS.map((n) => `${OID[n]}.${ix}`);
    const oids = [
      ...(id == null
        ? []
        : [
            ...CMTS_ROW_COLUMNS.map((n) => `${OID[n]}.${id}`),
            ...known.upstream.flatMap((us) => CMTS_US_COLUMNS.map((n) => `${OID[n]}.${id}.${us.ifIndex}`)),
            ...(known.cpes ?? []).flatMap((c) => CMTS_CPE_COLUMNS.map((n) => `${OID[n]}.${id}.${c.cpeId}`)),
          ]),
      ...(rfc == null ? [] : [`${OID.docsIfCmtsCmPtr}.${macIndex(known.mac)}`, ...rfcOids(rfc)]),
    ];
    const session = this.client.open(target);
    try {
      let varbinds = await session.get(oids);
      const ptr = varbinds.find((vb) => vb.oid.startsWith(`${OID.docsIfCmtsCmPtr}.`))?.value;
      if (rfc != null && typeof ptr === 'number' && ptr !== rfc) {
        varbinds = [...varbinds, ...(await session.get(rfcOids(ptr)))];
      }
      const row = parseCmtsRows(varbinds).find((r) => r.mac === known.mac);
      return row ? { ...row, cpes: row.cpes ?? (known.cpes == null ? null : []) } : null;
    } finally {
      session.close();
    }
  }
}
