import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { startApp } from '../src/bootstrap';
import { CmtsService } from '../src/cmts/cmts.service';
import { loadConfig } from '../src/config/app-config';
import { simulatedRoster, type SimRosterEntry } from '../src/simulator/fleet';
import type { FleetSpec } from '../src/config/simulator-spec';
import { counterSnapshot } from '../src/checks/line-check.service';
import { toHistoryEntry } from '../src/diagnosis/history';
import { SweepService } from '../src/sweep/sweep.service';
import type { HistoryEntry } from '../src/domain/diagnosis';
import type { ModemReading } from '../src/domain/modem-reading';
import { ModemStore } from '../src/inventory/modem.store';
import { ReadingStore, type StoredReading } from '../src/readings/reading.store';
import Redis from 'ioredis';
import { RedisSpace } from '../src/store/redis/redis-space';
import { PrivateRedis } from '../test/support/redis-server';
import { summarizeLatencies } from './lib/latency';
import { pool } from './lib/pool';
import { liveHeapMb, MemorySampler } from './lib/memory-sampler';
import { clockTicksPerSecond, processCpuMs, processMemory } from './lib/proc-stats';
import { BENCH_FLEET_ENV, benchScenarioMix, SimulatorProcess } from './lib/simulator-process';

// A whole-fleet sweep through the service itself (BullMQ on a private Redis, CMTS discovery, poll, diagnose,
// store), against the standalone simulator in its own process. `npm run bench:sweep -- --modems N --workers W`.

interface Args {
  modems: number;
  workers: number;
  /** Simulator processes; each serves a contiguous share of the fleet, split on CMTS boundaries. */
  sims: number;
  concurrency: number;
  chunk: number;
  /**
   * 1: then give every modem the day a 15-minute schedule leaves (96 history entries, codeword snapshots, a latest
   * reading 15 minutes old) and time a second sweep, as sweeps run in steady state (SWEEP_MAX_AGE_SEC 300 then).
   */
  steady: number;
  /** 0: build, register and discover the fleet, report the memory that took, and stop before the sweep. */
  sweep: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    modems: 10_000,
    workers: 1,
    sims: 1,
    concurrency: 32,
    chunk: 200,
    steady: 0,
    sweep: 1,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof Args;
    const value = Number(argv[i + 1]);
    if (!(key in args) || !Number.isInteger(value) || value < (key === 'steady' || key === 'sweep' ? 0 : 1)) {
      throw new Error(
        'usage: npm run bench:sweep -- --modems N --workers W --sims P --concurrency C --chunk S --steady 0|1 --sweep 0|1 ' +
          `(bad ${argv[i]})`,
      );
    }
    args[key] = value;
  }
  return args;
}

async function redisInfo(redis: PrivateRedis, section: string): Promise<string> {
  const child = spawn('redis-cli', ['-p', String(redis.port), 'info', section]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await once(child, 'exit');
  return out;
}

async function redisUsedBytes(redis: PrivateRedis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redisInfo(redis, 'memory'))?.[1] ?? 0);
}

/** Commands Redis has run so far by name, and the bytes it has read and written on its connections. */
async function redisTraffic(
  redis: PrivateRedis,
): Promise<{ calls: Map<string, number>; inBytes: number; outBytes: number; cpuMs: number }> {
  const calls = new Map<string, number>();
  for (const m of (await redisInfo(redis, 'commandstats')).matchAll(/^cmdstat_([\w|]+):calls=(\d+)/gm)) {
    calls.set(m[1], Number(m[2]));
  }
  const stats = await redisInfo(redis, 'stats');
  const cpu = await redisInfo(redis, 'cpu');
  const num = (text: string, name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(text)?.[1] ?? 0);
  return {
    calls,
    inBytes: num(stats, 'total_net_input_bytes'),
    outBytes: num(stats, 'total_net_output_bytes'),
    cpuMs: (num(cpu, 'used_cpu_user') + num(cpu, 'used_cpu_sys')) * 1000,
  };
}

/**
 * Per modem: Redis commands by name (MULTI/EXEC and Lua calls counted as commands, and so are the commands a script
 * runs), Redis server CPU (INFO cpu), and bytes in and out.
 */
