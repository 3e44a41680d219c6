import type { ModemPoller } from '../checks/modem-poller';
import type { ModemReading, PollDetail } from '../domain/modem-reading';
import {
  FAST_POLL_COLUMNS,
  FAST_POLL_SCALARS,
  FULL_POLL_COLUMNS,
  FULL_POLL_SCALARS,
  OID,
} from '../mib/docsis-oids';
import { fallbackColumns, groupByColumn, parseModemReading } from '../mib/parse-modem-reading';
import type { ColumnSet } from '../mib/snmp-value';
import type { SnmpClient } from './snmp-client';
import type { SnmpTarget } from '../domain/snmp-target';

const SCALAR_OIDS: Record<PollDetail, string[]> = {
  fast: FAST_POLL_SCALARS.map((n) => `${OID[n]}.0`),
  full: [...FAST_POLL_SCALARS, ...FULL_POLL_SCALARS].map((n) => `${OID[n]}.0`),
};
const COLUMN_OIDS: Record<PollDetail, string[]> = {
  fast: FAST_POLL_COLUMNS.map((n) => OID[n]),
  full: [...FAST_POLL_COLUMNS, ...FULL_POLL_COLUMNS].map((n) => OID[n]),
};

/**
 * Reads the CM fast-poll set (docsis-reference §1.5), and for a full poll the call-centre objects with it, in the same
 * multi-column walk. Never throws: an unreachable modem is a reading too.
 */
export class SnmpModemPoller implements ModemPoller {
  constructor(
    private readonly client: SnmpClient,
    private readonly now: () => number = Date.now,
    /** How many of the event log's newest rows a full poll keeps (EVENT_LOG_ROWS). */
    private readonly eventLogRows?: number,
  ) {}

  async poll(modemId: string, target: SnmpTarget, detail: PollDetail = 'fast'): Promise<ModemReading> {
    const observedAt = this.now();
    const started = performance.now();
    const session = this.client.open(target);
    try {
      const columns: ColumnSet = new Map();
      const [scalars] = await Promise.all([
        session.get(SCALAR_OIDS[detail]),
        session.walkInto(COLUMN_OIDS[detail], columns),
      ]);
      // Only pre-3.0 modems (and ones missing DOCS-IF3 tables) pay for a second walk. It gets what is left of
      // the walk deadline, so a poll still ends within pollBudgetMs; with nothing left, those objects stay not read.
      const fallback = columns.size > 0 ? fallbackColumns(columns) : [];
      const remainingMs = session.walkDeadlineMs() - (performance.now() - started);
      if (fallback.length > 0 && remainingMs > 0) {
        await session.walkInto(
          fallback.map((n) => OID[n]),
          columns,
          { deadlineMs: remainingMs },
        );
      }
      const latencyMs = round(performance.now() - started);
      if (scalars.length === 0 && columns.size === 0) {
        return {
          reachable: false,
          modemId,
          observedAt,
          latencyMs,
          error: 'agent answered with no DOCSIS objects',
        };
      }
      return parseModemReading({
        modemId,
        observedAt,
        latencyMs,
        detail,
        eventLogRows: this.eventLogRows,
        columns: groupByColumn(scalars, columns),
      });
    } catch (error) {
      const latencyMs = round(performance.now() - started);
      const reason = error instanceof Error ? error.message : String(error);
      return { reachable: false, modemId, observedAt, latencyMs, error: reason };
    } finally {
      session.close();
    }
  }

  /** One GET of sysUpTime with a single short try: does the modem answer at all? */
  async answers(target: SnmpTarget, timeoutMs: number): Promise<boolean> {
    const session = this.client.open(target, { timeoutMs, retries: 0 });
    try {
      await session.get([`${OID.sysUpTime}.0`]);
      return true;
    } catch {
      return false;
    } finally {
      session.close();
    }
  }

  /** docsDevResetNow.0 = true(1): the modem restarts and drops out of SNMP while it re-registers. */
  async reset(target: SnmpTarget): Promise<void> {
    const session = this.client.open(target);
    try {
      await session.setInteger(`${OID.docsDevResetNow}.0`, 1);
    } finally {
      session.close();
    }
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
