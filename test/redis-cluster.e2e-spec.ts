import Redis from 'ioredis';
import { LineCheckService } from '../src/checks/line-check.service';
import { parseRedisUrl } from '../src/config/redis-url';
import { sweepQueuePrefix } from '../src/store/bullmq-sweep-runner';
import { eventually } from './support/eventually';
import { startTestApp, testRedisClusterUrl, type TestApp } from './support/test-app';

// The whole service on the 3-master Redis Cluster the test command starts (TEST_REDIS_CLUSTER_URL), as on ElastiCache
// in cluster mode: two instances share it; a sweep runs through BullMQ with exact counts; two instances race to poll
// one modem and exactly one polls; the keys really spread over the masters, a modem's own keys and the whole sweep
// queue each in one slot; per-key rate limits count on the cluster. The store contract suites (test/store) run every
// store on the cluster too.

const MODEMS = 120;

const FLEET = {
  SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=80,DS_SNR_FAULT=10,OFFLINE=5,US_POWER_LOW=5',
  SIMULATOR_V3_SHARE: '0',
  SWEEP_CHUNK_SIZE: '20',
  SWEEP_MAX_AGE_SEC: '0',
  SWEEP_INTERVAL_SEC: '0',
  DISCOVERY_INTERVAL_SEC: '0',
  // The poll lock lasts one poll's budget (2 × timeout for the walks + one request): room for a slowed modem.
  SNMP_TIMEOUT_MS: '2000',
};

/** A plain connection to each master the cluster was started with. */
function masters(): Redis[] {
  const target = parseRedisUrl(testRedisClusterUrl());
  if (target.kind !== 'cluster') {
    throw new Error('TEST_REDIS_CLUSTER_URL is not a redis+cluster:// URL');
  }
  return target.nodes.map((n) => new Redis(n.port, n.host, { lazyConnect: true }));
}

async function countKeys(node: Redis, match: string): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

