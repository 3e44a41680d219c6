import 'reflect-metadata';
import { loadConfigOrExit } from '../config/app-config';
import { SnmpAgent } from '../snmp-agent/snmp-agent';
import { SimulatedFleet } from './fleet';

// The simulated fleet alone, without the HTTP service: for benchmarks and for spreading a large fleet over
// several processes (SIMULATOR_* variables as for the service; prints one JSON line when ready).
async function main(): Promise<void> {
  const sim = loadConfigOrExit(process.env).simulator;
  const started = Date.now();
  const fleet = new SimulatedFleet(sim.fleet, sim.timing);
  const agent = await SnmpAgent.start(
    { address: sim.host, port: sim.port, maxBulkVarbinds: sim.maxBulkVarbinds, v3Users: fleet.v3Users() },
    fleet,
  );
  console.log(
    JSON.stringify({
      ready: true,
      host: sim.host,
      port: agent.port,
      modems: sim.fleet.size,
      buildMs: Date.now() - started,
    }),
  );
  const stop = (): void => {
    void agent.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
