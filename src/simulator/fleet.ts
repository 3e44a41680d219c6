import {
  CMTS_DIALECTS,
  QUIRKS_BY_GENERATION,
  type CmtsDialect,
  type FleetSpec,
  type ModemShape,
  type SimTiming,
} from '../config/simulator-spec';
import { InvalidInputError, NotFoundError } from '../common/app-errors';
import type { AgentBackend, AgentView, V3User } from '../snmp-agent/agent-view';
import { cmtsView, type SimCmts } from './cmts-mib';
import { scenarioMisfit } from './generations';
import { modemView } from './modem-mib';
import { Prng } from './prng';
import { findScenario, NODE_SCENARIOS, SCENARIOS, type NodeScenario, type Scenario } from './scenarios';
import { SimModem, type SimCredentials, type SimPlacement } from './sim-modem';

/** The dialect of the CMTS with this index: set per CMTS, else the fixed first three, else drawn by the seed. */
export function cmtsDialectFor(spec: FleetSpec, cmtsIndex: number, cmtsId: string): CmtsDialect {
  const set = spec.cmts?.[cmtsId]?.dialect;
  if (set) {
    return set;
  }
  const mix = spec.cmtsDialectMix ?? {};
  const weighted = CMTS_DIALECTS.filter((d) => (mix[d] ?? 0) > 0);
  if (weighted.length === 0) {
    return 'docsis30';
  }
  const fixed: readonly CmtsDialect[] = ['docsis30', 'rfc4546', 'blind'];
  if (cmtsIndex < fixed.length && weighted.includes(fixed[cmtsIndex])) {
    return fixed[cmtsIndex];
  }
  const rnd = Prng.for(spec.seed, cmtsIndex, 13);
  let r = rnd.next() * weighted.reduce((sum, d) => sum + (mix[d] ?? 0), 0);
  for (const d of weighted) {
    r -= mix[d] ?? 0;
    if (r < 0) {
      return d;
    }
  }
  return weighted[weighted.length - 1];
}

export const CMTS_ID_PREFIX = 'sim-cmts-';
const SGS_PER_MAC_DOMAIN = 4;
/** In a node outage this share of the node's modems loses the plant; the rest stay up. */
const OUTAGE_SHARE = 0.8;

/** Write access uses the community "<modemId>:rw", as real modems separate read and write communities. */
export const WRITE_SUFFIX = ':rw';

/** A simulator request that cannot be done: the field at fault, with the message as its problem. */
export class ScenarioError extends InvalidInputError {
  override name = 'ScenarioError';

  constructor(message: string, field: string) {
    super([{ field, problems: [message] }], message);
  }
}

/** A simulated modem, CMTS or node that does not exist: the field that named it. */
export class UnknownSimulatedError extends NotFoundError {
  override name = 'UnknownSimulatedError';

  constructor(message: string, field: string) {
    super(message, field);
  }
}

/** A seeded fleet of simulated modems; also the SNMP agent's backend (community or v3 user -> modem). */
export class SimulatedFleet implements AgentBackend {
  private readonly byId = new Map<string, SimModem>();
  private readonly cmtsById = new Map<string, SimCmts>();
  private readonly nodeScenarios = new Map<string, NodeScenario>();
  private readonly now: () => number;

  constructor(
    readonly spec: FleetSpec,
    timing: SimTiming,
    now: () => number = Date.now,
  ) {
    this.now = now;
    const weighted = SCENARIOS.filter((s) => (spec.scenarioMix[s.name] ?? 0) > 0);
    const start = now();
    for (const { entry, drawn, rnd } of drawModems(spec)) {
      const shape = spec.shapes?.[entry.id] ?? drawShape(spec, entry.index, drawn);
      const allowed = weighted.filter((s) => scenarioMisfit(s, shape) == null);
      const scenario = pickWeighted(allowed, spec.scenarioMix, rnd) ?? SCENARIOS[0];
      const modem = new SimModem(
        entry.id,
        entry.index,
        spec.seed,
        shape.docsis,
        entry.mac,
        entry.credentials,
        entry.placement,
        scenario,
        timing,
        start,
        shape.quirks,
      );
      this.byId.set(entry.id, modem);
      this.cmtsFor(cmtsIndexOf(spec, entry.index), start).modems.push(modem);
    }
  }

