import { type FleetSpec } from '../config/simulator-spec';
import { OID } from '../mib/docsis-oids';
import { parseCmtsSnapshot } from '../mib/parse-cmts-snapshot';
import type { SnmpVarbind } from '../mib/snmp-value';
import { cmtsUsIfIndex, cmtsView, macOctets } from './cmts-mib';
import { cmtsDialectFor, SimulatedFleet } from './fleet';

const NOW = Date.UTC(2026, 11, 1);
const TIMING = { rebootDownSec: 5, selfRebootPeriodSec: null };

function spec(patch: Partial<FleetSpec> = {}): FleetSpec {
  return {
    size: 40,
    docsis31Share: 0.5,
    v3Share: 0,
    scenarioMix: { TEXTBOOK: 1 },
    seed: 42,
    idPrefix: 'sim-cm-',
    serviceGroupSize: 5,
    serviceGroupsPerCmts: 2,
    ...patch,
  };
}

/** Every object a CMTS view serves, in OID order (what a walk of the whole agent returns). */
function walkAll(fleet: SimulatedFleet, cmtsId: string): SnmpVarbind[] {
  const view = cmtsView(fleet.cmts(cmtsId)!, NOW);
  const out: SnmpVarbind[] = [];
  for (let vb = view.next('0'); vb; vb = view.next(vb.oid)) {
    out.push({ oid: vb.oid, type: vb.type as SnmpVarbind['type'], value: vb.value });
  }
  return out;
}

describe('simulated CMTS dialects', () => {
  it('the default mix gives CMTS 1, 2 and 3 docsis30, rfc4546 and blind; later ones come from the seed', () => {
    const s = spec({ cmtsDialectMix: { docsis30: 7, rfc4546: 2, blind: 1 } });
    const dialects = Array.from({ length: 12 }, (_, i) => cmtsDialectFor(s, i, `sim-cmts-${i + 1}`));
    expect(dialects.slice(0, 3)).toEqual(['docsis30', 'rfc4546', 'blind']);
    expect(Array.from({ length: 12 }, (_, i) => cmtsDialectFor(s, i, `sim-cmts-${i + 1}`))).toEqual(dialects);
    expect(dialects.filter((d) => d === 'docsis30').length).toBeGreaterThan(dialects.length / 2);
  });

  it('without a mix every CMTS is docsis30, and a CMTS set by id wins', () => {
    expect(cmtsDialectFor(spec(), 1, 'sim-cmts-2')).toBe('docsis30');
    const s = spec({ cmts: { 'sim-cmts-1': { dialect: 'blind' } } });
    expect(cmtsDialectFor(s, 0, 'sim-cmts-1')).toBe('blind');
  });

  it('docsis30 serves DOCS-IF3 rows only; rfc4546 the RFC 4546 table and MAC look-up only; blind neither', () => {
    const fleet = new SimulatedFleet(
      spec({ cmts: { 'sim-cmts-2': { dialect: 'rfc4546' }, 'sim-cmts-3': { dialect: 'blind' } } }),
      TIMING,
      () => NOW,
    );
    const if3 = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-1'));
    expect(if3.tables.modemTables).toBe('docsIf3');
    expect(if3.rows).toHaveLength(10);

    const rfc = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-2'));
    expect(rfc.tables.modemTables).toBe('rfc4546');
    expect(rfc.rows).toHaveLength(10);
    const m = fleet.cmts('sim-cmts-2')!.modems[0];
    const row = rfc.rows.find((r) => r.mac === m.mac)!;
    expect(row).toEqual(
      expect.objectContaining({
        regId: null,
        statusIndex: m.placement.regId,
        sgId: null,
        ipv4: m.placement.ipv4,
      }),
    );
    expect(row.state).toEqual(expect.objectContaining({ source: 'rfc4546', value: 6, online: true }));
    expect(row.upstream.map((us) => us.ifIndex)).toEqual([cmtsUsIfIndex(m, 0)]);
    const ptr = cmtsView(fleet.cmts('sim-cmts-2')!, NOW).get(
      `${OID.docsIfCmtsCmPtr}.${[...macOctets(m.mac)].join('.')}`,
    );
    expect(ptr?.value).toBe(m.placement.regId);

    const blind = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-3'));
    expect(blind).toEqual({ rows: [], tables: expect.objectContaining({ modemTables: 'none' }) });
  });

  it('each node has its own upstream channels, so grouping by upstream reproduces the nodes', () => {
    const fleet = new SimulatedFleet(
      spec({ cmts: { 'sim-cmts-1': { dialect: 'rfc4546' } } }),
      TIMING,
      () => NOW,
    );
    const [a, b] = [fleet.get('sim-cm-00001')!, fleet.get('sim-cm-00006')!];
    expect(a.placement.mdIfIndex).toBe(b.placement.mdIfIndex);
    expect(a.placement.sgId).not.toBe(b.placement.sgId);
    expect(cmtsUsIfIndex(a, 0)).not.toBe(cmtsUsIfIndex(b, 0));
  });

  it('offline rows stay as other(1), or vanish where the CMTS drops them', () => {
    const fleet = new SimulatedFleet(
      spec({ cmts: { 'sim-cmts-2': { dialect: 'rfc4546', offlineRows: 'vanish' } } }),
      TIMING,
      () => NOW,
    );
    fleet.setScenario('sim-cm-00001', 'OFFLINE');
    fleet.setScenario('sim-cm-00011', 'OFFLINE');
    const stays = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-1')).rows;
    expect(stays.find((r) => r.mac === fleet.get('sim-cm-00001')!.mac)?.state.value).toBe(1);
    const vanish = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-2')).rows;
    expect(vanish).toHaveLength(9);
    expect(vanish.some((r) => r.mac === fleet.get('sim-cm-00011')!.mac)).toBe(false);
  });

  it('CMTS_ACCESS_DENIED: accessDenied(7) on RFC 4546, forwardingDisabled(17) in DOCS-IF3', () => {
    const fleet = new SimulatedFleet(
      spec({ cmts: { 'sim-cmts-2': { dialect: 'rfc4546' } } }),
      TIMING,
      () => NOW,
    );
    fleet.setScenario('sim-cm-00001', 'CMTS_ACCESS_DENIED');
    fleet.setScenario('sim-cm-00011', 'CMTS_ACCESS_DENIED');
    const if3 = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-1')).rows;
    expect(if3.find((r) => r.mac === fleet.get('sim-cm-00001')!.mac)?.state).toEqual(
      expect.objectContaining({ value: 17, forwardingDisabled: true }),
    );
    const rfc = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-2')).rows;
    expect(rfc.find((r) => r.mac === fleet.get('sim-cm-00011')!.mac)?.state).toEqual(
      expect.objectContaining({ value: 7, accessDenied: true }),
    );
    expect(fleet.get('sim-cm-00011')!.answers(NOW)).toBe(false);
  });
});
