import { SweepScheduler } from '../src/sweep/sweep.scheduler';
import { SweepService } from '../src/sweep/sweep.service';
import { eventually } from './support/eventually';
import { startTestApp, testRedisUrl, type TestApp } from './support/test-app';

// Fleet sweeps through HTTP: exact counts on the Redis store with BullMQ (as in production) and on the in-process
// runner that a service without Redis uses, a second worker instance sharing the chunks, and one scheduled sweep per
// interval across instances.

const MIX = 'TEXTBOOK=80,DS_SNR_FAULT=10,OFFLINE=5,US_POWER_LOW=5';

const FLEET = {
  SIMULATOR_SCENARIO_MIX: MIX,
  SIMULATOR_V3_SHARE: '0',
  SIMULATOR_SERVICE_GROUP_SIZE: '50',
  SWEEP_CHUNK_SIZE: '40',
  // Every sweep polls every modem, so each one really exercises SNMP and the CMTS.
  SWEEP_MAX_AGE_SEC: '0',
  SWEEP_INTERVAL_SEC: '0',
  DISCOVERY_INTERVAL_SEC: '0',
};

function untilFinished(t: TestApp, id: string): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const body = (await t.http().get(`/api/v1/sweeps/${id}`).expect(200)).body as Record<string, unknown>;
      expect(body.status).toBe('finished');
      return body;
    },
    { timeoutMs: 55_000, intervalMs: 100 },
  );
}

/** A sweep of the whole fleet: exact counts by verdict, each modem's own latest verdict adding up to them. */
async function sweepsWholeFleet(t: TestApp, modems: number): Promise<void> {
  const started = await t
    .http()
    .post('/api/v1/sweeps')
    .send({ scope: { kind: 'all' } })
    .expect(202);
  expect(started.body).toEqual(expect.objectContaining({ total: modems, status: 'running', trigger: 'api' }));
  const done = await untilFinished(t, started.body.id);
  expect(done).toEqual(expect.objectContaining({ total: modems, done: modems, failed: 0, etaSec: 0 }));
  const byVerdict = done.byVerdict as Record<string, number>;
  expect(Object.values(byVerdict).reduce((a, b) => a + b, 0)).toBe(modems);

  // Every modem's own latest verdict (served from the cache the sweep filled) adds up to the sweep's counts.
  const sims = (await t.http().get('/api/v1/simulator/modems?limit=1000').expect(200)).body.items as {
    id: string;
  }[];
  const expected: Record<string, number> = {};
  for (const m of sims) {
    const d = (await t.http().get(`/api/v1/modems/${m.id}/diagnosis?maxAgeSec=3600&detail=fast`).expect(200))
      .body;
    expect(d.source).toBe('cache');
    expected[d.verdict] = (expected[d.verdict] ?? 0) + 1;
  }
  expect(byVerdict).toEqual(expected);
  expect(byVerdict.LINE_FAULT).toBeGreaterThan(0);
  expect(byVerdict.MODEM_OFFLINE).toBeGreaterThan(0);

  const list = await t.http().get('/api/v1/sweeps').expect(200);
  expect(list.body.items[0].id).toBe(started.body.id);
}

describe('sweeps on the in-process runner (memory store, no Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('memory', { ...FLEET, SIMULATOR_MODEMS: '200' });
  });
  afterAll(() => t.close());

  it('sweeps the whole fleet in chunks with exact counts by verdict', () => sweepsWholeFleet(t, 200));
});

