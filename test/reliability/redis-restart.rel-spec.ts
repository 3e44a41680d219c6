import { Queue } from 'bullmq';
import { sweepQueuePrefix } from '../../src/store/bullmq-sweep-runner';
import { bullConnection } from '../../src/store/redis-connection';
import { SweepService } from '../../src/sweep/sweep.service';
import { PrivateRedis } from '../support/redis-server';
import { CapturingLogger, sleep, startTestApp, type TestApp } from '../support/test-app';

// Redis is stopped (a real stop: SIGTERM, every connection closed) in the middle of a run and started again on the
// same port with the same append-only data. While it is away every request settles promptly with 200 or the
// store's 503 (never a 500, never a hang); once it is back the app recovers without a restart, and a sweep that
// was running across the outage finishes with exact counts and a stored verdict for every modem.

const STORE_503 = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'telemetry store unavailable; retry shortly',
};
/** Generous: a request during the outage must settle within this (fail-fast is expected to take milliseconds). */
const SETTLE_MS = 10_000;

interface Outcome {
  path: string;
  status: number | 'hang';
  ms: number;
  body: unknown;
}

async function probe(t: TestApp, path: string): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await t.http().get(path).timeout(SETTLE_MS);
    return { path, status: res.status, ms: Date.now() - started, body: res.body as unknown };
  } catch (error) {
    if ((error as { timeout?: unknown }).timeout) {
      return { path, status: 'hang', ms: Date.now() - started, body: null };
    }
    throw error;
  }
}

/** Every outcome is a prompt 200 or the store's 503 with its JSON body. */
function expectPromptAnswers(outcomes: Outcome[]): void {
  for (const o of outcomes) {
    // The path rides along in each comparison, so a failure names the request.
    expect({ path: o.path, prompt: o.ms < SETTLE_MS }).toEqual({ path: o.path, prompt: true });
    if (o.status === 503) {
      expect({ path: o.path, body: o.body }).toEqual({ path: o.path, body: STORE_503 });
    } else {
      expect({ path: o.path, status: o.status }).toEqual({ path: o.path, status: 200 });
    }
  }
}

function byStatus(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    counts[String(o.status)] = (counts[String(o.status)] ?? 0) + 1;
  }
  return counts;
}

/** Polls `path` until it answers 200; returns the milliseconds it took. */
async function until200(t: TestApp, path: string, boundMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < boundMs) {
    if ((await probe(t, path)).status === 200) {
      return Date.now() - started;
    }
    await sleep(100);
  }
  throw new Error(`${path} did not answer 200 within ${boundMs} ms after Redis came back`);
}

interface SweepBody {
  status: 'running' | 'finished';
  total: number;
  done: number;
  failed: number;
  byVerdict: Record<string, number>;
}

