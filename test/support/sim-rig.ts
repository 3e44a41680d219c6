import { type FleetSpec } from '../../src/config/simulator-spec';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';
import { SimulatedFleet } from '../../src/simulator/fleet';
import type { SimModem } from '../../src/simulator/sim-modem';
import { SnmpModemPoller } from '../../src/snmp/snmp-modem-poller';
import { SnmpAgent, type SnmpAgentOptions } from '../../src/snmp-agent/snmp-agent';
import { SnmpClient } from '../../src/snmp/snmp-client';
import type { SnmpCredentials, SnmpTarget } from '../../src/domain/snmp-target';

export { DEFAULT_THRESHOLDS };

/** A simulated fleet behind a real SNMP agent on 127.0.0.1, with a clock the test moves by hand. */
export class SimRig {
  clock = Date.UTC(2026, 10, 25, 12, 0, 0);
  readonly fleet: SimulatedFleet;
  agent!: SnmpAgent;

  constructor(spec: Partial<FleetSpec> = {}, rebootDownSec = 5) {
    this.fleet = new SimulatedFleet(
      {
        size: 8,
        docsis31Share: 0.5,
        v3Share: 0,
        scenarioMix: { TEXTBOOK: 1 },
        seed: 7,
        idPrefix: 'sim-cm-',
        serviceGroupSize: 4,
        serviceGroupsPerCmts: 2,
        ...spec,
      },
      { rebootDownSec, selfRebootPeriodSec: null },
      () => this.clock,
    );
  }

  async start(options: Partial<SnmpAgentOptions> = {}): Promise<this> {
    this.agent = await SnmpAgent.start(
      { address: '127.0.0.1', port: 0, maxBulkVarbinds: 200, v3Users: this.fleet.v3Users(), ...options },
      this.fleet,
    );
    return this;
  }

  stop(): Promise<void> {
    return this.agent.close();
  }

  modem(predicate: (m: SimModem) => boolean = () => true): SimModem {
    const m = this.fleet.modems().find(predicate);
    if (!m) {
      throw new Error('no simulated modem matches');
    }
    return m;
  }

  target(m: SimModem, credentials?: SnmpCredentials): SnmpTarget {
    const v3 = m.credentials.v3;
    return {
      host: '127.0.0.1',
      port: this.agent.port,
      credentials:
        credentials ?? (v3 ? { version: '3', ...v3 } : { version: '2c', community: m.credentials.community }),
    };
  }

  poller(options: { timeoutMs?: number; retries?: number; maxRepetitions?: number } = {}): SnmpModemPoller {
    const client = new SnmpClient({ timeoutMs: 300, retries: 0, maxRepetitions: 16, ...options });
    return new SnmpModemPoller(client, () => this.clock);
  }
}
