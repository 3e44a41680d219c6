import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import { CapturingLogger, startTestApp, type TestApp } from '../support/test-app';

// Load on cached diagnoses, and a stampede on one uncached modem. The figures (throughput, latency, memory over
// 60 s with the service in its own process) come from `npm run bench:load` and are in docs/reliability.md; this
// suite proves what must hold whatever the machine: no error under load, and one SNMP poll for a stampede.

const NOC_KEY = 'rel-load-noc-key-0123456789abcdefghijklmn';
const MODEMS = 200;

describe('load', () => {
  let t: TestApp;
  let base: string;
  const id = (n: number) => `sim-cm-${String(n).padStart(5, '0')}`;
  const auth = { Authorization: `Bearer ${NOC_KEY}` };

  // Kept so that a refused warm-up request can say why (a 503's cause is logged, not answered).
  const logger = new CapturingLogger();

  beforeAll(async () => {
    t = await startTestApp(
      'redis',
      {
        API_KEYS: `load:noc+operator:${NOC_KEY}`,
        RATE_LIMIT_PER_MIN: '1000000',
        SIMULATOR_MODEMS: String(MODEMS),
        SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=90,DS_SNR_FAULT=10',
        SIMULATOR_SELF_REBOOT_SEC: '86400',
        SNMP_TIMEOUT_MS: '3000',
        SWEEP_INTERVAL_SEC: '0',
        DISCOVERY_INTERVAL_SEC: '0',
      },
      logger,
    );
    base = `http://127.0.0.1:${(t.app.getHttpServer() as { address(): AddressInfo }).address().port}`;
    // Every modem but the last has a reading; the last is kept for the stampede.
    for (let n = 1; n < MODEMS; n += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, MODEMS - n) }, (_, i) =>
          t
            .http()
            .get(`/api/v1/modems/${id(n + i)}/diagnosis?maxAgeSec=0`)
            .set(auth)
            .then((res) => {
              if (res.status !== 200) {
                const logged = logger.lines.filter((l) => /^(warn|error)/.test(l)).slice(-5);
                throw new Error(
                  `warm-up of ${id(n + i)}: ${res.status} ${JSON.stringify(res.body)}; ${logged.join(' | ')}`,
                );
              }
            }),
        ),
      );
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('answers cached diagnoses under 10 s of load with no error and no SNMP poll', async () => {
    const snmpBefore = (await t.http().get('/api/v1/simulator/stats').set(auth).expect(200)).body.requests;
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: 16,
      duration: 10,
      headers: auth,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/modems/${id((next++ % (MODEMS - 1)) + 1)}/diagnosis?maxAgeSec=86400`,
          }),
        },
      ],
    });
    const snmpAfter = (await t.http().get('/api/v1/simulator/stats').set(auth).expect(200)).body.requests;
    console.log(
      `load (in-process, 16 connections, 10 s): ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
    );
    expect(result.requests.total).toBeGreaterThan(1000);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(snmpAfter - snmpBefore).toBe(0);
  }, 60_000);

  it('gives 1,000 concurrent requests for one uncached modem exactly one SNMP poll between them', async () => {
    const target = id(MODEMS);
    const modemRequests = async () =>
      (await t.http().get(`/api/v1/simulator/modems/${target}`).set(auth).expect(200)).body
        .requests as number;
    // Slow enough that every request arrives while the poll is in flight.
    await t
      .http()
      .put(`/api/v1/simulator/modems/${target}/latency`)
      .set(auth)
      .send({ responseDelayMs: 300 })
      .expect(200);
    const before = await modemRequests();
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () =>
        fetch(`${base}/api/v1/modems/${target}/diagnosis`, { headers: auth }).then(async (res) => ({
          status: res.status,
          body: (await res.json()) as { verdict: string; observedAt: string },
        })),
      ),
    );
    const stampede = (await modemRequests()) - before;

    // What one poll of this modem costs, in SNMP requests (a GET, then GETBULK rounds).
    await t
      .http()
      .put(`/api/v1/simulator/modems/${target}/latency`)
      .set(auth)
      .send({ responseDelayMs: 0 })
      .expect(200);
    const beforeOne = await modemRequests();
    await t.http().get(`/api/v1/modems/${target}/diagnosis?maxAgeSec=0`).set(auth).expect(200);
    const onePoll = (await modemRequests()) - beforeOne;

    console.log(
      `stampede: 1000 concurrent requests, ${answers.filter((a) => a.status === 200).length} answered 200, ` +
        `${stampede} SNMP requests to the modem = ${stampede / onePoll} poll(s) of ${onePoll} requests`,
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.body.observedAt)).size).toBe(1);
    expect(onePoll).toBeGreaterThan(0);
    expect(stampede).toBe(onePoll);
  }, 120_000);
});