function trafficPerModem(
  before: Awaited<ReturnType<typeof redisTraffic>>,
  after: Awaited<ReturnType<typeof redisTraffic>>,
  modems: number,
) {
  const byCommand: Record<string, number> = {};
  let total = 0;
  for (const [name, n] of after.calls) {
    const d = n - (before.calls.get(name) ?? 0);
    if (d > 0 && name !== 'info') {
      byCommand[name] = Math.round((d / modems) * 100) / 100;
      total += d;
    }
  }
  return {
    commands: Math.round((total / modems) * 100) / 100,
    byCommand,
    cpuMs: Math.round(((after.cpuMs - before.cpuMs) / modems) * 1000) / 1000,
    bytesIn: Math.round((after.inBytes - before.inBytes) / modems),
    bytesOut: Math.round((after.outBytes - before.outBytes) / modems),
  };
}

async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, '../src/main.ts')],
    {
      env: {
        ...process.env,
        ...env,
        INSTANCE_ROLE: 'worker',
        SIMULATOR_ENABLED: 'false',
        PORT: '0',
        LOG_LEVEL: 'log',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('listening on') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return child;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const ticks = clockTicksPerSecond();
  // Starting the service, building, registering and discovering the fleet: its memory peaks, apart from the sweep's.
  const setupMemory = new MemorySampler();
  const redis = new PrivateRedis();
  await redis.start();
  // Default topology: 320 modems per CMTS (40 per node, 8 nodes); each process takes whole CMTSes.
  const perCmts = 320;
  const perSim = Math.ceil(a.modems / a.sims / perCmts) * perCmts;
  const shares = Array.from({ length: a.sims }, (_, k) => ({
    firstIndex: k * perSim,
    modems: Math.max(0, Math.min(perSim, a.modems - k * perSim)),
  })).filter((s) => s.modems > 0);
  const sims = shares.map((s) => SimulatorProcess.spawn({ ...s, seed: 42 }));
  const workers: ChildProcess[] = [];
  try {
    const readies = await Promise.all(sims.map((s) => s.waitForReady()));
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: 'bench:',
      SWEEP_CONCURRENCY: String(a.concurrency),
      SWEEP_CHUNK_SIZE: String(a.chunk),
      // The steady-state sweep reads each modem's latest reading first, as the service's default (300) does.
      SWEEP_MAX_AGE_SEC: a.steady ? '300' : '0',
      SWEEP_INTERVAL_SEC: '0',
      DISCOVERY_INTERVAL_SEC: '0',
      SNMP_TIMEOUT_MS: '2000',
      SNMP_RETRIES: '1',
      // SNMP_CLIENT=net-snmp npm run bench:sweep: the same sweep with a net-snmp session per poll (the old client).
      SNMP_CLIENT: process.env.SNMP_CLIENT ?? 'lean',
    };
    const config = loadConfig({
      ...env,
      PORT: '0',
      LOG_LEVEL: 'warn',
      SIMULATOR_MODEMS: String(a.modems),
      SIMULATOR_SEED: '42',
      ...BENCH_FLEET_ENV,
      SIMULATOR_V3_SHARE: '0',
      SIMULATOR_SCENARIO_MIX: benchScenarioMix(),
    });
    const app = await startApp(config, { logger: false });
    const modems = app.get(ModemStore);
    const readings = app.get(ReadingStore);
    const memEmpty = await redisUsedBytes(redis);

    // The same spec and seed give the same fleet as each simulator process serves: register it from here.
    const fleetIds: string[] = [];
    for (const [k, share] of shares.entries()) {
      const spec = { ...config.simulator.fleet, size: share.modems, firstIndex: share.firstIndex };
      await registerFleet(spec, readies[k].port, modems, app.get(CmtsService), fleetIds);
    }
    for (let w = 1; w < a.workers; w++) {
      workers.push(await startWorker(env));
    }
    const memRegistered = await redisUsedBytes(redis);
    const trafficBefore = await redisTraffic(redis);

    const simCpu = (): number => sims.reduce((sum, s) => sum + processCpuMs(s.pid, ticks), 0);
    const sweeps = app.get(SweepService);
    /** One whole-fleet sweep: its view, wall time, and the CPU of the pollers (this process and the workers). */
    const timedSweep = async () => {
      const cpu0 = process.cpuUsage();
      const workerCpu0 = workers.map((w) => processCpuMs(w.pid!, ticks));
      const simCpu0 = simCpu();
      const t0 = performance.now();
      const { id } = await sweeps.start({ kind: 'all' });
      let view = await sweeps.get(id);
      while (view.status !== 'finished') {
        await new Promise((r) => setTimeout(r, 200));
        view = await sweeps.get(id);
      }
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const pollerCpuMs =
        (cpu.user + cpu.system) / 1000 +
        workers.reduce((s, w, i) => s + processCpuMs(w.pid!, ticks) - workerCpu0[i], 0);
      return { view, wallMs, pollerCpuMs, simCpuMs: simCpu() - simCpu0 };
    };
    // What the sweep itself adds, apart from building and registering the fleet.
    const setup = setupMemory.stop();
    const memBefore = {
      rssMb: processMemory('self').rssMb,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    };
    const setupMemoryMb = {
      seconds: setup.seconds,
      peakRss: setup.peakRssMb,
      peakHeapUsed: setup.peakHeapUsedMb,
      heapUsed: Math.round(memBefore.heapMb),
      // After a full GC: what building, registering and discovering left alive for the sweep.
      liveHeap: liveHeapMb(),
    };
    if (!a.sweep) {
      const result = {
        date: new Date().toISOString(),
        modems: a.modems,
        simulatorProcesses: sims.length,
        redisBytesPerModem: { inventory: Math.round((memRegistered - memEmpty) / a.modems) },
        pollerMemoryMb: { setup: setupMemoryMb },
        peakRssMb: { simulators: sims.map((s) => processMemory(s.pid).peakRssMb) },
      };
      console.log(JSON.stringify(result, null, 2));
      console.log(`RESULT ${JSON.stringify(result)}`);
      await app.close();
      return;
    }
    const sweepMemory = new MemorySampler({ resetPeak: true });
    const allocations = await startAllocationProfile();
    const { view, wallMs, pollerCpuMs, simCpuMs } = await timedSweep();
    await allocations?.stop();
    const swept = sweepMemory.stop();
    const memAfter = { rssMb: processMemory('self').rssMb, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
    const trafficAfter = await redisTraffic(redis);
    const memSwept = await redisUsedBytes(redis);

    const sample = fleetIds.filter((_, i) => i % Math.max(1, Math.floor(a.modems / 2000)) === 0);
    const latencies = new Float64Array(
      (await Promise.all(sample.map((m) => readings.latest(m))))
        .filter((s) => s?.reading.reachable)
        .map((s) => s!.reading.latencyMs),
    );
    const lat = summarizeLatencies(latencies);
    const perKey = await keyBytesPerModem(redis.url, 'bench:', sample.slice(0, 200));
    const withDay = await bytesWithDayOfHistory(readings, redis.url, sample.slice(0, 200));
    let steady: Record<string, unknown> | undefined;
    if (a.steady) {
      const seedMs = await pool(fleetIds.length, 16, (i) => dayBefore(readings, fleetIds[i]));
      const steadyBefore = await redisTraffic(redis);
      const profiler = await startProfile();
      const second = await timedSweep();
      await profiler?.stop();
      const steadyTraffic = trafficPerModem(steadyBefore, await redisTraffic(redis), a.modems);
      steady = {
        seededSec: Math.round(seedMs / 100) / 10,
        done: second.view.done,
        failed: second.view.failed,
        wallSec: Math.round(second.wallMs / 100) / 10,
        modemsPerSec: Math.round((a.modems / second.wallMs) * 1000),
        pollerCpuMsPerModem: Math.round((second.pollerCpuMs / a.modems) * 1000) / 1000,
        simulatorCpuMsPerModem: Math.round((second.simCpuMs / a.modems) * 1000) / 1000,
        redisPerModemPerSweep: steadyTraffic,
        byVerdict: second.view.byVerdict,
      };
    }
    const result = {
      date: new Date().toISOString(),
      modems: a.modems,
      workers: a.workers,
      simulatorProcesses: sims.length,
      concurrency: a.concurrency,
      chunk: a.chunk,
      snmpClient: env.SNMP_CLIENT,
      done: view.done,
      failed: view.failed,
      wallSec: Math.round(wallMs / 100) / 10,
      modemsPerSec: Math.round((a.modems / wallMs) * 1000),
      pollerCpuMsPerModem: Math.round((pollerCpuMs / a.modems) * 1000) / 1000,
      simulatorCpuMsPerModem: Math.round((simCpuMs / a.modems) * 1000) / 1000,
      pollLatencyMs: { p50: lat.p50, p99: lat.p99 },
      redisPerModemPerSweep: trafficPerModem(trafficBefore, trafficAfter, a.modems),
      redisBytesPerModem: {
        inventory: Math.round((memRegistered - memEmpty) / a.modems),
        afterSweep: Math.round((memSwept - memEmpty) / a.modems),
        byKeyAfterSweep: perKey,
        withDayOfHistory: withDay,
      },
      pollerMemoryMb: {
        setup: setupMemoryMb,
        beforeSweep: { rss: Math.round(memBefore.rssMb), heapUsed: Math.round(memBefore.heapMb) },
        afterSweep: { rss: Math.round(memAfter.rssMb), heapUsed: Math.round(memAfter.heapMb) },
        // The timed sweep's own peaks (VmHWM reset when it started).
        sweep: { peakRss: swept.peakRssMb, peakHeapUsed: swept.peakHeapUsedMb },
      },
      peakRssMb: {
        // The whole run's: setup or the timed sweep, whichever was higher (the figures after it are not included).
        poller: Math.max(setup.peakRssMb, swept.peakRssMb),
        simulators: sims.map((s) => processMemory(s.pid).peakRssMb),
      },
      byVerdict: view.byVerdict,
      ...(steady && { steadySweep: steady }),
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(`RESULT ${JSON.stringify(result)}`);
    await app.close();
  } finally {
    workers.forEach((w) => w.kill('SIGTERM'));
    await Promise.all(sims.map((s) => s.stop()));
    await redis.stop();
  }
}

/** Modem records written at once while a CMTS's modems are registered. */
const REGISTER_IN_FLIGHT = 32;

/**
 * Registers the simulated fleet of `spec` (served on `port`) and discovers it, one CMTS at a time: the CMTS, its
 * modems (REGISTER_IN_FLIGHT writes in flight), then its walk. The modems come from the roster (ids, MACs and
 * placements drawn from the seed, no modem built), so at no time is more than one CMTS's worth held here; only the
 * ids stay, in `ids`, for the figures after the sweep.
 */
async function registerFleet(
  spec: FleetSpec,
  port: number,
  modems: ModemStore,
  cmts: CmtsService,
  ids: string[],
): Promise<void> {
  const now = Date.now();
  const register = async (cmtsId: string, batch: SimRosterEntry[]): Promise<void> => {
    await cmts.put(cmtsId, { host: '127.0.0.1', port, snmp: { version: '2c', community: cmtsId } });
    await pool(batch.length, REGISTER_IN_FLIGHT, async (i) => {
      const m = batch[i];
      await modems.putModem({
        id: m.id,
        host: '127.0.0.1',
        port,
        snmp: { version: '2c', community: m.id },
        mac: m.mac,
        cmtsId,
        createdAt: now,
        updatedAt: now,
      });
    });
    await cmts.discover(cmtsId);
  };
  let batch: SimRosterEntry[] = [];
  for (const m of simulatedRoster(spec)) {
    if (batch.length > 0 && m.placement.cmtsId !== batch[0].placement.cmtsId) {
      await register(batch[0].placement.cmtsId, batch);
      batch = [];
    }
    batch.push(m);
    ids.push(m.id);
  }
  if (batch.length > 0) {
    await register(batch[0].placement.cmtsId, batch);
  }
}

const KEY_KINDS = ['modem', 'mac', 'latest', 'vd', 'hist', 'cw'] as const;

/** MEMORY USAGE of each per-modem key kind, averaged over a sample (what the whole-instance delta is made of). */
async function keyBytesPerModem(url: string, prefix: string, ids: string[]): Promise<Record<string, number>> {
  const redis = new Redis(url);
  const space = new RedisSpace(redis, prefix);
  try {
    const out: Record<string, number> = {};
    for (const kind of KEY_KINDS) {
      let sum = 0;
      for (const id of ids) {
        const key =
          kind === 'mac'
            ? await macKey(redis, prefix, id)
            : kind === 'modem'
              ? space.key('modem', id)
              : space.tagged(kind, id);
        sum += key ? Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0) : 0;
      }
      out[kind] = Math.round(sum / ids.length);
    }
    return out;
  } finally {
    redis.disconnect();
  }
}

async function macKey(redis: Redis, prefix: string, id: string): Promise<string | null> {
  const json = await redis.get(`${prefix}modem:${id}`);
  const mac = json ? (JSON.parse(json) as { mac?: string }).mac : undefined;
  return mac ? `${prefix}mac:${mac}` : null;
}

/**
 * Per-modem keys after a day of 15-minute sweeps: what the store keeps of each sampled modem is dropped, and its
 * stored reading saved 96 times, 15 minutes apart, in time order (the last one being this sweep's), as a day of
 * sweeps would have: 96 history entries, and the codeword snapshots the FEC window keeps (5 at this interval; until
 * 2026-12-03 the sweep's own snapshot, newer than the replayed ones, kept them out and 1 was measured). Then the
 * keys are measured as above.
 */
async function bytesWithDayOfHistory(
  store: ReadingStore,
  url: string,
  ids: string[],
): Promise<Record<string, number>> {
  const stepMs = 15 * 60_000;
  for (const id of ids) {
    const stored = await store.latest(id);
    if (!stored) {
      continue;
    }
    const latest = stored.reading.observedAt;
    await store.forgetModem(id);
    for (let k = 95; k >= 1; k--) {
      const at = latest - k * stepMs;
      const reading = { ...stored.reading, observedAt: at };
      await store.saveReading({ ...stored, reading }, dayEntry(reading, stored), counterSnapshot(reading));
    }
    await store.saveReading(stored, dayEntry(stored.reading, stored), counterSnapshot(stored.reading));
  }
  const perKey = await keyBytesPerModem(url, 'bench:', ids);
  return { ...perKey, total: Object.values(perKey).reduce((a, b) => a + b, 0) };
}

/**
 * With BENCH_PROFILE_DIR set, a V8 CPU profile of this process (the poller) during the steady-state sweep only,
 * written there as steady-sweep.cpuprofile (open it in Chrome DevTools, or sum its samples by function).
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) {
    return undefined;
  }
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(join(dir, 'steady-sweep.cpuprofile'), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * With BENCH_ALLOC_PROFILE_DIR set, a sampling allocation profile of this process during the first sweep, objects
 * that garbage collection took counted too (what the collector works for), written there as
 * first-sweep.heapprofile (open it in Chrome DevTools' Memory tab, or sum its self sizes by function).
 */
async function startAllocationProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const dir = process.env.BENCH_ALLOC_PROFILE_DIR;
  if (!dir) {
    return undefined;
  }
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  return {
    stop: async () => {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      writeFileSync(join(dir, 'first-sweep.heapprofile'), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * The day before a steady-state sweep: what the store keeps of the modem is dropped and its stored reading saved
 * 96 times, 15 minutes apart, the last 15 minutes ago (so the sweep polls it, with 24 h of history behind it).
 */
async function dayBefore(store: ReadingStore, id: string): Promise<void> {
  const stored = await store.latest(id);
  if (!stored) {
    return;
  }
  await store.forgetModem(id);
  const stepMs = 15 * 60_000;
  for (let k = 96; k >= 1; k--) {
    const reading = { ...stored.reading, observedAt: stored.reading.observedAt - k * stepMs };
    await store.saveReading({ ...stored, reading }, dayEntry(reading, stored), counterSnapshot(reading));
  }
}

/**
 * A history entry as a sweep writes it, CMTS registration included (those fields are part of its size). The
 * registration time is the CMTS's DateAndTime (tenths of a second), the same in every entry of the day (until
 * 2026-12-03 it moved with each entry, to the millisecond, which no CMTS reports).
 */
function dayEntry(reading: ModemReading, stored: StoredReading): HistoryEntry {
  return {
    ...toHistoryEntry(reading, stored.diagnosis.verdict),
    cmtsRegState: 8,
    lastRegAt: Math.floor((stored.reading.observedAt - 3 * 86_400_000) / 100) * 100,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
