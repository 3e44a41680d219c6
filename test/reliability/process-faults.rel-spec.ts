import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Redis from 'ioredis';
import { SweepScheduler } from '../../src/sweep/sweep.scheduler';
import { eventually } from '../support/eventually';
import { sleep, startTestApp, testRedisUrl, type TestApp } from '../support/test-app';

// Reliability: process faults around sweeps and diagnoses, on one shared Redis (same key prefix everywhere).
//   a) The API instance (a child process running src/main.ts, INSTANCE_ROLE=both) is SIGKILLed while it answers a
//      slow diagnosis and works on sweep chunks, then started again. The client sees a connection error, not an
//      answer; the poll lock the dead process held lapses at its PX TTL, so the next diagnosis (on another
//      instance, at once) waits no longer than that; the restarted instance answers; and the sweep that was
//      running finishes with exact counts, its stalled chunks taken over by the restarted instance.
//   b) Duplicate triggers: 20 identical POST /api/v1/sweeps at once (across two instances) make 20 sweeps, each
//      counting every modem of its scope exactly once; scheduled ticks on three instances at the same instant
//      start exactly one sweep per interval. Retries of one trigger (one Idempotency-Key) start one sweep.
//   c) A worker process SIGKILLed mid-sweep (chunks taken over by the surviving worker, exact counts) is covered
//      by test/sweep-worker-kill.e2e-spec.ts and is not repeated here.

const MODEMS = 300;
const SNMP_TIMEOUT_MS = 1500;
/**
 * The poll lock's PX TTL (src/checks/line-check.service.ts: pollBudgetMs + 1 s): the walk deadline (2 × timeout ×
 * tries, SNMP_WALK_DEADLINE_MS unset) plus one request's budget (timeout × tries) plus 1 s.
 */
const LOCK_TTL_MS = 2 * SNMP_TIMEOUT_MS + SNMP_TIMEOUT_MS + 1000;
/** A DOCSIS 3.1 modem of the seeded fleet: one GET and four GETBULK rounds per poll. */
const SLOW_MODEM = 'sim-cm-00001';
const SLOW_DELAY_MS = 500;
const SWEEP_DELAY_MS = 40;

interface SweepBody {
  id: string;
  status: string;
  trigger: string;
  total: number;
  done: number;
  failed: number;
  byVerdict: Record<string, number>;
}

interface Child {
  process: ChildProcess;
  port: number;
}

/** src/main.ts in a process of its own (as bench/sweep-bench.ts and test/sweep-worker-kill.e2e-spec.ts do). */
function startChild(env: Record<string, string>): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, '../support/ts-register.js'), join(__dirname, '../../src/main.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.resume();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('child instance did not start')), 60_000);
    child.stdout.on('data', (data: Buffer) => {
      const port = /listening on http:\/\/[^:]+:(\d+)/.exec(data.toString())?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ process: child, port: Number(port) });
      }
    });
    child.once('exit', (code) => reject(new Error(`child instance exited with ${code}`)));
  });
}

function kill(child: Child): Promise<void> {
  const exited = new Promise<void>((resolve) => child.process.once('exit', () => resolve()));
  child.process.kill('SIGKILL');
  return exited;
}

/** Plain HTTP to a child instance: the status and body, or the socket error when it goes away mid-request. */
function raw(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  json?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(json === undefined ? undefined : JSON.stringify(json));
  });
}

