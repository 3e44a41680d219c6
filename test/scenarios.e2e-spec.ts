import { type CmtsDialect } from '../src/config/simulator-spec';
import { expectationOn, SCENARIOS, type Scenario } from '../src/simulator/scenarios';
import { sleep, startTestApp, type StoreKind, type TestApp } from './support/test-app';

// Every simulator scenario, through HTTP, gets the verdict, sub-kinds and action its catalog entry promises, on
// every CMTS dialect (a DOCS-IF3 CMTS, an RFC 4546-only one, one without modem tables). The store contract suite
// covers both stores; the DOCS-IF3 run also runs on Redis, the others on the in-process store.
const RUNS: [StoreKind, CmtsDialect][] = [
  ['memory', 'docsis30'],
  ['redis', 'docsis30'],
  ['memory', 'rfc4546'],
  ['memory', 'blind'],
];

interface SimModem {
  id: string;
  docsis: string;
  snmpVersion: string;
}

describe.each(RUNS)('scenarios through HTTP (%s store, %s CMTS)', (store, dialect) => {
  let t: TestApp;
  let modems: SimModem[];
  const used = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp(store, { SIMULATOR_CMTS_DIALECT_MIX: `${dialect}=1` });
    modems = (await t.http().get('/api/v1/simulator/modems?limit=1000').expect(200)).body.items;
  });

  afterAll(() => t.close());

  /** A modem nobody polled yet, so that its verdict depends on the scenario alone. */
  function freshModem(scenario: Scenario): SimModem {
    const m = modems.find((x) => !used.has(x.id) && (!scenario.requires || x.docsis === scenario.requires));
    if (!m) {
      throw new Error(`no fresh modem left for ${scenario.name}`);
    }
    used.add(m.id);
    return m;
  }

  /** A fresh modem switched to the scenario. */
  async function modemIn(scenario: Scenario): Promise<SimModem> {
    const modem = freshModem(scenario);
    await t
      .http()
      .put(`/api/v1/simulator/modems/${modem.id}/scenario`)
      .send({ scenario: scenario.name })
      .expect(200);
    return modem;
  }

  it.each(SCENARIOS.filter((s) => s.name !== 'FLAPPING_DEVICE_REBOOTS').map((s) => [s.name, s] as const))(
    '%s',
    async (_name, scenario) => {
      const modem = await modemIn(scenario);
      const res = await t.http().get(`/api/v1/modems/${modem.id}/diagnosis?maxAgeSec=0`).expect(200);
      const expected = expectationOn(scenario, dialect);
      expect({
        verdict: res.body.verdict,
        subKinds: [...res.body.subKinds].sort(),
        action: res.body.action,
      }).toEqual({
        ...expected,
        subKinds: [...expected.subKinds].sort(),
      });
      expect(res.body.source).toBe('live');
      expect(res.body.summary).toEqual(expect.any(String));
      for (const f of res.body.findings) {
        expect(f).toEqual(
          expect.objectContaining({
            code: expect.any(String),
            severity: expect.any(String),
            message: expect.any(String),
          }),
        );
      }
      if (expected.verdict === 'LINE_FAULT' || expected.verdict === 'MARGINAL') {
        const graded = res.body.findings.filter((f: { severity: string }) => f.severity !== 'INFO');
        expect(graded.length).toBeGreaterThan(0);
        expect(graded[0]).toEqual(
          expect.objectContaining({ observed: expect.any(Number), limit: expect.any(Number) }),
        );
      }
    },
  );

  it('FLAPPING_DEVICE_REBOOTS: a modem that keeps rebooting is seen rebooting in its history', async () => {
    const scenario = SCENARIOS.find((s) => s.name === 'FLAPPING_DEVICE_REBOOTS')!;
    const modem = await modemIn(scenario);
    // Self-reboot every 1.2 s (+0.4 s down) in tests: poll through at least three reboots.
    let last: { verdict: string; subKinds: string[]; action: string } | undefined;
    for (let i = 0; i < 40 && last?.verdict !== 'FLAPPING'; i++) {
      last = (await t.http().get(`/api/v1/modems/${modem.id}/diagnosis?maxAgeSec=0`).expect(200)).body;
      await sleep(250);
    }
    expect(last).toEqual(expect.objectContaining({ verdict: 'FLAPPING', action: 'SWAP_MODEM' }));
    expect(last!.subKinds).toContain('DEVICE_REBOOTS');
    const history = (await t.http().get(`/api/v1/modems/${modem.id}/history`).expect(200)).body.entries;
    expect(history.length).toBeGreaterThanOrEqual(4);
  });
});