describe('the service on a Redis Cluster (3 masters)', () => {
  const prefix = `cluster-${Date.now()}:`;
  let a: TestApp;
  let b: TestApp;
  const nodes = masters();

  beforeAll(async () => {
    const shared = { ...FLEET, REDIS_KEY_PREFIX: prefix };
    // a: the API with the simulated fleet, also a worker; b: another API + worker instance on the same cluster.
    a = await startTestApp((process.env.KIND ?? 'redis-cluster') as 'redis', {
      ...shared,
      SIMULATOR_MODEMS: String(MODEMS),
    });
    b = await startTestApp((process.env.KIND ?? 'redis-cluster') as 'redis', {
      ...shared,
      SIMULATOR_ENABLED: 'false',
    });
    await Promise.all(nodes.map((n) => n.connect()));
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    nodes.forEach((n) => n.disconnect());
  });

  it('answers /health with the cluster as its store', async () => {
    expect((await a.http().get('/health').expect(200)).body).toEqual({ status: 'ok', store: 'redis' });
  });

  it('sweeps the whole fleet through BullMQ with exact counts, and the fleet view adds up to them', async () => {
    const started = await a
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'all' } })
      .expect(202);
    expect(started.body).toEqual(expect.objectContaining({ total: MODEMS, status: 'running' }));
    const done = await eventually(
      async () => {
        const body = (await b.http().get(`/api/v1/sweeps/${started.body.id}`).expect(200)).body;
        expect(body.status).toBe('finished');
        return body as { total: number; done: number; failed: number; byVerdict: Record<string, number> };
      },
      { timeoutMs: 55_000, intervalMs: 100 },
    );
    expect(done).toEqual(expect.objectContaining({ total: MODEMS, done: MODEMS, failed: 0 }));
    expect(Object.values(done.byVerdict).reduce((x, y) => x + y, 0)).toBe(MODEMS);
    expect(done.byVerdict.LINE_FAULT).toBeGreaterThan(0);
    expect(done.byVerdict.MODEM_OFFLINE).toBeGreaterThan(0);

    // The fleet view reads every modem and its verdict across the masters (one MGET per slot).
    const fleet = (await b.http().get('/api/v1/fleet/summary').expect(200)).body;
    expect(fleet).toEqual(
      expect.objectContaining({ modems: MODEMS, checked: MODEMS, byVerdict: done.byVerdict }),
    );
    expect((await b.http().get('/api/v1/sweeps').expect(200)).body.items[0].id).toBe(started.body.id);
  });

  it('lets exactly one of two instances poll a modem both are asked about at once', async () => {
    const modemId = 'sim-cm-00007';
    const requests = async () =>
      (await a.http().get(`/api/v1/simulator/modems/${modemId}`).expect(200)).body.requests as number;
    // Slow enough that the other instance asks while the poll is in flight.
    await a
      .http()
      .put(`/api/v1/simulator/modems/${modemId}/latency`)
      .send({ responseDelayMs: 300 })
      .expect(200);
    const polls: string[] = [];
    const check = (t: TestApp, name: string) =>
      t.app.get(LineCheckService).diagnosis(modemId, 0, {
        refreshCmtsRow: true,
        beforePoll: () => {
          polls.push(name);
          return Promise.resolve();
        },
      });
    const before = await requests();
    const [fromA, fromB] = await Promise.all([check(a, 'a'), check(b, 'b')]);
    const raced = (await requests()) - before;

    await a
      .http()
      .put(`/api/v1/simulator/modems/${modemId}/latency`)
      .send({ responseDelayMs: 0 })
      .expect(200);
    const beforeOne = await requests();
    await a.http().get(`/api/v1/modems/${modemId}/diagnosis?maxAgeSec=0`).expect(200);
    const onePoll = (await requests()) - beforeOne;

    expect(polls).toHaveLength(1);
    expect(fromA.observedAt).toBe(fromB.observedAt);
    expect(fromA.verdict).toBe('TEXTBOOK_OK');
    expect(onePoll).toBeGreaterThan(0);
    expect(raced).toBe(onePoll);
  });

  it("spreads the keys over the masters, with a modem's own keys and the sweep queue each in one slot", async () => {
    const perNode = await Promise.all(nodes.map((n) => countKeys(n, `${prefix}*`)));
    console.log(`keys of ${MODEMS} modems and a sweep per master: ${perNode.join(', ')}`);
    expect(perNode.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
    expect(perNode.reduce((x, y) => x + y, 0)).toBeGreaterThan(MODEMS * 4);

    const slots = await Promise.all(
      ['latest', 'vd', 'hist', 'cw'].map((kind) =>
        nodes[0].cluster('KEYSLOT', `${prefix}${kind}:{sim-cm-00007}`),
      ),
    );
    expect(new Set(slots).size).toBe(1);
    // One master serves the slot, and holds the modem's four keys there (other keys may hash to the slot too).
    const inSlot = await Promise.all(nodes.map((n) => n.cluster('GETKEYSINSLOT', Number(slots[0]), 1000)));
    expect(inSlot.filter((keys) => keys.length > 0)).toHaveLength(1);
    expect(inSlot.flat()).toEqual(
      expect.arrayContaining(['latest', 'vd', 'hist', 'cw'].map((kind) => `${prefix}${kind}:{sim-cm-00007}`)),
    );

    const queue = await Promise.all(nodes.map((n) => countKeys(n, `${sweepQueuePrefix(prefix)}:*`)));
    expect(queue.filter((count) => count > 0)).toHaveLength(1);
  });
});

describe('per-key rate limits on a Redis Cluster', () => {
  it('limits each key on its own (429), counting on the cluster', async () => {
    const noc = 'noc-wall-key-0123456789abcdef';
    const agent = 'agent-desk-key-0123456789abcdef';
    const t = await startTestApp('redis-cluster', {
      API_KEYS: `wall:noc:${noc},desk:agent:${agent}`,
      RATE_LIMIT_PER_MIN: '3',
      SIMULATOR_MODEMS: '4',
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await t.http().get('/api/v1/nodes').set('X-API-Key', noc)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await t.http().get('/api/v1/nodes').set('X-API-Key', agent)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
