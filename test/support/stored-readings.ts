import {
  CMTS_DIALECTS,
  type CmtsDialect,
  DEFAULT_SCENARIO_MIX,
  MODEM_GENERATIONS,
  QUIRKS_BY_GENERATION,
  SCENARIO_NAMES,
  type ModemShape,
} from '../../src/config/simulator-spec';
import { counterSnapshot } from '../../src/checks/line-check.service';
import { diagnose } from '../../src/diagnosis/diagnose';
import { toHistoryEntry } from '../../src/diagnosis/history';
import type { CmtsModemRow } from '../../src/domain/cmts-reading';
import type { CmtsContext, CounterSnapshot, HistoryEntry } from '../../src/domain/diagnosis';
import type { ModemReading } from '../../src/domain/modem-reading';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';
import { parseCmtsSnapshot } from '../../src/mib/parse-cmts-snapshot';
import { parseModemReading } from '../../src/mib/parse-modem-reading';
import type { SnmpVarbind } from '../../src/mib/snmp-value';
import type { StoredReading } from '../../src/readings/reading.store';
import { SimulatedFleet } from '../../src/simulator/fleet';
import { scenarioMisfit } from '../../src/simulator/generations';
import { findScenario } from '../../src/simulator/scenarios';
import type { AgentView } from '../../src/snmp-agent/agent-view';

// What the service stores for simulated modems of every scenario, DOCSIS generation, vendor quirk and CMTS dialect,
// built without sockets: each modem's and CMTS's SNMP view is walked in full and parsed by the poller's own parsers,
// then diagnosed with a day of history and a codeword baseline, as the service would. For codec tests and benches.

export interface StoredCase {
  /** scenario / shape / CMTS dialect */
  name: string;
  stored: StoredReading;
  entry: HistoryEntry;
  counters: CounterSnapshot | null;
}

const CLOCK = Date.UTC(2026, 11, 3, 12, 0, 0);

/** Every generation with no quirk and with each of its quirks. */
export const SHAPES: readonly ModemShape[] = MODEM_GENERATIONS.flatMap((docsis) => [
  { docsis, quirks: [] },
  ...QUIRKS_BY_GENERATION[docsis].map((q) => ({ docsis, quirks: [q] })),
]);

function walk(view: AgentView): SnmpVarbind[] {
  const out: SnmpVarbind[] = [];
  for (let vb = view.next('1.3.6.1'); vb; vb = view.nextAfter ? view.nextAfter(vb) : view.next(vb.oid)) {
    if (vb.type !== 'Opaque' && vb.type !== 'Null') {
      // What BER carries: an integer is never -0.
      out.push({ oid: vb.oid, type: vb.type, value: Object.is(vb.value, -0) ? 0 : vb.value });
    }
  }
  return out;
}

/** Each scenario on each shape it fits, behind CMTSes of one dialect: one stored reading each. */
export function storedCases(dialect: CmtsDialect): StoredCase[] {
  const pairs = SCENARIO_NAMES.flatMap((scenario) =>
    SHAPES.filter((shape) => scenarioMisfit(findScenario(scenario)!, shape) == null).map(
      (shape) => [scenario, shape] as const,
    ),
  );
  const shapes = Object.fromEntries(pairs.map(([, shape], i) => [idOf(i), shape]));
  const fleet = new SimulatedFleet(
    {
      size: pairs.length,
      docsis31Share: 0.5,
      v3Share: 0,
      scenarioMix: { TEXTBOOK: 1 },
      seed: 42,
      idPrefix: 'sim-cm-',
      serviceGroupSize: 8,
      serviceGroupsPerCmts: 2,
      shapes,
      cmtsDialectMix: { [dialect]: 1 },
    },
    { rebootDownSec: 5, selfRebootPeriodSec: null },
    () => CLOCK,
  );
  pairs.forEach(([scenario], i) => fleet.setScenario(idOf(i), scenario));
  return storedFrom(fleet);
}

/**
 * A fleet as the benches simulate it (the default scenario mix: TEXTBOOK 60, NO_CPE 4, each other scenario 1; half
 * DOCSIS 3.1), each modem as the service stores it.
 */
