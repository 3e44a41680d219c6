import { sleep, startTestApp, testRedisUrl, type TestApp } from '../support/test-app';

// Reliability: mass SNMP timeouts. A node of 2,000 modems has lost its management path when a fleet sweep starts:
// the CMTS still shows every one of them online, so Linecheck polls each one and each poll times out (a modem the
// CMTS shows offline would not be polled at all). The simulator's per-modem scenario MGMT_UNREACHABLE is exactly
// that (answers nothing over SNMP, CMTS row stays registered); it is set on all 2,000 modems of the node just
// before the sweep, so exactly 2,000 polls time out. (A CMTS of 2,200 modems needs the table-sized walk caps of
// src/snmp/cmts-poller.ts: with a modem's caps its snapshot never completed.)
//
// Three instances share one Redis (same key prefix):
//   - `dead` hosts sim-cmts-1 in its simulator: node 1000.1 with the 2,000 silent modems and node 1000.2 with 200
//     healthy ones (a healthy node behind the same CMTS shares the per-CMTS limit with the outage);
//   - `healthy` hosts sim-cmts-41 and sim-cmts-42 with 4 healthy nodes of 50 (SIMULATOR_FIRST_INDEX puts them
//     further along the same global topology, so modem ids and CMTSes do not clash);
//   - `worker` (INSTANCE_ROLE=worker, no simulator) is the only instance that takes sweep chunks, so the bound below
//     follows from its settings alone (SNMP_TIMEOUT_MS=300, SNMP_RETRIES=1). The two API instances keep a 2 s SNMP
//     timeout only so that their start-up discovery walk of a 2,200-row CMTS never times out on a busy machine.
// The sweep (BullMQ on Redis) must end in bounded time with exact counts, and the healthy nodes' verdicts must
// arrive long before the outage node's last timeout.

const TIMEOUT_MS = 300;
/**
 * One retry: a healthy modem's request that misses one 300 ms window on a loaded 2-core machine is asked again,
 * so the verdict counts below do not depend on machine speed (with no retry, one healthy poll in 400 sometimes
 * timed out and was counted INSUFFICIENT_DATA).
 */
const RETRIES = 1;
const CHUNK = 100;
const CONCURRENCY = 16;
const CMTS_CONCURRENCY = 32;
/** BullMQ chunks one worker instance runs at once (src/sweep/sweep.module.ts, chunkConcurrency). */
const CHUNKS_AT_ONCE = 2;
const DEAD = 2000;
const SAME_CMTS_HEALTHY = 200;
const OTHER_HEALTHY = 200;
const TOTAL = DEAD + SAME_CMTS_HEALTHY + OTHER_HEALTHY;
/**
 * Headroom for the work that is not waiting on timeouts, on a loaded 2-core machine (other suites may run at the
 * same time): the worker's first walk of each CMTS, the healthy polls, Redis round trips, and each diagnosis
 * reading the latest verdicts of its node's other members (1,999 here: O(node size) per modem).
 */
const SLACK_MS = 40_000;

/**
 * How the sweep is bounded. A silent modem holds its check slot for one poll: the GET and the GETBULK walk go out
 * together and each gives up after SNMP_TIMEOUT_MS × (SNMP_RETRIES + 1), so pollMs = 600 ms here.
 * In-flight checks on one worker instance are capped three ways: SWEEP_CONCURRENCY per chunk (16), 2 chunks at a
 * time (BullMQ concurrency), and SWEEP_CMTS_CONCURRENCY per CMTS across all chunks (32). All 2,000 silent modems
 * sit behind sim-cmts-1, so at most min(32, 2 × 16) = 32 of them time out at once:
 *   floor = ceil(2000 / 32) × 600 ms = 37.8 s (no sweep can beat this).
 * Chunks do not pack perfectly (a chunk ends with its slowest modem), so the upper bound counts rounds per chunk:
 *   bound = ceil(chunks / 2) × ceil(100 / min(16, 32)) × pollMs + slack
 *         = ceil(24 / 2) × 7 × 600 ms + 40 s = 50.4 s + 40 s.
 * More worker instances divide the chunk term; SWEEP_*_RATE_PER_SEC (off here) would add total / rate.
 */
