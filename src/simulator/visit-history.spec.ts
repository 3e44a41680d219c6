import { NO_FAULT_FINDS } from '../domain/visit';
import { SCENARIOS, type Scenario } from './scenarios';
import { simulatedOutcomes, type SeedModem } from './visit-history';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const DAY = 86_400_000;
const scenario = (name: string): Scenario => SCENARIOS.find((s) => s.name === name)!;

/** `n` modems of each named scenario. */
function fleet(spec: Record<string, number>): SeedModem[] {
  const out: SeedModem[] = [];
  for (const [name, n] of Object.entries(spec)) {
    for (let i = 0; i < n; i++) {
      const index = out.length + 1;
      out.push({ id: `sim-cm-${String(index).padStart(5, '0')}`, index, scenario: scenario(name) });
    }
  }
  return out;
}

describe('simulatedOutcomes', () => {
  const modems = fleet({
    TEXTBOOK: 2000,
    US_ECHO_DROP: 300,
    US_ECHO_TAP: 300,
    DS_SNR_MARGINAL: 300,
    OFFLINE: 300,
    ACCESS_DENIED: 100,
  });
  const past = simulatedOutcomes(modems, 42, NOW, 60);
  const byId = new Map(modems.map((m) => [m.id, m]));

  it('is the same past for the same fleet and seed, and another for another seed', () => {
    expect(simulatedOutcomes(modems, 42, NOW, 60)).toEqual(past);
    expect(simulatedOutcomes(modems, 43, NOW, 60)).not.toEqual(past);
  });

  it('places every call and visit in the period, each visit after the call it belongs to', () => {
    const decisions = new Map(past.decisions.map((d) => [`${d.modemId}@${d.at}`, d]));
    for (const d of past.decisions) {
      expect(d.at).toBeGreaterThanOrEqual(NOW - 60 * DAY);
      expect(d.at).toBeLessThan(NOW);
    }
    for (const v of past.visits) {
      expect(v.visitedAt).toBeLessThan(NOW);
      expect(v.diagnosisAt).not.toBeNull();
      expect(decisions.get(`${v.modemId}@${v.diagnosisAt}`)).toBeDefined();
      expect(v.visitedAt).toBeGreaterThan(v.diagnosisAt!);
    }
    expect(new Set(past.visits.map((v) => v.externalId)).size).toBe(past.visits.length);
  });

  it('draws finds from the scenario: a drop echo is found at the drop, a healthy line mostly finds nothing', () => {
    const share = (name: string, pred: (found: string) => boolean) => {
      const vs = past.visits.filter((v) => byId.get(v.modemId)!.scenario.name === name);
      return vs.filter((v) => pred(v.found)).length / vs.length;
    };
    expect(share('US_ECHO_DROP', (f) => f === 'DROP')).toBeGreaterThan(0.6);
    expect(share('US_ECHO_TAP', (f) => f === 'TAP_OR_AMPLIFIER')).toBeGreaterThan(0.55);
    expect(share('TEXTBOOK', (f) => NO_FAULT_FINDS.includes(f as never))).toBeGreaterThan(0.8);
    // Some of every kind of visit find nothing: the figures have no-fault-found visits to show.
    expect(share('US_ECHO_DROP', (f) => f === 'NO_FAULT_FOUND')).toBeGreaterThan(0);
  });

  it('sends a visit for most faults, few for calls that needed none, none for provisioning', () => {
    const visited = new Set(past.visits.map((v) => `${v.modemId}@${v.diagnosisAt}`));
    const rate = (pred: (needed: boolean) => boolean) => {
      const ds = past.decisions.filter((d) => pred(d.dispatch.needed));
      return ds.filter((d) => visited.has(`${d.modemId}@${d.at}`)).length / ds.length;
    };
    expect(rate((n) => n)).toBe(1);
    expect(rate((n) => !n)).toBeGreaterThan(0.03);
    expect(rate((n) => !n)).toBeLessThan(0.25);
    expect(past.decisions.filter((d) => d.verdict === 'PROVISIONING_ISSUE').length).toBeGreaterThan(0);
    // Calls follow the scenarios: a fault calls far more often than a healthy line.
    const calls = (name: string) =>
      past.decisions.filter((d) => byId.get(d.modemId)!.scenario.name === name).length /
      modems.filter((m) => m.scenario.name === name).length;
    expect(calls('US_ECHO_DROP')).toBeGreaterThan(5 * calls('TEXTBOOK'));
  });

  it('brings some technicians back within 30 days', () => {
    const repeats = past.visits.filter((v) => v.externalId!.endsWith('-2'));
    expect(repeats.length).toBeGreaterThan(0);
    for (const r of repeats) {
      const first = past.visits.find((v) => v.externalId === r.externalId!.replace(/-2$/, '-1'))!;
      expect(r.visitedAt - first.visitedAt).toBeLessThanOrEqual(30 * DAY);
    }
  });
});