  private cmtsFor(index: number, now: number): SimCmts {
    const cmtsId = `${CMTS_ID_PREFIX}${index + 1}`;
    let cmts = this.cmtsById.get(cmtsId);
    if (!cmts) {
      cmts = {
        id: cmtsId,
        index,
        dialect: cmtsDialectFor(this.spec, index, cmtsId),
        offlineRows: this.spec.cmts?.[cmtsId]?.offlineRows ?? 'stay',
        startedAt: now - 90 * 86_400_000,
        setPointDbmv: 0,
        modems: [],
        requests: 0,
        eqDataAsks: 0,
        generation: 0,
      };
      this.cmtsById.set(cmtsId, cmts);
    }
    return cmts;
  }

  cmtses(): SimCmts[] {
    return [...this.cmtsById.values()];
  }

  cmts(id: string): SimCmts | undefined {
    return this.cmtsById.get(id);
  }

  /** Sets a node-level condition on the service group (mdIfIndex, sgId) of a CMTS. */
  setNodeScenario(cmtsId: string, mdIfIndex: number, sgId: number, scenario: string): NodeScenario {
    const cmts = this.cmtsById.get(cmtsId);
    if (!cmts) {
      throw new UnknownSimulatedError(`no simulated CMTS ${cmtsId}`, 'cmtsId');
    }
    if (!(scenario in NODE_SCENARIOS)) {
      throw new ScenarioError(
        `unknown node scenario ${scenario} (known: ${Object.keys(NODE_SCENARIOS).join(', ')})`,
        'scenario',
      );
    }
    const members = cmts.modems.filter(
      (m) => m.placement.mdIfIndex === mdIfIndex && m.placement.sgId === sgId,
    );
    if (members.length === 0) {
      throw new UnknownSimulatedError(
        `no simulated node ${mdIfIndex}.${sgId} on ${cmtsId}`,
        'serviceGroupId',
      );
    }
    const node = scenario as NodeScenario;
    const affected = Math.round(members.length * OUTAGE_SHARE);
    members.forEach((m, k) => {
      const outage = k < affected;
      m.node = {
        outage:
          node === 'NODE_OUTAGE' && outage
            ? 'vanish'
            : node === 'NODE_OUTAGE_ROWS_REMAIN' && outage
              ? 'other'
              : null,
        ingress: node === 'RETURN_PATH_INGRESS',
      };
    });
    this.nodeScenarios.set(`${cmtsId}/${mdIfIndex}.${sgId}`, node);
    cmts.generation++;
    return node;
  }

  nodeScenario(cmtsId: string, mdIfIndex: number, sgId: number): NodeScenario {
    return this.nodeScenarios.get(`${cmtsId}/${mdIfIndex}.${sgId}`) ?? 'NONE';
  }

  modems(): SimModem[] {
    return [...this.byId.values()];
  }

  get(id: string): SimModem | undefined {
    return this.byId.get(id);
  }

  v3Users(): V3User[] {
    return this.modems().flatMap((m) => {
      const v3 = m.credentials.v3;
      return v3 ? [{ name: v3.user, ...v3 }] : [];
    });
  }

  setScenario(id: string, scenarioName: string): SimModem {
    const modem = this.byId.get(id);
    const scenario = findScenario(scenarioName);
    if (!modem) {
      throw new UnknownSimulatedError(`no simulated modem ${id}`, 'id');
    }
    if (!scenario) {
      throw new ScenarioError(
        `unknown scenario ${scenarioName} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`,
        'scenario',
      );
    }
    const misfit = scenarioMisfit(scenario, modem);
    if (misfit != null) {
      throw new ScenarioError(
        `${misfit}; ${id} is DOCSIS ${modem.docsis}${modem.quirks.length > 0 ? ` with ${modem.quirks.join(', ')}` : ''}`,
        'scenario',
      );
    }
    modem.applyScenario(scenario, this.now());
    this.cmtsById.get(modem.placement.cmtsId)!.generation++;
    return modem;
  }

  setResponseDelay(id: string, ms: number): SimModem {
    const modem = this.byId.get(id);
    if (!modem) {
      throw new UnknownSimulatedError(`no simulated modem ${id}`, 'id');
    }
    modem.responseDelayMs = ms;
    return modem;
  }

  viewFor(securityName: string, version: 'v2c' | 'v3'): AgentView | undefined {
    const cmts = version === 'v2c' ? this.cmtsById.get(securityName) : undefined;
    if (cmts) {
      cmts.requests++;
      return cmtsView(cmts, this.now());
    }
    const writable = version === 'v3' || securityName.endsWith(WRITE_SUFFIX);
    const id = version === 'v2c' && writable ? securityName.slice(0, -WRITE_SUFFIX.length) : securityName;
    const modem = this.byId.get(id);
    const now = this.now();
    if (modem) {
      modem.requests++;
    }
    // A v3 modem does not answer v2c, and the other way round.
    if (!modem || (version === 'v3') !== (modem.credentials.version === '3') || !modem.answers(now)) {
      return undefined;
    }
    return modemView(modem, now, writable);
  }
}