const POLL_MS = TIMEOUT_MS * (RETRIES + 1);
const IN_FLIGHT = Math.min(CMTS_CONCURRENCY, CHUNKS_AT_ONCE * Math.min(CONCURRENCY, CHUNK));
const FLOOR_MS = Math.ceil(DEAD / IN_FLIGHT) * POLL_MS;
const CHUNKS = Math.ceil(TOTAL / CHUNK);
const ROUNDS_PER_CHUNK = Math.ceil(CHUNK / Math.min(CONCURRENCY, CMTS_CONCURRENCY));
const BOUND_MS = Math.ceil(CHUNKS / CHUNKS_AT_ONCE) * ROUNDS_PER_CHUNK * POLL_MS + SLACK_MS;

interface SweepBody {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  byVerdict: Record<string, number>;
  startedAt: string;
  finishedAt: string | null;
}

interface NodeBody {
  modems: number;
  byVerdict: Record<string, number>;
}

/** The simulated modems an instance hosts (the simulator API pages by 1,000). */
async function simModems(t: TestApp): Promise<{ id: string; serviceGroupId: string }[]> {
  const all: { id: string; serviceGroupId: string }[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (await t.http().get(`/api/v1/simulator/modems?offset=${offset}&limit=1000`).expect(200))
      .body as {
      total: number;
      items: { id: string; serviceGroupId: string }[];
    };
    all.push(...page.items);
    if (all.length >= page.total || page.items.length === 0) {
      return all;
    }
  }
}

const HEALTHY_NODES = [
  { cmtsId: 'sim-cmts-1', sg: '1000.2', modems: SAME_CMTS_HEALTHY },
  { cmtsId: 'sim-cmts-41', sg: '1000.1', modems: 50 },
  { cmtsId: 'sim-cmts-41', sg: '1000.2', modems: 50 },
  { cmtsId: 'sim-cmts-42', sg: '1000.1', modems: 50 },
  { cmtsId: 'sim-cmts-42', sg: '1000.2', modems: 50 },
];