export function storedFleet(size: number, seed = 42): StoredCase[] {
  const fleet = new SimulatedFleet(
    {
      size,
      docsis31Share: 0.5,
      v3Share: 0,
      scenarioMix: DEFAULT_SCENARIO_MIX,
      seed,
      idPrefix: 'sim-cm-',
      serviceGroupSize: 40,
      serviceGroupsPerCmts: 8,
    },
    { rebootDownSec: 5, selfRebootPeriodSec: null },
    () => CLOCK,
  );
  return storedFrom(fleet);
}

function storedFrom(fleet: SimulatedFleet): StoredCase[] {
  const rows = new Map<string, CmtsModemRow[]>();
  const dialects = new Map<string, CmtsDialect>();
  for (const c of fleet.cmtses()) {
    const view = fleet.viewFor(c.id, 'v2c');
    rows.set(c.id, view ? parseCmtsSnapshot(walk(view)).rows : []);
    dialects.set(c.id, c.dialect);
  }
  return fleet.modems().map((m, i) => {
    const view = fleet.viewFor(m.id, 'v2c');
    const latencyMs = 10 + ((i * 37) % 900) / 100;
    // Every third modem as a call-centre check reads it (a full poll), the others as sweeps do.
    const detail = i % 3 === 0 ? 'full' : 'fast';
    const reading: ModemReading = view
      ? parseModemReading({ modemId: m.id, observedAt: CLOCK, latencyMs, detail, varbinds: walk(view) })
      : {
          reachable: false,
          modemId: m.id,
          observedAt: CLOCK,
          latencyMs: 4000.5,
          error: 'Request timed out',
        };
    const dialect = dialects.get(m.placement.cmtsId) ?? 'docsis30';
    const cmtsRows = rows.get(m.placement.cmtsId) ?? [];
    const row = cmtsRows.find((r) => r.mac === m.mac) ?? null;
    const cmts: CmtsContext = {
      cmtsId: m.placement.cmtsId,
      setPointDbmv: 0,
      row,
      modemTables: dialect === 'blind' ? 'none' : dialect === 'rfc4546' ? 'rfc4546' : 'docsIf3',
      neighbourhood:
        row?.mdIfIndex != null && row.sgId != null
          ? {
              cmtsId: m.placement.cmtsId,
              mdIfIndex: row.mdIfIndex,
              sgId: row.sgId,
              groupKey: `${row.mdIfIndex}.${row.sgId}`,
              groupedBy: 'serviceGroup',
              observedAt: CLOCK,
              others: 7,
              notInInventory: 0,
              othersOffline: i % 8,
              faultCounts: {},
            }
          : null,
    };
    const history = dayOfHistory(reading, row);
    const counterBaseline = counterSnapshot({ ...reading, observedAt: CLOCK - 3_600_000 });
    const diagnosis = diagnose({
      reading,
      history,
      counterBaseline,
      thresholds: DEFAULT_THRESHOLDS,
      cmts,
      cpeDevices: reading.reachable
        ? (reading.cpeMacs ?? []).map((mac) => ({ mac, vendor: 'Ubiquiti Inc' }))
        : [],
      othersSilent: reading.reachable ? undefined : i % 30,
    });
    return {
      name: `${m.scenario.name} / ${[m.docsis, ...m.quirks].join('+')} / ${dialect}`,
      stored: { reading, diagnosis, thresholdsProfile: DEFAULT_THRESHOLDS.name },
      entry: toHistoryEntry(reading, diagnosis.verdict, row),
      counters: counterSnapshot(reading),
    };
  });
}

/** All dialects. */
export function allStoredCases(): StoredCase[] {
  return CMTS_DIALECTS.flatMap(storedCases);
}

function dayOfHistory(reading: ModemReading, row: CmtsModemRow | null): HistoryEntry[] {
  return Array.from({ length: 96 }, (_, k) => {
    const at = CLOCK - (96 - k) * 15 * 60_000;
    return toHistoryEntry({ ...reading, observedAt: at }, undefined, row);
  });
}

function idOf(i: number): string {
  return `sim-cm-${String(i + 1).padStart(5, '0')}`;
}
