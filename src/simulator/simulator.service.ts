import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CmtsService, CmtsUnreachableError } from '../cmts/cmts.service';
import { AppConfig } from '../config/app-config';
import { InventoryService } from '../inventory/inventory.service';
import { SnmpAgent } from '../snmp-agent/snmp-agent';
import type { SnmpCredentials } from '../domain/snmp-target';
import { ReadingStore } from '../readings/reading.store';
import { VisitsService } from '../visits/visits.service';
import { simulatedOutcomes } from './visit-history';

/** How far back the seeded calls and visits go. */
const SEED_DAYS = 60;
import { simulatedCustomer } from './customers';
import { SimulatedFleet, UnknownSimulatedError, WRITE_SUFFIX } from './fleet';
import { ReplayRegistry } from './replay';
import { expectationOn, NODE_SCENARIOS, SCENARIOS } from './scenarios';
import type { SimModem } from './sim-modem';

export interface SimModemView {
  id: string;
  docsis: string;
  /** Departures from the full MIB set (generations.ts MODEM_QUIRKS). */
  quirks: string[];
  snmpVersion: '2c' | '3';
  mac: string;
  scenario: string;
  expect: { verdict: string; subKinds: string[]; action: string };
  requests: number;
  responseDelayMs: number;
  cmtsId: string;
  serviceGroupId: string;
  answering: boolean;
  uptimeSec: number;
}

/** Runs the simulated fleet behind a real SNMP agent and registers its modems in the inventory. */
/** Walks of the in-process simulated CMTS at start before it is left to the discovery schedule. */
const START_DISCOVERY_ATTEMPTS = 5;

