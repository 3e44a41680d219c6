import { type FleetSpec } from '../config/simulator-spec';
import { OID } from '../mib/docsis-oids';
import { CMTS_OBJECTS, parseCmtsSnapshot } from '../mib/parse-cmts-snapshot';
import type { SnmpVarbind } from '../mib/snmp-value';
import { walkBulk } from '../snmp-agent/agent-fast-path';
import { cmtsUsIfIndex, cmtsView, macOctets } from './cmts-mib';
import { cmtsDialectFor, SimulatedFleet } from './fleet';
import { modemView } from './modem-mib';
import type { SimModem } from './sim-modem';

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

  describe('the modems’ pre-equalisation (docsIf3CmtsCmUsStatusEqData)', () => {
    const fleetOf = () =>
      new SimulatedFleet(spec({ cmts: { 'sim-cmts-2': { dialect: 'rfc4546' } } }), TIMING, () => NOW);
    const eqOid = (m: SimModem, k: number): string =>
      `${OID.docsIf3CmtsCmUsStatusEqData}.${m.placement.regId}.${cmtsUsIfIndex(m, k)}`;

    it('docsis30 serves each upstream’s coefficients as the modem serves them, in its vendor’s encoding', () => {
      const fleet = fleetOf();
      fleet.setScenario('sim-cm-00001', 'US_ECHO_TAP');
      const cmts = fleet.cmts('sim-cmts-1')!;
      const view = cmtsView(cmts, NOW);
      for (const m of cmts.modems) {
        const own = modemView(m, NOW, false);
        for (let k = 0; k < m.usChannels; k++) {
          const ifIndex = m.profile.us[k].ifIndex;
          expect(view.get(eqOid(m, k))?.value).toEqual(
            own.get(`${OID.docsIf3CmStatusUsEqData}.${ifIndex}`)?.value,
          );
        }
      }
      const parsed = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-1'), { usEqData: true });
      expect(parsed.tables.missing).toEqual([]);
      const tap = fleet.get('sim-cm-00001')!;
      expect(parsed.rows.find((r) => r.mac === tap.mac)?.upstream[0].eqData).toBe(
        tap.usPreEqOctets(0).toString('hex'),
      );
      // Every node's upstreams, each with the channel id its modems report and 6.4 MHz.
      expect(parsed.upstreamChannels).toContainEqual({
        ifIndex: cmtsUsIfIndex(tap, 0),
        channelId: 1,
        widthHz: 6_400_000,
      });
    });

    it('rfc4546 serves none (its upstream channels only), and the parse says so', () => {
      const fleet = fleetOf();
      const parsed = parseCmtsSnapshot(walkAll(fleet, 'sim-cmts-2'), { usEqData: true });
      expect(parsed.tables.missing).toContain(CMTS_OBJECTS.if3UsEqData);
      expect(parsed.rows.every((r) => r.upstream.every((us) => us.eqData === undefined))).toBe(true);
      expect(parsed.upstreamChannels?.length).toBeGreaterThan(0);
    });

    it('counts the requests that name an OID of the column, not a GETBULK running on into it', () => {
      const fleet = fleetOf();
      const cmts = fleet.cmts('sim-cmts-1')!;
      const m = cmts.modems[0];
      const bulk = (oids: string[]): string[] => {
        const out: string[] = [];
        walkBulk(cmtsView(cmts, NOW), oids, 0, 50, 1000, (found) => found && out.push(found.oid));
        return out;
      };
      // The SNR column's last rows, then on past its end: the agent answers with the coefficients' first rows.
      const ran = bulk([`${OID.docsIf3CmtsCmUsStatusSignalNoise}.${cmts.modems.at(-1)!.placement.regId}`]);
      expect(ran.some((oid) => oid.startsWith(`${OID.docsIf3CmtsCmUsStatusEqData}.`))).toBe(true);
      expect(cmts.eqDataAsks).toBe(0);

      bulk([OID.docsIf3CmtsCmUsStatusEqData]);
      cmtsView(cmts, NOW).get(eqOid(m, 0));
      expect(cmts.eqDataAsks).toBe(2);
    });
  });
});
