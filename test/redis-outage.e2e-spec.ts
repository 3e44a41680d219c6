import { PrivateRedis } from './support/redis-server';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// Redis stops answering mid-run: requests get a prompt 503 (never a hang or a crash), and the service recovers
// by itself when Redis answers again.
describe('Redis outage', () => {
  const redis = new PrivateRedis();
  let t: TestApp;

  beforeAll(async () => {
    await redis.start();
    t = await startTestApp('redis', { REDIS_URL: redis.url, SIMULATOR_MODEMS: '3' });
  });
  afterAll(async () => {
    await t?.close();
    await redis.stop();
  });

  it('answers 503 while Redis is paused and recovers without a restart', async () => {
    await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis').expect(200);

    redis.pause();
    try {
      const res = await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=0').expect(503);
      expect(res.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'telemetry store unavailable; retry shortly',
      });
      await t.http().get('/health').expect(503);
    } finally {
      redis.resume();
    }

    await eventually(
      async () =>
        expect((await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=0')).status).toBe(200),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    await t.http().get('/health').expect(200, { status: 'ok', store: 'redis' });
  });
});