/** What the inventory needs of a simulated modem: a function of the spec and seed, with no profile built. */
export interface SimRosterEntry {
  id: string;
  index: number;
  mac: string;
  credentials: SimCredentials;
  placement: SimPlacement;
}

/**
 * The fleet's modems in index order, one at a time, as the inventory registers them: the same ids, MACs,
 * credentials and placements as a SimulatedFleet of this spec has, without building a modem or holding the fleet.
 */
export function* simulatedRoster(spec: FleetSpec): Generator<SimRosterEntry> {
  for (const { entry } of drawModems(spec)) {
    yield entry;
  }
}

/**
 * Each modem's roster entry with the generation it drew, and its random stream where the scenario is drawn next
 * (the fleet draws in this order, so that fleets of earlier specs keep their modems).
 */
function* drawModems(spec: FleetSpec): Generator<{ entry: SimRosterEntry; drawn: '3.0' | '3.1'; rnd: Prng }> {
  const first = spec.firstIndex ?? 0;
  for (let i = first; i < first + spec.size; i++) {
    const rnd = Prng.for(spec.seed, i, 1);
    const drawn = rnd.next() < spec.docsis31Share ? '3.1' : '3.0';
    const v3 = rnd.next() < spec.v3Share;
    const id = `${spec.idPrefix}${String(i + 1).padStart(5, '0')}`;
    const credentials: SimCredentials = v3
      ? {
          version: '3',
          community: id,
          v3: {
            user: id,
            authProtocol: 'sha',
            authKey: `auth-${spec.seed}-${i}-key`,
            privProtocol: 'aes',
            privKey: `priv-${spec.seed}-${i}-key`,
          },
        }
      : { version: '2c', community: id };
    yield {
      entry: { id, index: i, mac: macFor(spec.seed, i), credentials, placement: placementOf(spec, i) },
      drawn,
      rnd,
    };
  }
}

function cmtsIndexOf(spec: FleetSpec, i: number): number {
  return Math.floor(Math.floor(i / spec.serviceGroupSize) / spec.serviceGroupsPerCmts);
}

/** Topology by index: consecutive modems share a node, consecutive nodes a MAC domain and a CMTS. */
function placementOf(spec: FleetSpec, i: number): SimPlacement {
  const { serviceGroupSize: sgSize, serviceGroupsPerCmts: sgsPerCmts } = spec;
  const cmtsIndex = cmtsIndexOf(spec, i);
  const sgInCmts = Math.floor(i / sgSize) % sgsPerCmts;
  const regId = i - cmtsIndex * sgsPerCmts * sgSize + 1;
  return {
    cmtsId: `${CMTS_ID_PREFIX}${cmtsIndex + 1}`,
    mdIfIndex: 1000 + Math.floor(sgInCmts / SGS_PER_MAC_DOMAIN),
    sgId: (sgInCmts % SGS_PER_MAC_DOMAIN) + 1,
    regId,
    ipv4: `10.${(cmtsIndex + 1) & 255}.${(regId >> 8) & 255}.${regId & 255}`,
  };
}

/**
 * A modem's generation and quirks, from their own random stream: fleets without 2.0 modems or quirks keep the
 * modems, scenarios and credentials they always had.
 */
function drawShape(spec: FleetSpec, i: number, drawn: '3.0' | '3.1'): ModemShape {
  const rnd = Prng.for(spec.seed, i, 16);
  const docsis = drawn === '3.0' && rnd.next() < (spec.docsis20Share ?? 0) ? '2.0' : drawn;
  const quirks = rnd.next() < (spec.quirkShare ?? 0) ? [rnd.pick(QUIRKS_BY_GENERATION[docsis])] : [];
  return { docsis, quirks };
}

function pickWeighted(scenarios: Scenario[], mix: Record<string, number>, rnd: Prng): Scenario | undefined {
  const total = scenarios.reduce((s, sc) => s + (mix[sc.name] ?? 0), 0);
  let r = rnd.next() * total;
  for (const sc of scenarios) {
    r -= mix[sc.name] ?? 0;
    if (r < 0) {
      return sc;
    }
  }
  return scenarios[scenarios.length - 1];
}

function macFor(seed: number, i: number): string {
  const rnd = Prng.for(seed, i, 3);
  const tail = [rnd.int(0, 255), (i >> 8) & 0xff, i & 0xff];
  return ['00', '1d', 'cd', ...tail.map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
