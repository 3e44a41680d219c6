import { type FleetSpec, type ModemShape } from '../config/simulator-spec';
import { classifyModemEvent } from '../diagnosis/modem-events';
import type { ModemEvent } from '../domain/modem-reading';
import { parseModemReading } from '../mib/parse-modem-reading';
import type { SnmpVarbind } from '../mib/snmp-value';
import { SimulatedFleet } from './fleet';
import { modemView } from './modem-mib';

const NOW = Date.UTC(2026, 11, 1, 10, 0, 0);
const SPEC: FleetSpec = {
  size: 8,
  docsis31Share: 0,
  v3Share: 0,
  scenarioMix: { TEXTBOOK: 1 },
  seed: 42,
  idPrefix: 'sim-cm-',
  serviceGroupSize: 8,
  serviceGroupsPerCmts: 1,
};

/** The modem's event log as a full poll reads it from its SNMP view. */
function logOf(fleet: SimulatedFleet, id: string, now = NOW): ModemEvent[] | null {
  const view = modemView(fleet.get(id)!, now, false);
  const varbinds: SnmpVarbind[] = [];
  for (let vb = view.next('0'); vb; vb = view.next(vb.oid)) {
    varbinds.push(vb as SnmpVarbind);
  }
  const reading = parseModemReading({ modemId: id, observedAt: now, latencyMs: 0, detail: 'full', varbinds });
  return reading.reachable ? (reading.events ?? null) : null;
}

function fleetWith(shapes: Record<string, ModemShape> = {}, now = NOW): SimulatedFleet {
  return new SimulatedFleet({ ...SPEC, shapes }, { rebootDownSec: 5, selfRebootPeriodSec: null }, () => now);
}

const kinds = (log: ModemEvent[] | null): string[] => (log ?? []).map((e) => classifyModemEvent(e));

describe('a simulated modem’s event log', () => {
  it('holds a clean modem’s start: the cold start before the time of day (no time), then ToD', () => {
    const fleet = fleetWith();
    fleet.setScenario('sim-cm-00006', 'TEXTBOOK');
    const m = fleet.get('sim-cm-00006')!;
    const log = logOf(fleet, m.id)!;
    const noT3 = m.profile.us.every((ch) => ch.t3PerDay === 0);
    expect(log.slice(0, 2)).toEqual([
      expect.objectContaining({ index: 1, firstAt: null, lastAt: null, count: 1, level: 6 }),
      // DateAndTime holds deci-seconds.
      expect.objectContaining({
        index: 2,
        firstAt: Math.floor((m.bootedAt() + 30_000) / 100) * 100,
        level: 6,
      }),
    ]);
    expect(kinds(log).slice(0, 2)).toEqual(['REBOOT', 'OTHER']);
    expect(log).toHaveLength(noT3 ? 2 : 3);
  });

  it('logs a T3 scenario’s time-outs with the count its counters show, first and last time', () => {
    const fleet = fleetWith();
    const m = fleet.setScenario('sim-cm-00001', 'T3_MARGINAL');
    const t3 = logOf(fleet, m.id)!.find((e) => classifyModemEvent(e) === 'T3_TIMEOUT')!;
    // About 20 a day for the 12 h the scenario's modem has been up: 10, one every 72 minutes.
    expect(t3).toEqual(
      expect.objectContaining({
        count: 10,
        level: 3,
        eventId: 82000200,
        firstAt: m.bootedAt() + 72 * 60_000,
        lastAt: m.bootedAt() + 720 * 60_000,
      }),
    );
    expect(t3.text).toMatch(/^No Ranging Response received - T3 time-out;CM-MAC=/);
  });

  it('logs T4 time-outs for T3_T4_FAULT and re-registrations for a flapping modem', () => {
    const fleet = fleetWith();
    fleet.setScenario('sim-cm-00002', 'T3_T4_FAULT');
    expect(kinds(logOf(fleet, 'sim-cm-00002'))).toEqual(expect.arrayContaining(['T4_TIMEOUT', 'T3_TIMEOUT']));
    const m = fleet.setScenario('sim-cm-00003', 'FLAPPING_RF_REINIT');
    const reinit = logOf(fleet, m.id)!.find((e) => classifyModemEvent(e) === 'REREGISTRATION')!;
    // Five re-initialisations, the last where the CMTS saw it register again (20 minutes ago).
    expect(reinit).toEqual(expect.objectContaining({ count: 5, lastAt: NOW - 20 * 60_000 }));
  });

  it('counts on with the simulator clock, the same for the same seed', () => {
    const fleet = fleetWith();
    fleet.setScenario('sim-cm-00001', 'T3_MARGINAL');
    const later = logOf(fleet, 'sim-cm-00001', NOW + 6 * 3600_000)!;
    expect(later.find((e) => e.eventId === 82000200)!.count).toBe(15);
    const again = fleetWith();
    again.setScenario('sim-cm-00001', 'T3_MARGINAL');
    expect(logOf(again, 'sim-cm-00001')).toEqual(logOf(fleet, 'sim-cm-00001'));
  });

  it('has no time of day on a NO_TIME_OF_DAY modem (1970 times: no time), and no log on a NO_EVENT_LOG one', () => {
    const fleet = fleetWith({
      'sim-cm-00004': { docsis: '3.0', quirks: ['NO_TIME_OF_DAY'] },
      'sim-cm-00005': { docsis: '2.0', quirks: ['NO_EVENT_LOG'] },
    });
    fleet.setScenario('sim-cm-00004', 'T3_MARGINAL');
    const log = logOf(fleet, 'sim-cm-00004')!;
    expect(log.every((e) => e.firstAt == null && e.lastAt == null)).toBe(true);
    expect(kinds(log)).toEqual(['REBOOT', 'TOD_FAILURE', 'T3_TIMEOUT']);
    // Asked every two minutes since 30 s after boot, 12 h ago.
    expect(log[1].count).toBe(1 + Math.floor((12 * 3600 - 30) / 120));
    expect(logOf(fleet, 'sim-cm-00005')).toBeNull();
  });
});
