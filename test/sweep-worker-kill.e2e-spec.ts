import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './support/eventually';
import { startTestApp, testRedisUrl, type TestApp } from './support/test-app';

// A worker process is SIGKILLed in the middle of a sweep: its chunks are taken over by the surviving worker
// once their lock lapses, and the sweep's counts come out exact.

function untilFinished(t: TestApp, id: string): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const body = (await t.http().get(`/api/v1/sweeps/${id}`).expect(200)).body as Record<string, unknown>;
      expect(body.status).toBe('finished');
      return body;
    },
    { timeoutMs: 90_000, intervalMs: 100 },
  );
}

function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'support', 'ts-register.js'), join(__dirname, '../src/main.ts')],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process did not start')), 30_000);
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
}

describe('a worker killed mid-sweep', () => {
  const shared = {
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: `kill-${Date.now()}:`,
    SWEEP_CHUNK_SIZE: '10',
    SWEEP_CONCURRENCY: '2',
    SWEEP_MAX_AGE_SEC: '0',
    SWEEP_LOCK_SEC: '2',
    SWEEP_INTERVAL_SEC: '0',
    DISCOVERY_INTERVAL_SEC: '0',
    // Every modem answers: a retry keeps a poll that misses one window on a loaded machine from counting as
    // INSUFFICIENT_DATA (seen with two jest workers and other work on the machine).
    SNMP_TIMEOUT_MS: '1000',
    SNMP_RETRIES: '1',
  };
  let api: TestApp;
  let survivor: TestApp | undefined;
  let doomed: ChildProcess | undefined;

  beforeAll(async () => {
    // The API instance hosts the simulated fleet but takes no chunks itself.
    api = await startTestApp('redis', {
      ...shared,
      INSTANCE_ROLE: 'api',
      SIMULATOR_MODEMS: '300',
      SIMULATOR_V3_SHARE: '0',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
    });
    doomed = await startWorkerProcess({
      ...shared,
      INSTANCE_ROLE: 'worker',
      SIMULATOR_ENABLED: 'false',
      PORT: '0',
      LOG_LEVEL: 'log',
    });
  });
  afterAll(async () => {
    doomed?.kill('SIGKILL');
    await survivor?.close();
    await api?.close();
  });

  it('loses no modem and counts none twice', async () => {
    // Every modem answers 30 ms late, so the sweep takes long enough to be interrupted.
    const modems = (await api.http().get('/api/v1/simulator/modems?limit=1000').expect(200)).body.items as {
      id: string;
    }[];
    for (const m of modems) {
      await api
        .http()
        .put(`/api/v1/simulator/modems/${m.id}/latency`)
        .send({ responseDelayMs: 30 })
        .expect(200);
    }
    const started = await api
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'all' } })
      .expect(202);
    const progress = await eventually(
      async () => {
        const done = (await api.http().get(`/api/v1/sweeps/${started.body.id}`).expect(200)).body
          .done as number;
        expect(done).toBeGreaterThan(0);
        return done;
      },
      { timeoutMs: 20_000 },
    );
    expect(progress).toBeLessThan(300);
    doomed!.kill('SIGKILL');
    survivor = await startTestApp('redis', {
      ...shared,
      INSTANCE_ROLE: 'worker',
      SIMULATOR_ENABLED: 'false',
    });
    const done = await untilFinished(api, started.body.id);
    expect(done).toEqual(expect.objectContaining({ total: 300, done: 300, failed: 0 }));
    expect(done.byVerdict).toEqual({ TEXTBOOK_OK: 300 });
  });
});