describe('sweeps (Redis store, BullMQ)', () => {
  const store = 'redis';
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(store, { ...FLEET, SIMULATOR_MODEMS: '600' });
  });
  afterAll(() => t.close());

  it('sweeps the whole fleet with exact counts by verdict', () => sweepsWholeFleet(t, 600));

  it('sweeps one node and one CMTS', async () => {
    const node = await t
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1' } })
      .expect(202);
    expect((await untilFinished(t, node.body.id)).done).toBe(50);
    const cmtsRequests = async (): Promise<number> =>
      (await t.http().get('/api/v1/simulator/cmts/sim-cmts-2/requests').expect(200)).body.requests;
    const before = await cmtsRequests();
    const cmts = await t
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'cmts', cmtsId: 'sim-cmts-2' } })
      .expect(202);
    expect(await untilFinished(t, cmts.body.id)).toEqual(expect.objectContaining({ total: 200, done: 200 }));
    // One snapshot walk serves the sweep: far fewer CMTS requests than modems (not one GET per modem).
    expect((await cmtsRequests()) - before).toBeLessThan(50);
  });

  it('serves the fleet summary and Prometheus metrics with bounded labels', async () => {
    const summary = (await t.http().get('/api/v1/fleet/summary').expect(200)).body;
    expect(summary).toEqual(expect.objectContaining({ modems: 600, checked: 600 }));
    const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(summary.byVerdict)).toBe(600);
    expect(summary.perCmts.map((c: { cmtsId: string }) => c.cmtsId)).toEqual(['sim-cmts-1', 'sim-cmts-2']);
    expect(summary.perCmts.reduce((n: number, c: { modems: number }) => n + c.modems, 0)).toBe(600);
    expect(summary.worstNodes.length).toBeGreaterThan(0);

    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(/^linecheck_polls_total\{outcome="reachable"\} [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^linecheck_snmp_poll_duration_seconds_count [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^linecheck_sweep_duration_seconds_count [1-9]\d*$/m);
    expect(metrics.text).toMatch(/^linecheck_diagnoses_total\{source="live"\} [1-9]\d*$/m);
    expect(metrics.text).toMatch(
      /^linecheck_node_modems\{cmts="sim-cmts-1",node="1000.1",verdict="TEXTBOOK_OK"\} \d+$/m,
    );
    expect(metrics.text).toMatch(/^linecheck_sweep_queue_chunks\{state="waiting"\} 0$/m);
    expect(metrics.text).not.toContain('sim-cm-');
  });

  it.each([
    [{}, 'scope'],
    [{ scope: { kind: 'everything' } }, 'scope.kind'],
    [{ scope: { kind: 'cmts' } }, 'scope.cmtsId'],
    [{ scope: { kind: 'node', cmtsId: 'sim-cmts-1' } }, 'scope.serviceGroupId'],
  ])('rejects a bad scope with 400 naming the field (%#)', async (body, field) => {
    const res = await t.http().post('/api/v1/sweeps').send(body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('answers 404 for unknown sweeps, CMTSes and nodes', async () => {
    await t.http().get('/api/v1/sweeps/sw-zzzz-000000').expect(404);
    await t.http().get('/api/v1/sweeps/bogus').expect(400);
    await t
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'cmts', cmtsId: 'nope' } })
      .expect(404);
    await t
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: '9.9' } })
      .expect(404);
  });

  it('starts one sweep for every retry of a trigger with the same Idempotency-Key', async () => {
    const key = `retry-${store}-${Date.now()}`;
    const scope = { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1' };
    const post = (k: string, body: object = { scope }) =>
      t.http().post('/api/v1/sweeps').set('Idempotency-Key', k).send(body);
    // Ten at once, then one late retry: one sweep between them.
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(key)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'false')).toHaveLength(1);
    const done = await untilFinished(t, answers[0].body.id);
    const late = await post(key).expect(202);
    expect(late.headers['idempotent-replayed']).toBe('true');
    expect(late.body).toEqual(expect.objectContaining({ id: answers[0].body.id, status: 'finished' }));
    expect(late.body.done).toBe(done.done);
    const recent = (await t.http().get('/api/v1/sweeps?limit=50').expect(200)).body.items as { id: string }[];
    expect(recent.filter((r) => r.id === answers[0].body.id)).toHaveLength(1);

    // Another scope under the same key is refused; a new key is a new sweep; a first refusal is replayed.
    const other = await post(key, { scope: { kind: 'all' } }).expect(422);
    expect(other.body.message).toMatch(/was used for another scope/);
    const fresh = await post(`${key}-2`).expect(202);
    expect(fresh.body.id).not.toBe(answers[0].body.id);
    expect(fresh.headers['idempotent-replayed']).toBe('false');
    const unknown = { scope: { kind: 'cmts', cmtsId: 'nope' } };
    await post(`${key}-3`, unknown).expect(404);
    await post(`${key}-3`, unknown).expect(404);
    const bad = await post('short', { scope }).expect(400);
    expect(bad.body.fields).toEqual([
      { field: 'Idempotency-Key', problems: [expect.stringMatching(/8-128/)] },
    ]);
  });
});

describe('sweeps across instances (BullMQ on Redis)', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = {
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: `multi-${Date.now()}:`,
      SWEEP_CHUNK_SIZE: '20',
      SWEEP_INTERVAL_SEC: '3600',
      // Scheduled chunks are spread over this share of the interval: 3.6 s here.
      SWEEP_SPREAD_SHARE: '0.001',
      DISCOVERY_INTERVAL_SEC: '0',
      SIMULATOR_V3_SHARE: '0',
    };
    // Instance a: the API with the simulated fleet, also a worker; instance b: a second worker on the same Redis.
    a = await startTestApp('redis', { ...shared, SIMULATOR_MODEMS: '400' });
    b = await startTestApp('redis', { ...shared, SIMULATOR_ENABLED: 'false', INSTANCE_ROLE: 'worker' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a second worker takes a share of the chunks, and the counts stay exact', async () => {
    const started = await a
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'all' } })
      .expect(202);
    const done = await untilFinished(a, started.body.id);
    expect(done).toEqual(expect.objectContaining({ total: 400, done: 400, failed: 0 }));
    const [byA, byB] = [a.app.get(SweepService).stats, b.app.get(SweepService).stats];
    expect(byB.chunks).toBeGreaterThan(0);
    expect(byA.chunks).toBeGreaterThan(0);
    expect(byA.modems + byB.modems).toBeGreaterThanOrEqual(400);
    const seenByB = await b.http().get(`/api/v1/sweeps/${started.body.id}`).expect(200);
    expect(seenByB.body.done).toBe(400);
  });

  it('two instances never start the same scheduled sweep twice', async () => {
    const now = Date.now();
    const results = await Promise.all([
      a.app.get(SweepScheduler).tick(now),
      b.app.get(SweepScheduler).tick(now),
      a.app.get(SweepScheduler).tick(now),
    ]);
    expect(results.filter((r) => r != null)).toHaveLength(1);
    await untilFinished(
      a,
      results.find((r) => r != null)!,
    );
  });
});
