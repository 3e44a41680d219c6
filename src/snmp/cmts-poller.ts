import type { CmtsModemRow, CmtsSnapshot } from '../telemetry/cmts-reading';
import { CMTS_COLUMNS, CMTS_CPE_COLUMNS, CMTS_ROW_COLUMNS, CMTS_US_COLUMNS, OID } from './docsis-oids';
import { parseCmtsRows } from './parse-cmts-snapshot';
import type { SnmpClient, WalkLimits } from './snmp-client';
import type { SnmpTarget } from './snmp-target';

const SNAPSHOT_COLUMNS = CMTS_COLUMNS.map((n) => OID[n]);
/**
 * A CMTS's tables hold a row per modem and per upstream channel of each modem, so one snapshot of a CMTS with
 * thousands of modems takes thousands of GETBULK requests. The caps meant for a modem's own walk (200 requests,
 * twice one request's budget) stopped every snapshot of a CMTS past ~900 modems. The headend gets table-sized caps,
 * which still end a walk whose agent never ends a column.
 */
const SNAPSHOT_LIMITS: WalkLimits = { maxRounds: 100_000, deadlineMs: 120_000 };

/** Reads a CMTS: every modem's row (a snapshot), or one modem's row with a single GET. Never throws. */
export class CmtsPoller {
  constructor(
    private readonly client: SnmpClient,
    private readonly now: () => number = Date.now,
  ) {}

  async snapshot(cmtsId: string, target: SnmpTarget): Promise<CmtsSnapshot> {
    const observedAt = this.now();
    const session = this.client.open(target);
    try {
      const rows = parseCmtsRows(await session.walkColumns(SNAPSHOT_COLUMNS, SNAPSHOT_LIMITS));
      return { reachable: true, cmtsId, observedAt, rows };
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
   * The current row of one modem whose row id, upstream channels and CPEs are known from a snapshot: one GET.
   * Null when the row is gone. CPEs that appeared since the snapshot show up at the next snapshot.
   */
  async row(target: SnmpTarget, known: CmtsModemRow): Promise<CmtsModemRow | null> {
    const id = known.regId;
    const oids = [
      ...CMTS_ROW_COLUMNS.map((n) => `${OID[n]}.${id}`),
      ...known.upstream.flatMap((us) => CMTS_US_COLUMNS.map((n) => `${OID[n]}.${id}.${us.ifIndex}`)),
      ...known.cpes.flatMap((c) => CMTS_CPE_COLUMNS.map((n) => `${OID[n]}.${id}.${c.cpeId}`)),
    ];
    const session = this.client.open(target);
    try {
      const [row] = parseCmtsRows(await session.get(oids));
      return row && row.mac === known.mac ? row : null;
    } finally {
      session.close();
    }
  }
}
