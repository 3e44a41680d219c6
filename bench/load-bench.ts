import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PrivateRedis } from '../test/support/redis-server';
import { clockTicksPerSecond, processCpuMs, processMemory } from './lib/proc-stats';
import { BENCH_FLEET_ENV } from './lib/simulator-process';

// HTTP load on cached diagnoses: the service in its own process (with its simulator, on a private Redis or the
// in-process store), autocannon in this one. Then 1,000 concurrent requests for one uncached modem, counting the
// SNMP requests the simulator saw. See bench/README.md.

const NOC_KEY = 'load-noc-key-0123456789abcdefghijklmnopqrstu';

interface Args {
  durationSec: number;
  connections: number;
  modems: number;
  store: 'redis' | 'memory';
  burst: number;
  /** Directory for a V8 CPU profile of the service (--cpu-prof), or empty. */
  profileDir: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    durationSec: 60,
    connections: 32,
    modems: 1000,
    store: 'redis',
    burst: 1000,
    profileDir: '',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--duration') {
      args.durationSec = Number(value);
    } else if (flag === '--connections') {
      args.connections = Number(value);
    } else if (flag === '--modems') {
      args.modems = Number(value);
    } else if (flag === '--burst') {
      args.burst = Number(value);
    } else if (flag === '--profile') {
      args.profileDir = value;
    } else if (flag === '--store' && (value === 'redis' || value === 'memory')) {
      args.store = value;
    } else {
      throw new Error(`unknown option ${flag} ${value ?? ''}`);
    }
  }
  return args;
}

async function startService(
  env: Record<string, string>,
  nodeArgs: string[],
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '-r', 'ts-node/register/transpile-only', join(__dirname, '../src/main.ts')],
    {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(d.toString());
      if (m) {
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
  });
  return { child, base };
}

async function api(base: string, path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${NOC_KEY}`, 'Content-Type': 'application/json' },
  });
  if (!res.ok) {
    throw new Error(`${path}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

async function simRequests(base: string): Promise<number> {
  return ((await api(base, '/api/v1/simulator/stats')) as { requests: number }).requests;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const redis = new PrivateRedis();
  if (a.store === 'redis') {
    await redis.start();
  }
  const { child, base } = await startService(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'log',
      API_KEYS: `load:noc+operator:${NOC_KEY}`,
      RATE_LIMIT_PER_MIN: '1000000',
      SIMULATOR_ENABLED: 'true',
      SIMULATOR_PORT: '0',
      SIMULATOR_MODEMS: String(a.modems),
      ...BENCH_FLEET_ENV,
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=90,DS_SNR_FAULT=5,US_POWER_HIGH_FAULT=5',
      SIMULATOR_SELF_REBOOT_SEC: '86400',
      SWEEP_INTERVAL_SEC: '0',
      DISCOVERY_INTERVAL_SEC: '0',
      ...(a.store === 'redis' ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'load:' } : {}),
    },
    a.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${a.profileDir}`] : [],
  );
  // The log line is written before the first request is served; give the poll path its first JIT pass too.
  const all = Array.from({ length: a.modems }, (_, i) => `sim-cm-${String(i + 1).padStart(5, '0')}`);
  // The last modem is kept unpolled for the burst at the end.
  const ids = all.slice(0, -1);
  const target = all[all.length - 1];
  try {
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids.slice(i, i + 50).map((id) => api(base, `/api/v1/modems/${id}/diagnosis?maxAgeSec=0`)),
      );
    }
    const ticks = clockTicksPerSecond();
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(processMemory(child.pid!).rssMb), 1000);
    const cpuBefore = processCpuMs(child.pid!, ticks);
    const pollsBefore = await simRequests(base);
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: a.connections,
      duration: a.durationSec,
      headers: { Authorization: `Bearer ${NOC_KEY}` },
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/modems/${ids[next++ % ids.length]}/diagnosis?maxAgeSec=86400`,
          }),
        },
      ],
    });
    clearInterval(sampler);
    const serviceCpuMs = processCpuMs(child.pid!, ticks) - cpuBefore;
    const pollsDuring = (await simRequests(base)) - pollsBefore;

    // 1,000 callers at once for one modem never polled before: one SNMP poll between them. A poll is several SNMP
    // requests (a GET, then GETBULK rounds); a lone poll of a warmed-up modem says how many.
    const modemRequests = async (id: string) =>
      ((await api(base, `/api/v1/simulator/modems/${id}`)) as { requests: number }).requests;
    let before = await modemRequests(ids[0]);
    await api(base, `/api/v1/modems/${ids[0]}/diagnosis?maxAgeSec=0`);
    const requestsPerPoll = (await modemRequests(ids[0])) - before;
    before = await modemRequests(target);
    const burst = await Promise.all(
      Array.from({ length: a.burst }, () =>
        fetch(`${base}/api/v1/modems/${target}/diagnosis`, {
          headers: { Authorization: `Bearer ${NOC_KEY}` },
        }).then(async (r) => ({
          status: r.status,
          source: ((await r.json()) as { source?: string }).source,
        })),
      ),
    );
    const burstRequests = (await modemRequests(target)) - before;

    const tenth = Math.max(1, Math.floor(rss.length / 10));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const summary = {
      store: a.store,
      modems: a.modems,
      connections: a.connections,
      durationSec: a.durationSec,
      requests: result.requests.total,
      reqPerSec: Math.round(result.requests.average),
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      serviceCpuMsPerRequest: Number((serviceCpuMs / result.requests.total).toFixed(3)),
      snmpRequestsDuringLoad: pollsDuring,
      rssMb: {
        firstTenth: Math.round(mean(rss.slice(0, tenth))),
        lastTenth: Math.round(mean(rss.slice(-tenth))),
        peak: Math.round(processMemory(child.pid!).peakRssMb),
        every10s: rss.filter((_, i) => i % 10 === 9).map(Math.round),
      },
      burst: {
        requests: a.burst,
        ok: burst.filter((r) => r.status === 200).length,
        live: burst.filter((r) => r.source === 'live').length,
        snmpRequestsToTheModem: burstRequests,
        snmpRequestsPerPoll: requestsPerPoll,
        polls: burstRequests / requestsPerPoll,
      },
    };
    console.log(JSON.stringify(summary, null, 2));
    console.log(`RESULT ${JSON.stringify(summary)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (a.store === 'redis') {
      await redis.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
