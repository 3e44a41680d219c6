import { SnmpModemPoller } from '../src/snmp/snmp-modem-poller';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from './lib/args';
import { CountingSnmpClient, VarbindCounter } from './lib/counting-client';
import { PollRunner } from './lib/poll-run';
import { clockTicksPerSecond, machineBusyMs, processCpuMs, processMemory } from './lib/proc-stats';
import { buildResult, formatResultLine, formatTable, type BenchResult } from './lib/report';
import { SimulatorProcess, type ReadyLine } from './lib/simulator-process';

// Poll throughput and cost of one poller process against the standalone simulator: see bench/README.md.

const MAX_UNREACHABLE_PCT = 1;

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const sim = SimulatorProcess.spawn({ modems: options.modems, seed: options.seed });
  stopSimulatorOnExit(sim);
  try {
    const ready = await sim.waitForReady();
    const result = await measure(options, sim, ready);
    console.log(formatTable(result));
    console.log(formatResultLine(result));
    if (result.unreachablePct > MAX_UNREACHABLE_PCT) {
      console.error(
        `FAIL: ${result.unreachablePct.toFixed(2)}% of polls unreachable (limit ${MAX_UNREACHABLE_PCT}%)`,
      );
      process.exitCode = 1;
    }
  } finally {
    await sim.stop();
  }
}

async function measure(options: BenchOptions, sim: SimulatorProcess, ready: ReadyLine): Promise<BenchResult> {
  const counter = new VarbindCounter();
  const client = new CountingSnmpClient(
    { timeoutMs: options.timeoutMs, retries: options.retries, maxRepetitions: options.maxRepetitions },
    counter,
  );
  const runner = new PollRunner(
    new SnmpModemPoller(client),
    { host: ready.host, port: ready.port, modems: ready.modems },
    counter,
    options.detail,
  );
  const ticks = clockTicksPerSecond();

  await runner.run(options.warmup, options.concurrency);
  const pollerCpu = process.cpuUsage();
  const simCpuMs = processCpuMs(sim.pid, ticks);
  const machineMs = machineBusyMs(ticks);
  const run = await runner.run(options.polls, options.concurrency);
  const pollerCpuDelta = process.cpuUsage(pollerCpu);
  const simCpuDeltaMs = processCpuMs(sim.pid, ticks) - simCpuMs;
  const machineDeltaMs = machineBusyMs(ticks) - machineMs;

  if (!sim.running) {
    throw new Error(`simulator exited during the run\n${sim.stderr}`);
  }
  return buildResult({
    options,
    ready,
    run,
    poller: { cpuMs: (pollerCpuDelta.user + pollerCpuDelta.system) / 1000, ...processMemory('self') },
    simulator: { cpuMs: simCpuDeltaMs, ...processMemory(sim.pid) },
    machineBusyMs: machineDeltaMs,
  });
}

/** The simulator must not outlive the benchmark, whether it ends normally, fails or is interrupted. */
function stopSimulatorOnExit(sim: SimulatorProcess): void {
  process.on('exit', () => sim.kill());
  const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
  for (const [signal, code] of Object.entries(exitCodes)) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the simulator`);
      void sim.stop().finally(() => process.exit(code));
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
