import { SnmpModemPoller } from '../src/snmp/snmp-modem-poller';
import { SnmpClient } from '../src/snmp/snmp-client';
import { arg, pool } from './lib/pool';
import { clockTicksPerSecond, processCpuMs } from './lib/proc-stats';
import { SimulatorProcess } from './lib/simulator-process';

// The two SNMP clients in one run (issue 14): the same simulated modems polled by the poller's fast poll (GET +
// multi-column GETBULK walk, parsing included, no diagnosis or store) with the net-snmp client (a session per
// poll), then with the lean one (shared sockets, mib/ber), in alternating rounds. Poller CPU per modem of each, and
// the ratio. `npm run bench:decode -- --modems 1000 --rounds 3`.

const MAX_REPETITIONS = 16;

interface Phase {
  cpuMs: number;
  wallMs: number;
  simulatorCpuMs: number;
  polls: number;
  unreachable: number;
}

async function main(): Promise<void> {
  const modems = arg('modems', 1000);
  const concurrency = arg('concurrency', 16);
  const rounds = arg('rounds', 3);
  const ticks = clockTicksPerSecond();
  const ids = Array.from({ length: modems }, (_, i) => `sim-cm-${String(i + 1).padStart(5, '0')}`);
  const sim = SimulatorProcess.spawn({ modems, seed: 42 });
  try {
    const ready = await sim.waitForReady();
    const pollers = {
      netSnmp: new SnmpModemPoller(
        new SnmpClient({ timeoutMs: 2000, retries: 1, maxRepetitions: MAX_REPETITIONS, client: 'net-snmp' }),
      ),
      lean: new SnmpModemPoller(
        new SnmpClient({ timeoutMs: 2000, retries: 1, maxRepetitions: MAX_REPETITIONS, client: 'lean' }),
      ),
    };
    const totals: Record<keyof typeof pollers, Phase> = {
      netSnmp: { cpuMs: 0, wallMs: 0, simulatorCpuMs: 0, polls: 0, unreachable: 0 },
      lean: { cpuMs: 0, wallMs: 0, simulatorCpuMs: 0, polls: 0, unreachable: 0 },
    };
    const sweep = async (which: keyof typeof pollers, n: number, measured: boolean): Promise<void> => {
      const poller = pollers[which];
      let unreachable = 0;
      const cpu0 = process.cpuUsage();
      const sim0 = processCpuMs(sim.pid, ticks);
      const wallMs = await pool(n, concurrency, async (i) => {
        const r = await poller.poll(ids[i], {
          host: '127.0.0.1',
          port: ready.port,
          credentials: { version: '2c', community: ids[i] },
        });
        unreachable += r.reachable ? 0 : 1;
      });
      const cpu = process.cpuUsage(cpu0);
      if (measured) {
        const t = totals[which];
        t.cpuMs += (cpu.user + cpu.system) / 1000;
        t.wallMs += wallMs;
        t.simulatorCpuMs += processCpuMs(sim.pid, ticks) - sim0;
        t.polls += n;
        t.unreachable += unreachable;
      }
    };
    // Warm-up of both paths (JIT, OID caches), then alternating measured rounds.
    await sweep('netSnmp', Math.min(200, modems), false);
    await sweep('lean', Math.min(200, modems), false);
    // Each path goes first in every other round, so neither always inherits the other's garbage.
    for (let round = 0; round < rounds; round++) {
      const order: (keyof typeof pollers)[] = round % 2 === 0 ? ['netSnmp', 'lean'] : ['lean', 'netSnmp'];
      for (const which of order) {
        await sweep(which, modems, true);
      }
    }
    const per = (t: Phase) => ({
      polls: t.polls,
      unreachable: t.unreachable,
      wallMs: Math.round(t.wallMs),
      cpuMsPerModem: Math.round((t.cpuMs / t.polls) * 1000) / 1000,
      simulatorCpuMsPerModem: Math.round((t.simulatorCpuMs / t.polls) * 1000) / 1000,
    });
    const result = {
      date: new Date().toISOString(),
      modems,
      concurrency,
      rounds,
      netSnmp: per(totals.netSnmp),
      lean: per(totals.lean),
      ratio: {
        /** net-snmp path CPU per modem / lean path CPU per modem: above 1, the lean path is cheaper. */
        pollerCpuPerModem:
          Math.round(
            (totals.netSnmp.cpuMs / totals.netSnmp.polls / (totals.lean.cpuMs / totals.lean.polls)) * 100,
          ) / 100,
        /** Poller CPU per modem over the simulator's, for each path (issue 14's target: ≤ 1.5 in bench:sweep). */
        netSnmpOverSimulator: Math.round((totals.netSnmp.cpuMs / totals.netSnmp.simulatorCpuMs) * 100) / 100,
        leanOverSimulator: Math.round((totals.lean.cpuMs / totals.lean.simulatorCpuMs) * 100) / 100,
      },
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`RESULT ${JSON.stringify(result)}`);
    if (totals.netSnmp.unreachable + totals.lean.unreachable > 0) {
      process.exitCode = 1;
    }
  } finally {
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