async function untilFinished(t: TestApp, id: string, boundMs: number): Promise<SweepBody> {
  const started = Date.now();
  while (Date.now() - started < boundMs) {
    const res = await probe(t, `/api/v1/sweeps/${id}`);
    const body = res.body as SweepBody;
    if (res.status === 200 && body.status === 'finished') {
      return body;
    }
    await sleep(200);
  }
  const last = await probe(t, `/api/v1/sweeps/${id}`);
  throw new Error(`sweep ${id} did not finish within ${boundMs} ms: ${JSON.stringify(last.body)}`);
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function problems(log: CapturingLogger): string[] {
  return log.lines.filter((l) => /^(error|fatal) /.test(l));
}

describe('Redis stopped and started again mid-run', () => {
  describe('A: diagnosis and the API during the outage', () => {
    const redis = new PrivateRedis({ persistent: true });
    const log = new CapturingLogger();
    let t: TestApp;

    beforeAll(async () => {
      await redis.start();
      t = await startTestApp(
        'redis',
        {
          REDIS_URL: redis.url,
          SIMULATOR_MODEMS: '6',
          SIMULATOR_V3_SHARE: '0',
          SWEEP_INTERVAL_SEC: '0',
          DISCOVERY_INTERVAL_SEC: '0',
        },
        log,
      );
    });
    afterAll(async () => {
      await t?.close();
      await redis.stop();
    });

    it('answers 200 or 503 promptly while Redis is down and recovers without a restart', async () => {
      const warm = (await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis').expect(200)).body;
      expect(warm.source).toBe('live');

      const paths = [
        '/api/v1/modems/sim-cm-00001/diagnosis',
        '/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=0',
        '/api/v1/modems/sim-cm-00002/diagnosis?maxAgeSec=0',
        '/health',
        '/api/v1/modems/sim-cm-00001',
        '/api/v1/modems?limit=10',
        '/api/v1/sweeps',
        '/metrics',
      ];
      const outage: Outcome[] = [];
      let alive: Outcome | undefined;
      await redis.halt();
      const downAt = Date.now();
      try {
        // Right after the connections drop, then all at once, then with every client deep in its reconnect back-off.
        for (const p of paths) {
          outage.push(await probe(t, p));
        }
        outage.push(...(await Promise.all(paths.map((p) => probe(t, p)))));
        await sleep(2500);
        for (const p of paths) {
          outage.push(await probe(t, p));
        }
        // The process is alive and serving: a route that needs no Redis still answers.
        alive = await probe(t, '/api/v1/thresholds');
      } finally {
        await redis.start();
      }
      const outageMs = Date.now() - downAt;
      expect(alive.status).toBe(200);
      expectPromptAnswers(outage);
      for (const o of outage.filter((x) => x.status === 200 && x.path.includes('/diagnosis'))) {
        // Anything served during the outage can only be a live poll, never the store's.
        expect((o.body as { source: string }).source).toBe('live');
      }

      // Back without an app restart: the store, the reading taken before the outage (append-only file) and the API.
      const healthMs = await until200(t, '/health', 30_000);
      const diagnosisMs = await until200(t, '/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=0', 30_000);
      await t.http().get('/health').expect(200, { status: 'ok', store: 'redis' });
      const hist = (await t.http().get('/api/v1/modems/sim-cm-00001/history').expect(200)).body as {
        entries: { at: string }[];
      };
      expect(hist.entries.map((e) => e.at)).toContain(warm.observedAt);
      await t.http().get('/api/v1/modems/sim-cm-00001').expect(200);
      await t.http().get('/api/v1/sweeps').expect(200);
      await t.http().get('/metrics').expect(200);

      // BullMQ's own connections are back too: a sweep runs to the end.
      const sweepStarted = Date.now();
      const started = await t
        .http()
        .post('/api/v1/sweeps')
        .send({ scope: { kind: 'all' } })
        .expect(202);
      const done = await untilFinished(t, started.body.id, 30_000);
      expect(done).toEqual(expect.objectContaining({ total: 6, done: 6, failed: 0 }));
      const sweepMs = Date.now() - sweepStarted;
      expect(problems(log)).toEqual([]);

      const slowest = Math.max(...outage.map((o) => o.ms));
      console.log(
        `[redis-restart A] Redis stopped ${(outageMs / 1000).toFixed(1)} s: ${outage.length} requests, by status ` +
          `${JSON.stringify(byStatus(outage))}, slowest ${slowest} ms, no 500, no hang; after its start /health ` +
          `200 in ${healthMs} ms, live diagnosis 200 in ${healthMs + diagnosisMs} ms, pre-outage reading kept, ` +
          `a 6-modem sweep finished in ${sweepMs} ms; no app restart`,
      );
    });
  });

  describe('B: a sweep across the outage', () => {
    const MODEMS = 300;
    const CHUNK = 50;
    const redis = new PrivateRedis({ persistent: true });
    const log = new CapturingLogger();
    let t: TestApp;

    beforeAll(async () => {
      await redis.start();
      t = await startTestApp(
        'redis',
        {
          REDIS_URL: redis.url,
          SIMULATOR_MODEMS: String(MODEMS),
          SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=80,DS_SNR_FAULT=10,OFFLINE=5,US_POWER_LOW=5',
          SIMULATOR_V3_SHARE: '0',
          SIMULATOR_SERVICE_GROUP_SIZE: '50',
          SWEEP_CHUNK_SIZE: String(CHUNK),
          // Every attempt of a chunk polls its modems again, so a retried chunk really redoes its work.
          SWEEP_MAX_AGE_SEC: '0',
          // A paced sweep, as in production: every modem of the two running chunks takes its slot of the fleet-wide
          // rate at once and waits for it, so each pair of chunks takes about 5 s and polls are in flight (waiting
          // for their slot) across the whole outage.
          SWEEP_RATE_PER_SEC: '20',
          SWEEP_CONCURRENCY: String(CHUNK),
          SWEEP_CMTS_CONCURRENCY: '200',
          SWEEP_INTERVAL_SEC: '0',
          DISCOVERY_INTERVAL_SEC: '0',
        },
        log,
      );
    });
    afterAll(async () => {
      await t?.close();
      await redis.stop();
    });

    it('finishes with exact counts and a stored verdict for every modem', async () => {
      const started = await t
        .http()
        .post('/api/v1/sweeps')
        .send({ scope: { kind: 'all' } })
        .expect(202);
      const id = started.body.id as string;
      expect(started.body.total).toBe(MODEMS);

      // The first chunk is done and the next ones have just started: stop Redis for about 3 s.
      let before = started.body as SweepBody;
      for (let i = 0; i < 600; i++) {
        before = (await t.http().get(`/api/v1/sweeps/${id}`).expect(200)).body;
        if (before.done + before.failed >= CHUNK) {
          break;
        }
        await sleep(25);
      }
      expect(before.status).toBe('running');
      const countedBefore = before.done + before.failed;
      expect(countedBefore).toBeGreaterThan(0);
      expect(countedBefore).toBeLessThan(MODEMS);

      const outage: Outcome[] = [];
      await redis.halt();
      const downAt = Date.now();
      try {
        while (Date.now() - downAt < 3000) {
          outage.push(await probe(t, `/api/v1/sweeps/${id}`));
          outage.push(await probe(t, '/api/v1/modems/sim-cm-00007/diagnosis'));
          await sleep(250);
        }
      } finally {
        await redis.start();
      }
      const upAt = Date.now();
      const outageMs = upAt - downAt;
      expectPromptAnswers(outage);

      const done = await untilFinished(t, id, 60_000);
      const finishMs = Date.now() - upAt;
      const byVerdict = done.byVerdict;

      // No modem lost: each one has a stored verdict from this sweep, and they add up to the sweep's counts.
      const sims = (await t.http().get('/api/v1/simulator/modems?limit=1000').expect(200)).body.items as {
        id: string;
      }[];
      const sweptAt = Date.parse(started.body.startedAt as string);
      const stored: Record<string, number> = {};
      const missing: string[] = [];
      for (const m of sims) {
        const res = await t
          .http()
          .get(`/api/v1/modems/${m.id}/diagnosis?maxAgeSec=86400&detail=fast`)
          .expect(200);
        if (res.body.source !== 'cache' || Date.parse(res.body.observedAt) < sweptAt) {
          missing.push(m.id);
        }
        stored[res.body.verdict] = (stored[res.body.verdict] ?? 0) + 1;
      }

      // How often BullMQ started each chunk: the ones the outage hit failed as a whole and ran again.
      const chunks = Math.ceil(MODEMS / CHUNK);
      const runs = t.app.get(SweepService).stats.chunks;
      const queue = new Queue('sweep-chunks', {
        connection: bullConnection(redis.url),
        prefix: sweepQueuePrefix(t.config.redis.keyPrefix),
      });
      const completed = await queue.getJobs(['completed']);
      const left = await queue.getJobCounts('failed', 'waiting', 'active', 'delayed');
      await queue.close();
      const attempts = completed.map((j) => j.attemptsStarted).sort();

      console.log(
        `[redis-restart B] ${MODEMS} modems in ${chunks} chunks, Redis stopped ${(outageMs / 1000).toFixed(1)} s ` +
          `at ${countedBefore}/${MODEMS} counted (${outage.length} requests meanwhile, by status ` +
          `${JSON.stringify(byStatus(outage))}); sweep finished ${(finishMs / 1000).toFixed(1)} s after Redis ` +
          `started again: total ${done.total} = done ${done.done} + failed ${done.failed}, by verdict ` +
          `${JSON.stringify(byVerdict)}; ${MODEMS - missing.length} of ${MODEMS} modems have a stored verdict from ` +
          `this sweep; attempts per chunk ${JSON.stringify(attempts)}, ${runs} recorded`,
      );
      expect(sims).toHaveLength(MODEMS);
      expect(done.total).toBe(MODEMS);
      expect(done.done + done.failed).toBe(MODEMS);
      expect(sum(byVerdict)).toBe(done.done);
      expect(missing).toEqual([]);
      expect(done.failed).toBe(0);
      expect(byVerdict).toEqual(stored);
      // Each chunk recorded its outcomes exactly once; nothing is left in the queue.
      expect(runs).toBe(chunks);
      expect(completed).toHaveLength(chunks);
      expect(left).toEqual({ failed: 0, waiting: 0, active: 0, delayed: 0 });
      expect(problems(log)).toEqual([]);
    });
  });
});