function untilFinished(t: TestApp, id: string, timeoutMs = 120_000): Promise<SweepBody> {
  return eventually(
    async () => {
      const body = (await t.http().get(`/api/v1/sweeps/${id}`).expect(200)).body as SweepBody;
      expect(body.status).toBe('finished');
      return body;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

describe('process faults: an API instance killed mid-request, duplicate sweep triggers', () => {
  const prefix = `faults-${Date.now()}:`;
  const shared = {
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    SNMP_TIMEOUT_MS: String(SNMP_TIMEOUT_MS),
    SNMP_RETRIES: '0',
    SWEEP_CHUNK_SIZE: '10',
    SWEEP_CONCURRENCY: '2',
    // Every sweep polls every modem.
    SWEEP_MAX_AGE_SEC: '0',
    // A dead instance's chunks are taken over 2 s after its last lock renewal.
    SWEEP_LOCK_SEC: '2',
    // The schedulers never fire on their own here; the test calls tick() itself. A scheduled sweep's chunks are
    // spread over 0.001 × 3600 s = 3.6 s.
    SWEEP_INTERVAL_SEC: '3600',
    SWEEP_SPREAD_SHARE: '0.001',
    DISCOVERY_INTERVAL_SEC: '0',
    RATE_LIMIT_PER_MIN: '0',
  };
  const childEnv = {
    ...shared,
    INSTANCE_ROLE: 'both',
    SIMULATOR_ENABLED: 'false',
    PORT: '0',
    LOG_LEVEL: 'log',
  };
  let sim: TestApp;
  let workers: TestApp[] = [];
  let api: Child | undefined;
  let redis: Redis;

  const setDelay = async (ids: string[], ms: number): Promise<void> => {
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids
          .slice(i, i + 50)
          .map((id) =>
            sim
              .http()
              .put(`/api/v1/simulator/modems/${id}/latency`)
              .send({ responseDelayMs: ms })
              .expect(200),
          ),
      );
    }
  };
  let modemIds: string[] = [];

  beforeAll(async () => {
    // Hosts the simulated fleet (3 CMTSes of 100 modems, nodes of 25) and answers the API; takes no chunks.
    sim = await startTestApp('redis', {
      ...shared,
      INSTANCE_ROLE: 'api',
      SIMULATOR_MODEMS: String(MODEMS),
      SIMULATOR_SERVICE_GROUP_SIZE: '25',
      SIMULATOR_SERVICE_GROUPS_PER_CMTS: '4',
      SIMULATOR_V3_SHARE: '0',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
    });
    redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    modemIds = (
      (await sim.http().get(`/api/v1/simulator/modems?limit=${MODEMS}`).expect(200)).body.items as {
        id: string;
      }[]
    ).map((m) => m.id);
    expect(modemIds).toHaveLength(MODEMS);
    api = await startChild(childEnv);
  }, 120_000);

  afterAll(async () => {
    if (api && api.process.exitCode === null && api.process.signalCode === null) {
      await kill(api);
    }
    for (const w of workers) {
      await w.close();
    }
    await sim?.close();
    redis?.disconnect();
  });

  it('a) API instance SIGKILLed mid-request and restarted: connection error, lock lapses, sweep exact', async () => {
    // Every modem answers 40 ms late, so the sweep is still running when the instance dies; one modem 500 ms.
    await setDelay(modemIds, SWEEP_DELAY_MS);
    await setDelay([SLOW_MODEM], SLOW_DELAY_MS);

    const posted = await raw(api!.port, 'POST', '/api/v1/sweeps', { scope: { kind: 'all' } });
    expect(posted.status).toBe(202);
    const post = JSON.parse(posted.body) as SweepBody;
    expect(post.total).toBe(MODEMS);
    await eventually(
      async () =>
        expect(
          ((await sim.http().get(`/api/v1/sweeps/${post.id}`).expect(200)).body as SweepBody).done,
        ).toBeGreaterThan(0),
      { timeoutMs: 15_000 },
    );

    // The slow diagnosis goes to the instance about to die; it is killed while that poll holds the lock.
    const lockKey = `${prefix}lock:poll:${SLOW_MODEM}`;
    const requestedAt = Date.now();
    const inFlight = raw(api!.port, 'GET', `/api/v1/modems/${SLOW_MODEM}/diagnosis?maxAgeSec=0`).then(
      (res) => ({ ok: true as const, res }),
      (error: NodeJS.ErrnoException) => ({ ok: false as const, error }),
    );
    // The poll takes about 2 s (four GETBULK rounds at 500 ms): 200 ms in, the request is surely being served.
    let locked = false;
    for (let i = 0; i < 400 && !(locked && Date.now() - requestedAt >= 200); i++) {
      locked = (await redis.exists(lockKey)) === 1;
      await sleep(10);
    }
    expect(locked).toBe(true);
    const doneAtKill = ((await sim.http().get(`/api/v1/sweeps/${post.id}`).expect(200)).body as SweepBody)
      .done;
    await kill(api!);
    const killedAt = Date.now();
    const outcome = await inFlight;
    // A connection error, never an answer (let alone a wrong one).
    expect(outcome.ok).toBe(false);
    const errorCode = outcome.ok ? '' : (outcome.error.code ?? outcome.error.message);
    expect(['ECONNRESET', 'socket hang up']).toContain(errorCode);

    // The lock the dead process held is still there, with its PX TTL running out.
    const pttl = await redis.pttl(lockKey);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(LOCK_TTL_MS);

    // The next diagnosis, on the surviving instance at once: it waits for the stale lock no longer than its TTL,
    // then polls (about 2 s at 500 ms per request) and answers live.
    const surviving = await sim.http().get(`/api/v1/modems/${SLOW_MODEM}/diagnosis?maxAgeSec=0`).expect(200);
    const survivorMs = Date.now() - killedAt;
    expect(surviving.body).toEqual(expect.objectContaining({ verdict: 'TEXTBOOK_OK', source: 'live' }));
    expect(Date.parse(surviving.body.observedAt as string)).toBeGreaterThan(killedAt);
    expect(survivorMs).toBeLessThan(LOCK_TTL_MS + 5 * SLOW_DELAY_MS + 5000);

    // No worker is left: the sweep stalls until the instance is back.
    const stalled = ((await sim.http().get(`/api/v1/sweeps/${post.id}`).expect(200)).body as SweepBody).done;
    expect(stalled).toBeLessThan(MODEMS);

    const restartAt = Date.now();
    api = await startChild(childEnv);
    const restartMs = Date.now() - restartAt;
    const again = await raw(api.port, 'GET', `/api/v1/modems/${SLOW_MODEM}/diagnosis?maxAgeSec=0`);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toEqual(
      expect.objectContaining({ verdict: 'TEXTBOOK_OK', source: 'live' }),
    );

    const done = await untilFinished(sim, post.id);
    expect(done).toEqual(expect.objectContaining({ total: MODEMS, done: MODEMS, failed: 0 }));
    expect(done.byVerdict).toEqual({ TEXTBOOK_OK: MODEMS });
    // Each modem's own latest verdict agrees with the sweep's counts.
    const latest: Record<string, number> = {};
    for (const id of modemIds) {
      const d = (
        await sim.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=3600&detail=fast`).expect(200)
      ).body as {
        verdict: string;
        source: string;
      };
      expect(d.source).toBe('cache');
      latest[d.verdict] = (latest[d.verdict] ?? 0) + 1;
    }
    expect(latest).toEqual(done.byVerdict);
    // No poll lock is left behind.
    expect(await redis.keys(`${prefix}lock:poll:*`)).toEqual([]);

    console.log(
      [
        'process-faults a) API instance killed mid-request',
        `  injected: SIGKILL x1 of the API+worker process while it polled ${SLOW_MODEM} for a diagnosis ` +
          `(${SLOW_DELAY_MS} ms per SNMP answer) and ran sweep ${post.id} (${MODEMS} modems, ${doneAtKill} counted at the kill)`,
        `  client: ${errorCode} (killed ${killedAt - requestedAt} ms into the request); ` +
          `stale lock:poll PTTL ${pttl} ms (TTL ${LOCK_TTL_MS} ms)`,
        `  next diagnosis on the surviving instance: 200 live after ${survivorMs} ms (<= lock TTL + one slow poll); ` +
          `restart took ${(restartMs / 1000).toFixed(1)} s; restarted instance answered ${again.status}`,
        `  sweep: ${done.total} total, ${done.done} done, ${done.failed} failed, byVerdict ${JSON.stringify(done.byVerdict)}; ` +
          'per-modem latest verdicts agree; no poll lock left',
      ].join('\n'),
    );
  }, 180_000);

  it('b) 20 identical sweep triggers at once make 20 sweeps, each counting every modem once', async () => {
    await setDelay(modemIds, 0);
    const scope = { kind: 'cmts', cmtsId: 'sim-cmts-2' };
    const scopeSize = 100;
    const snmpRequests = async (): Promise<number> =>
      ((await sim.http().get('/api/v1/simulator/stats').expect(200)).body as { requests: number }).requests;
    const requestsBefore = await snmpRequests();
    // Half to the in-process instance, half to the child process.
    const started = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        if (i % 2 === 0) {
          const res = await sim.http().post('/api/v1/sweeps').send({ scope });
          return { status: res.status, body: res.body as SweepBody };
        }
        const res = await raw(api!.port, 'POST', '/api/v1/sweeps', { scope });
        return { status: res.status, body: JSON.parse(res.body) as SweepBody };
      }),
    );
    expect(started.map((r) => r.status)).toEqual(Array(20).fill(202));
    const ids = started.map((r) => r.body.id);
    expect(new Set(ids).size).toBe(20);
    const results: SweepBody[] = [];
    for (const id of ids) {
      results.push(await untilFinished(sim, id));
    }
    for (const r of results) {
      expect(r).toEqual(expect.objectContaining({ total: scopeSize, done: scopeSize, failed: 0 }));
      expect(r.done + r.failed).toBe(r.total);
      expect(sum(r.byVerdict)).toBe(scopeSize);
      expect(r.byVerdict).toEqual({ TEXTBOOK_OK: scopeSize });
    }
    const requestsDuring = (await snmpRequests()) - requestsBefore;

    // The same 20 triggers as retries of one request (one Idempotency-Key), again split over both instances.
    const key = `rel-retry-${Date.now()}`;
    const retried = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        if (i % 2 === 0) {
          const res = await sim.http().post('/api/v1/sweeps').set('Idempotency-Key', key).send({ scope });
          return { status: res.status, body: res.body as SweepBody };
        }
        const res = await raw(api!.port, 'POST', '/api/v1/sweeps', { scope }, { 'Idempotency-Key': key });
        return { status: res.status, body: JSON.parse(res.body) as SweepBody };
      }),
    );
    expect(retried.map((r) => r.status)).toEqual(Array(20).fill(202));
    const retriedIds = new Set(retried.map((r) => r.body.id));
    expect(retriedIds.size).toBe(1);
    const once = await untilFinished(sim, [...retriedIds][0]);
    expect(once).toEqual(expect.objectContaining({ total: scopeSize, done: scopeSize, failed: 0 }));
    console.log(
      [
        'process-faults b1) duplicate API triggers',
        `  injected: 20 identical POST /api/v1/sweeps {scope: cmts sim-cmts-2} at once (10 per instance, 2 instances)`,
        `  outcome: 20 x 202, ${new Set(ids).size} distinct sweep ids; every sweep ${scopeSize}/${scopeSize} done, ` +
          `0 failed, byVerdict sums ${scopeSize}; SNMP requests the simulator received meanwhile: ${requestsDuring}`,
        `  then 20 retries of one trigger (same Idempotency-Key, 10 per instance): ${retriedIds.size} sweep, ` +
          `${once.done}/${once.total} done, ${once.failed} failed`,
      ].join('\n'),
    );
  }, 180_000);

  it('b) scheduled ticks on three instances at the same instant start exactly one sweep per interval', async () => {
    // Two more instances (workers, no simulator); with `sim` three schedulers tick together.
    workers = [
      await startTestApp('redis', { ...shared, INSTANCE_ROLE: 'worker', SIMULATOR_ENABLED: 'false' }),
      await startTestApp('redis', { ...shared, INSTANCE_ROLE: 'worker', SIMULATOR_ENABLED: 'false' }),
    ];
    const schedulers = [sim, ...workers].map((t) => t.app.get(SweepScheduler));
    const intervalMs = 3600 * 1000;
    // Far in the future, so no earlier run's slot key can be in the way.
    const base = (Math.floor(Date.now() / intervalMs) + 1000) * intervalMs;
    const INTERVALS = 4;
    const perInterval: (string | null)[][] = [];
    for (let k = 0; k < INTERVALS; k++) {
      const now = base + k * intervalMs + 17;
      // Each instance ticks twice at the same instant (a re-fired timer), all six at once.
      perInterval.push(await Promise.all([...schedulers, ...schedulers].map((s) => s.tick(now))));
    }
    const winners = perInterval.map((r) => r.filter((id): id is string => id != null));
    expect(winners.map((w) => w.length)).toEqual(Array(INTERVALS).fill(1));
    const ids = winners.map((w) => w[0]);
    expect(new Set(ids).size).toBe(INTERVALS);
    const results: SweepBody[] = [];
    for (const id of ids) {
      results.push(await untilFinished(sim, id));
    }
    for (const r of results) {
      expect(r).toEqual(
        expect.objectContaining({ trigger: 'schedule', total: MODEMS, done: MODEMS, failed: 0 }),
      );
      expect(sum(r.byVerdict)).toBe(MODEMS);
    }
    const scheduled = (
      (await sim.http().get('/api/v1/sweeps?limit=50').expect(200)).body.items as SweepBody[]
    ).filter((s) => s.trigger === 'schedule');
    expect(scheduled.map((s) => s.id).sort()).toEqual([...ids].sort());
    console.log(
      [
        'process-faults b2) scheduled triggers',
        `  injected: ${INTERVALS} intervals x 3 instances x 2 ticks at the same instant (${INTERVALS * 6} ticks)`,
        `  outcome: ${ids.length} sweeps (exactly one per interval), each ${MODEMS}/${MODEMS} done, 0 failed`,
      ].join('\n'),
    );
  }, 180_000);
});
