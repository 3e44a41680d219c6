import type { FaultPlace, Verdict } from '../domain/diagnosis';
import type { Skill, Urgency } from '../domain/dispatch';
import type { DecisionRecord, Visit, VisitFound } from '../domain/visit';
import { Prng } from './prng';
import type { Scenario } from './scenarios';

// A plausible past for the simulated fleet's outcome figures (issue 16): calls (line checks' decisions) over the last
// days, and the visits some of them led to, each find drawn from what the modem's scenario is, with noise: most
// visits find what the verdict said, some find nothing, a few come back. Seeded: the same fleet has the same past.

export interface SeedModem {
  id: string;
  index: number;
  scenario: Scenario;
}

export interface SimulatedOutcomes {
  decisions: DecisionRecord[];
  visits: Visit[];
}

type Weights = Partial<Record<VisitFound, number>>;

/** What a visit finds, by the place the scenario's fault is (or, for the rest, by verdict). */
const FINDS_AT_PLACE: Record<FaultPlace, Weights> = {
  HOME: { HOME_WIRING: 78, DROP: 5, NO_FAULT_FOUND: 15, OTHER: 2 },
  DROP: { DROP: 74, HOME_WIRING: 10, NO_FAULT_FOUND: 12, OTHER: 4 },
  TAP_OR_AMPLIFIER: { TAP_OR_AMPLIFIER: 70, DROP: 15, NO_FAULT_FOUND: 12, PLANT: 3 },
  PLANT: { PLANT: 80, TAP_OR_AMPLIFIER: 10, NO_FAULT_FOUND: 10 },
  UNKNOWN: { HOME_WIRING: 34, DROP: 33, TAP_OR_AMPLIFIER: 8, MODEM: 5, NO_FAULT_FOUND: 16, OTHER: 4 },
};

const FINDS_BY_VERDICT: Partial<Record<Verdict, Weights>> = {
  TEXTBOOK_OK: { NO_FAULT_FOUND: 55, CUSTOMER_EQUIPMENT: 40, OTHER: 5 },
  MARGINAL: { NO_FAULT_FOUND: 45, HOME_WIRING: 30, DROP: 20, OTHER: 5 },
  MODEM_OFFLINE: { MODEM: 30, DROP: 25, CUSTOMER_EQUIPMENT: 25, NO_FAULT_FOUND: 15, OTHER: 5 },
};

/** The place the scenario's fault is in, where the locator can tell it (pre-equalisation scenarios). */
const PLACE_OF_SCENARIO: Record<string, FaultPlace> = {
  US_ECHO_DROP: 'DROP',
  US_ECHO_TAP: 'TAP_OR_AMPLIFIER',
  IN_HOME_SPLITTERS: 'HOME',
  US_GROUP_DELAY: 'HOME',
};

const DAY_MS = 86_400_000;
/** How often a modem's customer calls in the period, by verdict: a fault makes calls, a healthy line few. */
const CALL_CHANCE: Partial<Record<Verdict, number>> = {
  TEXTBOOK_OK: 0.06,
  MARGINAL: 0.3,
  LINE_FAULT: 0.8,
  FLAPPING: 0.7,
  MODEM_OFFLINE: 0.8,
  PROVISIONING_ISSUE: 0.6,
};
/** How often a call whose decision sent nobody still ends in a visit (the customer insisted, the agent booked). */
const VISIT_WITHOUT_DISPATCH = 0.12;
/** How often a visit is followed by another within 30 days. */
const REPEAT_CHANCE = 0.1;

function draw(rng: Prng, weights: Weights): VisitFound {
  const entries = Object.entries(weights) as [VisitFound, number][];
  let r = rng.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [found, w] of entries) {
    r -= w;
    if (r < 0) {
      return found;
    }
  }
  return entries[entries.length - 1][0];
}

function decisionOf(m: SeedModem, at: number): DecisionRecord {
  const { verdict, subKinds, action } = m.scenario.expect;
  const located = verdict === 'LINE_FAULT' || verdict === 'MARGINAL';
  const place = located ? (PLACE_OF_SCENARIO[m.scenario.name] ?? 'UNKNOWN') : null;
  const visit =
    action === 'DISPATCH_TECHNICIAN' || action === 'SWAP_MODEM' || action === 'CHECK_POWER_AND_CABLING';
  const noc = action === 'ESCALATE_TO_NOC';
  const urgency: Urgency = noc
    ? 'NOC_ONLY'
    : !visit
      ? 'NONE'
      : verdict === 'MODEM_OFFLINE'
        ? 'SAME_DAY'
        : 'NEXT_AVAILABLE';
  const skill: Skill = noc
    ? 'NOC'
    : !visit
      ? 'NONE'
      : place === 'TAP_OR_AMPLIFIER' || place === 'PLANT'
        ? 'LINE_TECH'
        : 'INSTALL_TECH';
  return {
    modemId: m.id,
    at,
    verdict,
    subKinds: [...subKinds],
    findings: subKinds.map((code) => ({ code, severity: verdict === 'MARGINAL' ? 'MARGINAL' : 'FAULT' })),
    place,
    dispatch: { needed: visit, urgency, skill, confirmed: visit },
  };
}

/** A working-hours time 0 to 3 days after `at` (the visit the call was given). */
function visitTime(rng: Prng, at: number, now: number): number {
  const day = Math.floor(at / DAY_MS) * DAY_MS + rng.int(0, 3) * DAY_MS;
  return Math.min(now - 60_000, Math.max(at + 3_600_000, day + rng.int(7, 16) * 3_600_000));
}

/**
 * The fleet's calls and visits over the `days` before `now`. Visit ids and external ids are derived from the modem and
 * the call, so seeding twice stores nothing new.
 */
export function simulatedOutcomes(
  modems: readonly SeedModem[],
  seed: number,
  now: number,
  days = 60,
): SimulatedOutcomes {
  const decisions: DecisionRecord[] = [];
  const visits: Visit[] = [];
  const from = now - days * DAY_MS;
  for (const m of modems) {
    const rng = Prng.for(seed, m.index, 0x715175);
    const { verdict } = m.scenario.expect;
    if (rng.next() >= (CALL_CHANCE[verdict] ?? 0)) {
      continue;
    }
    const at = Math.round(rng.between(from, now - DAY_MS));
    const decision = decisionOf(m, at);
    decisions.push(decision);
    if (!decision.dispatch.needed && rng.next() >= VISIT_WITHOUT_DISPATCH) {
      continue;
    }
    if (decision.dispatch.urgency === 'NOC_ONLY') {
      continue;
    }
    const weights =
      (decision.place ? FINDS_AT_PLACE[decision.place] : undefined) ??
      FINDS_BY_VERDICT[verdict] ??
      FINDS_AT_PLACE.UNKNOWN;
    const visitedAt = visitTime(rng, at, now);
    const visit = (n: number, when: number, found: VisitFound): Visit => ({
      id: `sim-visit-${m.id}-${n}`,
      modemId: m.id,
      externalId: `SIM-${m.id}-${n}`,
      visitedAt: when,
      found,
      fixed: null,
      technician: `tech-${1 + (m.index % 17)}`,
      diagnosisAt: at,
      recordedAt: when,
    });
    visits.push(visit(1, visitedAt, draw(rng, weights)));
    if (rng.next() < REPEAT_CHANCE) {
      const again = visitedAt + rng.int(3, 25) * DAY_MS;
      if (again < now) {
        visits.push(visit(2, again, draw(rng, weights)));
      }
    }
  }
  return { decisions, visits };
}