describe('mass SNMP timeouts: a 2,000-modem node outage during a sweep', () => {
  const shared = {
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: `mass-timeouts-${Date.now()}:`,
    SWEEP_CHUNK_SIZE: String(CHUNK),
    SWEEP_CONCURRENCY: String(CONCURRENCY),
    SWEEP_CMTS_CONCURRENCY: String(CMTS_CONCURRENCY),
    // Every modem is polled: nothing is answered from an earlier reading.
    SWEEP_MAX_AGE_SEC: '0',
    SWEEP_INTERVAL_SEC: '0',
    DISCOVERY_INTERVAL_SEC: '0',
    // The snapshot taken at start-up stands for the whole sweep.
    CMTS_SNAPSHOT_TTL_SEC: '600',
    SIMULATOR_V3_SHARE: '0',
    SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
    // Polling the node views during the sweep must not run into the per-key request limit.
    RATE_LIMIT_PER_MIN: '0',
  };
  const apiOnly = { INSTANCE_ROLE: 'api', SNMP_TIMEOUT_MS: '2000', SNMP_RETRIES: '0' };
  let dead: TestApp;
  let healthy: TestApp;
  let worker: TestApp;

  beforeAll(async () => {
    dead = await startTestApp('redis', {
      ...shared,
      ...apiOnly,
      SIMULATOR_MODEMS: String(DEAD + SAME_CMTS_HEALTHY),
      SIMULATOR_SERVICE_GROUP_SIZE: String(DEAD),
      SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
    });
    healthy = await startTestApp('redis', {
      ...shared,
      ...apiOnly,
      SIMULATOR_FIRST_INDEX: '4000',
      SIMULATOR_MODEMS: String(OTHER_HEALTHY),
      SIMULATOR_SERVICE_GROUP_SIZE: '50',
      SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
    });
    worker = await startTestApp('redis', {
      ...shared,
      INSTANCE_ROLE: 'worker',
      SIMULATOR_ENABLED: 'false',
      SNMP_TIMEOUT_MS: String(TIMEOUT_MS),
      SNMP_RETRIES: String(RETRIES),
    });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await healthy?.close();
    await dead?.close();
  });

  it('ends in bounded time with exact counts, and the healthy nodes are not held back', async () => {
    // The management path of node 1000.1 goes down: its 2,000 modems stop answering SNMP, the CMTS keeps them online.
    const sims = await simModems(dead);
    const deadIds = sims.filter((m) => m.serviceGroupId === '1000.1').map((m) => m.id);
    expect(deadIds).toHaveLength(DEAD);
    for (let i = 0; i < deadIds.length; i += 50) {
      await Promise.all(
        deadIds
          .slice(i, i + 50)
          .map((id) =>
            dead
              .http()
              .put(`/api/v1/simulator/modems/${id}/scenario`)
              .send({ scenario: 'MGMT_UNREACHABLE' })
              .expect(200),
          ),
      );
    }
    // The scenario changes made the simulated CMTS rebuild its table; have `dead` walk it once (2 s timeout), so the
    // worker's first snapshot walk (300 ms per request) meets a warm agent. The rows themselves did not change.
    await dead.http().post('/api/v1/cmts/sim-cmts-1/discover').expect(200);

    const t0 = Date.now();
    const started = (
      await dead
        .http()
        .post('/api/v1/sweeps')
        .send({ scope: { kind: 'all' } })
        .expect(202)
    ).body as SweepBody;
    expect(started.total).toBe(TOTAL);

    // While it runs: when each healthy node's view shows all its modems with a fresh TEXTBOOK_OK, and when the
    // sweep's own counters hold all healthy modems.
    const nodeDoneAt = new Map<string, number>();
    let sweepHealthyAt: number | null = null;
    let sweep: SweepBody = started;
    while (Date.now() - t0 < BOUND_MS + 10_000) {
      sweep = (await healthy.http().get(`/api/v1/sweeps/${started.id}`).expect(200)).body as SweepBody;
      const now = Date.now() - t0;
      if (sweepHealthyAt == null && (sweep.byVerdict.TEXTBOOK_OK ?? 0) >= TOTAL - DEAD) {
        sweepHealthyAt = now;
      }
      for (const n of HEALTHY_NODES) {
        const key = `${n.cmtsId}/${n.sg}`;
        if (!nodeDoneAt.has(key)) {
          const view = (await healthy.http().get(`/api/v1/nodes/${key}`).expect(200)).body as NodeBody;
          if ((view.byVerdict.TEXTBOOK_OK ?? 0) === n.modems) {
            nodeDoneAt.set(key, now);
          }
        }
      }
      if (sweep.status === 'finished') {
        break;
      }
      await sleep(200);
    }
    const sweepMs = Date.parse(sweep.finishedAt ?? new Date().toISOString()) - Date.parse(sweep.startedAt);

    // Bounded, exact: every modem counted once; the silent ones end in a stated verdict, not as failures.
    expect(sweep.status).toBe('finished');
    expect(sweepMs).toBeLessThan(BOUND_MS);
    expect(sweep).toEqual(expect.objectContaining({ total: TOTAL, done: TOTAL, failed: 0 }));
    expect(sweep.byVerdict).toEqual({ INSUFFICIENT_DATA: DEAD, TEXTBOOK_OK: TOTAL - DEAD });

    const outage = (await healthy.http().get('/api/v1/nodes/sim-cmts-1/1000.1').expect(200)).body as NodeBody;
    expect(outage.byVerdict).toEqual({ INSUFFICIENT_DATA: DEAD });
    const sample = (
      await healthy
        .http()
        .get(`/api/v1/modems/${deadIds[0]}/diagnosis?maxAgeSec=3600&detail=fast`)
        .expect(200)
    ).body as { verdict: string; subKinds: string[]; source: string };
    expect(sample).toEqual(
      expect.objectContaining({
        verdict: 'INSUFFICIENT_DATA',
        subKinds: ['CM_SNMP_UNREACHABLE_BUT_ONLINE'],
        source: 'cache',
      }),
    );

    // Each modem's stored reading: when it was polled (observedAt is the poll's start).
    const startedAt = Date.parse(sweep.startedAt);
    const polledAt = async (t: TestApp, id: string): Promise<number> => {
      const d = (await t.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=3600&detail=fast`).expect(200))
        .body as {
        observedAt: string;
      };
      return Date.parse(d.observedAt) - startedAt;
    };
    const healthyIds = [
      ...sims.filter((m) => m.serviceGroupId === '1000.2').map((m) => m.id),
      ...(await simModems(healthy)).map((m) => m.id),
    ];
    expect(healthyIds).toHaveLength(TOTAL - DEAD);
    const healthyPolled = await Promise.all(healthyIds.map((id) => polledAt(healthy, id)));
    const deadPolled: number[] = [];
    for (let i = 0; i < deadIds.length; i += 100) {
      deadPolled.push(...(await Promise.all(deadIds.slice(i, i + 100).map((id) => polledAt(dead, id)))));
    }
    const lastHealthyPollMs = Math.max(...healthyPolled);
    const lastDeadDoneMs = Math.max(...deadPolled) + POLL_MS;

    // On time: every healthy node was complete in its node view (and in the sweep's counts) within the first
    // half of the sweep, far ahead of the outage node's last timeout.
    expect(nodeDoneAt.size).toBe(HEALTHY_NODES.length);
    const healthyNodesDoneMs = Math.max(...nodeDoneAt.values());
    expect(healthyNodesDoneMs).toBeLessThan(sweepMs / 2);
    expect(lastHealthyPollMs).toBeLessThan(sweepMs / 2);
    expect(sweepHealthyAt).not.toBeNull();
    expect(sweepHealthyAt!).toBeLessThan(sweepMs / 2);
    expect(lastHealthyPollMs).toBeLessThan(lastDeadDoneMs);

    console.log(
      [
        'mass-timeouts reliability summary',
        `  fleet ${TOTAL} modems: outage node sim-cmts-1/1000.1 with ${DEAD} modems online at the CMTS but silent ` +
          `over SNMP (MGMT_UNREACHABLE), ${TOTAL - DEAD} healthy in ${HEALTHY_NODES.length} nodes (one behind the same CMTS)`,
        `  settings: SNMP_TIMEOUT_MS=${TIMEOUT_MS} SNMP_RETRIES=${RETRIES} chunk=${CHUNK} concurrency=${CONCURRENCY}/chunk ` +
          `x ${CHUNKS_AT_ONCE} chunks, per-CMTS ${CMTS_CONCURRENCY}; 1 worker instance`,
        `  sweep: ${sweep.total} modems, ${sweep.done} done, ${sweep.failed} failed, ` +
          `byVerdict ${JSON.stringify(sweep.byVerdict)}; ${DEAD} SNMP timeouts`,
        `  duration ${(sweepMs / 1000).toFixed(1)} s; floor ceil(${DEAD}/${IN_FLIGHT})x${POLL_MS} ms = ` +
          `${(FLOOR_MS / 1000).toFixed(1)} s; bound ceil(${CHUNKS}/${CHUNKS_AT_ONCE})x${ROUNDS_PER_CHUNK}x${POLL_MS} ms + ` +
          `${SLACK_MS / 1000} s slack = ${(BOUND_MS / 1000).toFixed(1)} s`,
        `  healthy nodes complete in their node views by ${(healthyNodesDoneMs / 1000).toFixed(1)} s ` +
          `(${[...nodeDoneAt].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}); ` +
          `in the sweep's counts by ${((sweepHealthyAt ?? 0) / 1000).toFixed(1)} s; last healthy poll at ` +
          `${(lastHealthyPollMs / 1000).toFixed(1)} s; last outage-node timeout at ${(lastDeadDoneMs / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
  }, 300_000);
});
