import { SweepService } from '../src/sweep/sweep.service';
import { eventually } from './support/eventually';
import { startTestApp, testRedisUrl, type TestApp } from './support/test-app';

// Rate limits hold across instances: two workers on one Redis share a sweep, and the polls they send together
// stay within the fleet-wide and the per-CMTS rate. A lower bound on spread, never an upper bound on speed.

const GLOBAL_PER_SEC = 20;
const CMTS_PER_SEC = 10;

describe('sweep pacing across instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = {
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `pace-${Date.now()}:`,
      SWEEP_CHUNK_SIZE: '6',
      SWEEP_MAX_AGE_SEC: '0',
      SWEEP_INTERVAL_SEC: '0',
      SWEEP_RATE_PER_SEC: String(GLOBAL_PER_SEC),
      SWEEP_CMTS_RATE_PER_SEC: String(CMTS_PER_SEC),
      DISCOVERY_INTERVAL_SEC: '0',
      SIMULATOR_V3_SHARE: '0',
    };
    // 60 healthy modems on 3 CMTSes (5 per node, 4 nodes per CMTS), so every modem is really polled.
    a = await startTestApp('redis', {
      ...shared,
      SIMULATOR_MODEMS: '60',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
      SIMULATOR_SERVICE_GROUP_SIZE: '5',
      SIMULATOR_SERVICE_GROUPS_PER_CMTS: '4',
    });
    b = await startTestApp('redis', { ...shared, SIMULATOR_ENABLED: 'false', INSTANCE_ROLE: 'worker' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('keeps the fleet-wide and per-CMTS poll rates while two workers share the sweep', async () => {
    const started = await a
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'all' } })
      .expect(202);
    const view = await eventually(
      async () => {
        const body = (await a.http().get(`/api/v1/sweeps/${started.body.id}`).expect(200)).body;
        expect(body.status).toBe('finished');
        return body;
      },
      { timeoutMs: 45_000, intervalMs: 100 },
    );
    expect(view).toEqual(expect.objectContaining({ total: 60, done: 60, failed: 0 }));
    expect(a.app.get(SweepService).stats.chunks).toBeGreaterThan(0);
    expect(b.app.get(SweepService).stats.chunks).toBeGreaterThan(0);

    const modems = (await a.http().get('/api/v1/simulator/modems?limit=100').expect(200)).body.items as {
      id: string;
      cmtsId: string;
    }[];
    const polledAt = new Map<string, number[]>();
    for (const m of modems) {
      // detail=fast: the sweep's own (fast) readings; a call-centre check (full) would poll again.
      const d = (
        await a.http().get(`/api/v1/modems/${m.id}/diagnosis?maxAgeSec=3600&detail=fast`).expect(200)
      ).body;
      expect(d.source).toBe('cache');
      polledAt.set(m.cmtsId, [...(polledAt.get(m.cmtsId) ?? []), Date.parse(d.observedAt)]);
    }
    const spreadSec = (times: number[]): number => (Math.max(...times) - Math.min(...times)) / 1000;
    // n polls at r/s start at least (n - 1) / r apart; answers can bunch a little, hence the 0.8.
    const all = [...polledAt.values()].flat();
    expect(all).toHaveLength(60);
    expect(spreadSec(all)).toBeGreaterThanOrEqual((0.8 * (all.length - 1)) / GLOBAL_PER_SEC);
    expect(polledAt.size).toBe(3);
    for (const times of polledAt.values()) {
      expect(spreadSec(times)).toBeGreaterThanOrEqual((0.8 * (times.length - 1)) / CMTS_PER_SEC);
    }
  });
});
