import { type CmtsDialect, type ModemGeneration, type ModemQuirk } from '../src/config/simulator-spec';
import { expectationOn, SCENARIOS, type Scenario } from '../src/simulator/scenarios';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// Every simulator scenario, through HTTP, gets the verdict, sub-kinds and action its catalog entry promises, on
// every CMTS dialect (a DOCS-IF3 CMTS, an RFC 4546-only one, one without modem tables), on the Redis store as in
// production (the store contract suite holds the in-process store to the same behaviour).
const DIALECTS: CmtsDialect[] = ['docsis30', 'rfc4546', 'blind'];

interface SimModem {
  id: string;
  docsis: ModemGeneration;
  quirks: ModemQuirk[];
  snmpVersion: string;
}

describe.each(DIALECTS)('scenarios through HTTP (Redis store, %s CMTS)', (dialect) => {
  let t: TestApp;
  let modems: SimModem[];
  const used = new Set<string>();

  beforeAll(async () => {
    // A fresh modem per scenario: more modems than scenarios.
    t = await startTestApp('redis', { SIMULATOR_CMTS_DIALECT_MIX: `${dialect}=1`, SIMULATOR_MODEMS: '64' });
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
      // A call-centre check (full poll): a DOCSIS 3.1 modem's PNM summaries count.
      const expected = expectationOn(scenario, dialect, modem);
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
    // Self-reboot every 1.2 s (+0.4 s down) in tests: polled again and again, it is seen through several reboots.
    const last = await eventually(
      async () => {
        const d = (await t.http().get(`/api/v1/modems/${modem.id}/diagnosis?maxAgeSec=0`).expect(200)).body;
        expect(d).toEqual(expect.objectContaining({ verdict: 'FLAPPING', action: 'SWAP_MODEM' }));
        return d as { subKinds: string[] };
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    expect(last.subKinds).toContain('DEVICE_REBOOTS');
    const history = (await t.http().get(`/api/v1/modems/${modem.id}/history`).expect(200)).body.entries;
    expect(history.length).toBeGreaterThanOrEqual(4);
  });
});
