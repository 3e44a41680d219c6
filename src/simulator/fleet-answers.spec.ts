import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCENARIO_MIX, type FleetSpec } from '../config/simulator-spec';
import type { AgentView } from '../snmp-agent/agent-view';
import { SimulatedFleet, simulatedRoster } from './fleet';
import { HELD_PROFILES } from './sim-modem';

// What the simulated fleet answers, pinned: for a sample of modems of a mixed fleet (every generation, quirk,
// scenario, SNMP version and CMTS dialect), every object of its SNMP view and what the simulator API shows of it,
// and every CMTS's whole view, at fixed instants, before and after scenario changes. The answers are hashed into
// test/fixtures/simulated-fleet-answers.json, written from the fleet as it was on 2026-12-03, when every modem held
// its whole profile from the start: any change to what a modem answers fails here, and so does a profile that is
// derived again (after HeldProfiles dropped it) other than it was. UPDATE_GOLDEN=1 rewrites it.

const FIXTURE = join(__dirname, '../../test/fixtures/simulated-fleet-answers.json');
const NOW = Date.UTC(2026, 11, 1, 10, 0, 0);
const DAY = 86_400_000;
const SPEC: FleetSpec = {
  size: 1600,
  firstIndex: 320,
  docsis31Share: 0.4,
  v3Share: 0.2,
  docsis20Share: 0.1,
  quirkShare: 0.15,
  scenarioMix: DEFAULT_SCENARIO_MIX,
  seed: 7,
  idPrefix: 'sim-cm-',
  serviceGroupSize: 40,
  serviceGroupsPerCmts: 8,
  cmtsDialectMix: { docsis30: 2, rfc4546: 1, blind: 1 },
};
const SAMPLE_EVERY = 13;
const TIMING = { rebootDownSec: 5, selfRebootPeriodSec: null };

function text(value: unknown): string {
  if (Buffer.isBuffer(value)) {
    return `0x${value.toString('hex')}`;
  }
  return typeof value === 'bigint' ? `${value}n` : JSON.stringify(value);
}

function walk(view: AgentView | undefined): string[] {
  if (!view) {
    return ['silent'];
  }
  const out: string[] = [];
  for (let vb = view.next('0'); vb; vb = view.next(vb.oid)) {
    out.push(`${vb.oid} ${vb.type} ${text(vb.value)}`);
  }
  return out;
}

function hash(lines: string[]): string {
  return `${lines.length} ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32)}`;
}

/** Everything the fleet answers about modem `id` at `now`: its identity, and its SNMP view as the agent asks. */
function modemAnswers(fleet: SimulatedFleet, id: string, now: number): string[] {
  const m = fleet.get(id)!;
  const identity = [
    m.id,
    m.index,
    m.docsis,
    m.quirks.join('+'),
    m.mac,
    JSON.stringify(m.credentials),
    JSON.stringify(m.placement),
    m.scenario.name,
    m.shapeKey(),
    m.uptimeSec(now),
    m.answers(now),
    JSON.stringify(m.cmtsRow(now)),
  ].map(text);
  const view =
    m.credentials.version === '3' ? fleet.viewFor(id, 'v3') : fleet.viewFor(m.credentials.community, 'v2c');
  return [...identity, ...walk(view)];
}

/** Hashes of every sampled modem's and every CMTS's answers at `now`. */
function answersAt(fleet: SimulatedFleet, ids: string[], now: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    out[id] = hash(modemAnswers(fleet, id, now));
  }
  for (const c of fleet.cmtses()) {
    out[c.id] = hash([c.dialect, ...walk(fleet.viewFor(c.id, 'v2c'))]);
  }
  return out;
}

/** Builds modems enough to take every held profile's place: the fleet's modems then derive theirs again. */
function dropHeldProfiles(): void {
  new SimulatedFleet({ ...SPEC, size: HELD_PROFILES, firstIndex: 0, seed: 1 }, TIMING, () => NOW);
}

function fleetAnswers(): Record<string, Record<string, string>> {
  let clock = NOW;
  const fleet = new SimulatedFleet(SPEC, TIMING, () => clock);
  const ids = fleet
    .modems()
    .filter((_, i) => i % SAMPLE_EVERY === 0)
    .map((m) => m.id);
  const out: Record<string, Record<string, string>> = {};
  // With the profiles the fleet built, then derived again.
  out.atStart = answersAt(fleet, ids, clock);
  dropHeldProfiles();
  clock += 3 * DAY + 17_000;
  out.threeDaysLater = answersAt(fleet, ids, clock);
  fleet.setScenario(ids[1], 'DS_SNR_FAULT');
  fleet.setScenario(ids[2], 'FLAPPING_DEVICE_REBOOTS');
  fleet.setScenario(ids[3], 'TEXTBOOK');
  fleet.setNodeScenario('sim-cmts-2', 1000, 2, 'NODE_OUTAGE');
  fleet.setNodeScenario('sim-cmts-3', 1001, 1, 'RETURN_PATH_INGRESS');
  fleet.setNodeScenario('sim-cmts-4', 1001, 3, 'NODE_OUTAGE_ROWS_REMAIN');
  dropHeldProfiles();
  clock += 60_000;
  out.afterScenarioChanges = answersAt(fleet, ids, clock);
  out.v3Users = { all: hash(fleet.v3Users().map((u) => JSON.stringify(u))) };
  return out;
}

describe('what the simulated fleet answers', () => {
  const answers = fleetAnswers();

  it('is what it answered on 2026-12-03, object for object', () => {
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(FIXTURE, `${JSON.stringify(answers, null, 1)}\n`);
    }
    const golden = JSON.parse(readFileSync(FIXTURE, 'utf8')) as typeof answers;
    expect(Object.keys(answers.atStart)).toHaveLength(Math.ceil(SPEC.size / SAMPLE_EVERY) + 5);
    for (const when of Object.keys(golden)) {
      for (const id of Object.keys(golden[when])) {
        expect(`${when} ${id} ${answers[when][id]}`).toBe(`${when} ${id} ${golden[when][id]}`);
      }
    }
    expect(answers).toEqual(golden);
  });

  it('lists the same modems, MACs, credentials and placements in the roster the inventory is filled from', () => {
    const fleet = new SimulatedFleet(SPEC, TIMING, () => NOW);
    const roster = [...simulatedRoster(SPEC)];
    expect(roster.map((r) => r.id)).toEqual(fleet.modems().map((m) => m.id));
    for (const r of roster) {
      const m = fleet.get(r.id)!;
      expect(r).toEqual({
        id: m.id,
        index: m.index,
        mac: m.mac,
        credentials: m.credentials,
        placement: m.placement,
      });
    }
  });

  it('derives a dropped profile again, equal to the one it had', () => {
    const fleet = new SimulatedFleet(SPEC, TIMING, () => NOW);
    const sample = fleet.modems().filter((_, i) => i % SAMPLE_EVERY === 0);
    const before = sample.map((m) => m.profile);
    dropHeldProfiles();
    sample.forEach((m, i) => {
      expect(m.profile).not.toBe(before[i]);
      expect(m.profile).toEqual(before[i]);
    });
  });
});