@Injectable()
export class SimulatorService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('Simulator');
  private fleet!: SimulatedFleet;
  private agent!: SnmpAgent;
  /** Captured walks served next to the fleet (community = replay id). */
  private replayRegistry!: ReplayRegistry;

  constructor(
    private readonly config: AppConfig,
    private readonly inventory: InventoryService,
    private readonly cmts: CmtsService,
    @Inject(ReadingStore) private readonly readings: ReadingStore,
    private readonly visits: VisitsService,
  ) {}

  async onModuleInit(): Promise<void> {
    const sim = this.config.simulator;
    const started = Date.now();
    this.fleet = new SimulatedFleet(sim.fleet, sim.timing);
    this.replayRegistry = new ReplayRegistry(this.fleet);
    this.agent = await SnmpAgent.start(
      {
        address: sim.host,
        port: sim.port,
        maxBulkVarbinds: sim.maxBulkVarbinds,
        v3Users: this.fleet.v3Users(),
      },
      this.replayRegistry,
    );
    // Bound to every address (a container publishing the port): Linecheck itself polls it on loopback.
    const pollHost = sim.host === '0.0.0.0' ? '127.0.0.1' : sim.host === '::' ? '::1' : sim.host;
    // CMTSes first: a modem may only name a CMTS the inventory knows.
    for (const cmts of this.fleet.cmtses()) {
      await this.cmts.put(cmts.id, {
        host: pollHost,
        port: this.agent.port,
        snmp: { version: '2c', community: cmts.id },
        setPointDbmv: cmts.setPointDbmv,
      });
    }
    for (const modem of this.fleet.modems()) {
      await this.inventory.put(modem.id, {
        host: pollHost,
        port: this.agent.port,
        snmp: credentialsOf(modem),
        mac: modem.mac,
        cmtsId: modem.placement.cmtsId,
        customer: simulatedCustomer(sim.fleet.seed, modem.index),
      });
    }
    for (const cmts of this.fleet.cmtses()) {
      // The service-group baseline: offline modems can vanish from CMTS tables later.
      await this.discoverAtStart(cmts.id);
    }
    this.log.log(
      `simulated fleet of ${sim.fleet.size} modems (seed ${sim.fleet.seed}) on udp ${sim.host}:${this.agent.port}, ` +
        `registered in ${Date.now() - started} ms`,
    );
    if (sim.seedVisits) {
      await this.seedOutcomes();
    }
  }

  /**
   * A fresh start's outcome figures would be empty: the fleet gets a past of calls and visits drawn from its modems'
   * scenarios (simulator/visit-history.ts). Only when no visit is stored for the period, so a restart on a kept Redis
   * adds nothing.
   */
  private async seedOutcomes(): Promise<void> {
    const now = Date.now();
    if (await this.visits.hasVisitsBetween(now - SEED_DAYS * 86_400_000, now)) {
      return;
    }
    const modems = this.fleet.modems().map((m) => ({ id: m.id, index: m.index, scenario: m.scenario }));
    const past = simulatedOutcomes(modems, this.config.simulator.fleet.seed, now, SEED_DAYS);
    const stored = await this.visits.seed(past.decisions, past.visits);
    this.log.log(
      `seeded ${stored.decisions} calls and ${stored.visits} visits of the last ${SEED_DAYS} days`,
    );
  }

  /**
   * The simulated CMTS answers from this same process: while start-up keeps the event loop busy, a walk with a
   * short SNMP timeout can miss its window. It is asked again rather than failing the start; a CMTS that never
   * answers is left to the discovery schedule.
   */
  private async discoverAtStart(cmtsId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.cmts.discover(cmtsId);
        return;
      } catch (error) {
        if (!(error instanceof CmtsUnreachableError)) {
          throw error;
        }
        if (attempt >= START_DISCOVERY_ATTEMPTS) {
          this.log.error(`${error.message}; discovery at start given up after ${attempt} attempts`);
          return;
        }
        this.log.warn(
          `${error.message}; asking again (attempt ${attempt + 1} of ${START_DISCOVERY_ATTEMPTS})`,
        );
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent?.close();
  }

  get replays(): ReplayRegistry {
    return this.replayRegistry;
  }

  get snmpPort(): number {
    return this.agent.port;
  }

  stats(): SnmpAgent['stats'] & { modems: number } {
    return { ...this.agent.stats, modems: this.fleet.modems().length };
  }

  scenarios(): { name: string; description: string; requires?: string; expect: object }[] {
    return SCENARIOS.map(({ name, description, requires, expect }) => ({
      name,
      description,
      ...(requires ? { requires } : {}),
      expect,
    }));
  }

  list(offset: number, limit: number): { total: number; items: SimModemView[] } {
    const all = this.fleet.modems();
    return { total: all.length, items: all.slice(offset, offset + limit).map((m) => this.view(m)) };
  }

  get(id: string): SimModemView {
    const modem = this.fleet.get(id);
    if (!modem) {
      throw new UnknownSimulatedError(`no simulated modem ${id}`, 'id');
    }
    return this.view(modem);
  }

  /**
   * A condition that only shows across polls (a modem that keeps rebooting) gets the polls it would have had
   * written to its history, so the next diagnosis shows what the scenario promises instead of building up to it.
   */
  async setScenario(id: string, scenario: string): Promise<SimModemView> {
    const modem = this.fleet.setScenario(id, scenario);
    const past = modem.pastSelfReboots(this.config.diagnosis.thresholds.flapping.reboots);
    await this.readings.addHistory(
      id,
      past.map((p) => ({ at: p.at, reachable: true, uptimeSec: p.uptimeSec })),
    );
    return this.view(modem);
  }

  nodes(): { cmtsId: string; serviceGroupId: string; modems: number; scenario: string }[] {
    return this.fleet.cmtses().flatMap((c) => {
      const groups = new Map<string, { md: number; sg: number; n: number }>();
      for (const m of c.modems) {
        const key = `${m.placement.mdIfIndex}.${m.placement.sgId}`;
        const g = groups.get(key) ?? { md: m.placement.mdIfIndex, sg: m.placement.sgId, n: 0 };
        g.n++;
        groups.set(key, g);
      }
      return [...groups].map(([key, g]) => ({
        cmtsId: c.id,
        serviceGroupId: key,
        modems: g.n,
        scenario: this.fleet.nodeScenario(c.id, g.md, g.sg),
      }));
    });
  }

  nodeScenarios(): { name: string; description: string }[] {
    return Object.entries(NODE_SCENARIOS).map(([name, description]) => ({ name, description }));
  }

  setNodeScenario(
    cmtsId: string,
    serviceGroupId: string,
    scenario: string,
  ): { cmtsId: string; serviceGroupId: string; scenario: string } {
    const [md, sg] = serviceGroupId.split('.').map(Number);
    return { cmtsId, serviceGroupId, scenario: this.fleet.setNodeScenario(cmtsId, md, sg, scenario) };
  }

  /** The simulated CMTSes: their dialect, what becomes of offline rows, and how many modems they serve. */
  cmtses(): { id: string; dialect: string; offlineRows: string; modems: number }[] {
    return this.fleet.cmtses().map((c) => ({
      id: c.id,
      dialect: c.dialect,
      offlineRows: c.offlineRows,
      modems: c.modems.length,
    }));
  }

  /** SNMP requests the CMTS answered, and how many OIDs of its coefficients column they named. */
  cmtsRequests(cmtsId: string): { requests: number; eqDataAsks: number } {
    const c = this.fleet.cmts(cmtsId);
    if (!c) {
      throw new UnknownSimulatedError(`no simulated CMTS ${cmtsId}`, 'id');
    }
    return { requests: c.requests, eqDataAsks: c.eqDataAsks };
  }

  setResponseDelay(id: string, ms: number): SimModemView {
    return this.view(this.fleet.setResponseDelay(id, ms));
  }

  private view(m: SimModem): SimModemView {
    const now = Date.now();
    return {
      id: m.id,
      docsis: m.docsis,
      quirks: [...m.quirks],
      snmpVersion: m.credentials.version,
      mac: m.mac,
      scenario: m.scenario.name,
      expect: expectationOn(m.scenario, this.fleet.cmts(m.placement.cmtsId)?.dialect ?? 'docsis30', m),
      answering: m.answers(now),
      uptimeSec: Math.round(m.uptimeSec(now)),
      requests: m.requests,
      cmtsId: m.placement.cmtsId,
      serviceGroupId: `${m.placement.mdIfIndex}.${m.placement.sgId}`,
      responseDelayMs: m.responseDelayMs,
    };
  }
}

function credentialsOf(m: SimModem): SnmpCredentials {
  const v3 = m.credentials.v3;
  return v3
    ? { version: '3', ...v3 }
    : { version: '2c', community: m.credentials.community, writeCommunity: `${m.id}${WRITE_SUFFIX}` };
}
