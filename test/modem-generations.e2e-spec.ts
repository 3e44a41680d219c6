import { startTestApp, type TestApp } from './support/test-app';

// Every simulated modem generation and vendor quirk, through HTTP: the verdict, what was read and what could not be
// checked. The shapes are chosen by SIMULATOR_MODEM_SHAPES; everything else is the ordinary test fleet. On the Redis
// store, as in production.

const SHAPES = {
  'sim-cm-00001': '2.0',
  'sim-cm-00002': '2.0',
  'sim-cm-00003': '2.0',
  'sim-cm-00004': '3.0+NO_US_STATUS_TABLE',
  'sim-cm-00005': '3.0+NO_US_STATUS_TABLE',
  'sim-cm-00006': '3.0+BRIDGE_WITHOUT_STATUS',
  'sim-cm-00007': '3.1+DUMMY_SC_QAM_ROWS',
  'sim-cm-00008': '3.1+DUMMY_SC_QAM_ROWS',
  'sim-cm-00009': '3.0+NO_TIME_OF_DAY',
  'sim-cm-00010': '2.0+NO_EVENT_LOG',
};

interface NotChecked {
  code: string;
  reason: string;
}

describe('modem generations and quirks through HTTP (Redis store)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('redis', {
      SIMULATOR_MODEM_SHAPES: Object.entries(SHAPES)
        .map(([id, shape]) => `${id}=${shape}`)
        .join(','),
    });
  });

  afterAll(() => t.close());

  async function setScenario(id: string, scenario: string): Promise<void> {
    await t.http().put(`/api/v1/simulator/modems/${id}/scenario`).send({ scenario }).expect(200);
  }

  async function diagnosis(id: string) {
    return (await t.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=0`).expect(200)).body;
  }

  async function reading(id: string) {
    return (await t.http().get(`/api/v1/modems/${id}/telemetry`).expect(200)).body.reading;
  }

  function codes(notChecked: NotChecked[]): string[] {
    return notChecked.map((n) => n.code).sort();
  }

  it('shows each modem its generation and quirks in the simulator API', async () => {
    const body = (await t.http().get('/api/v1/simulator/modems/sim-cm-00004').expect(200)).body;
    expect(body).toEqual(expect.objectContaining({ docsis: '3.0', quirks: ['NO_US_STATUS_TABLE'] }));
    const plain = (await t.http().get('/api/v1/simulator/modems/sim-cm-00001').expect(200)).body;
    expect(plain).toEqual(expect.objectContaining({ docsis: '2.0', quirks: [] }));
  });

  it('a DOCSIS 2.0 modem is TEXTBOOK_OK from DOCS-IF-MIB alone, saying what it could not check', async () => {
    const d = await diagnosis('sim-cm-00001');
    expect({ verdict: d.verdict, subKinds: d.subKinds }).toEqual({ verdict: 'TEXTBOOK_OK', subKinds: [] });
    expect(codes(d.notChecked)).toEqual(['CODEWORDS', 'T3_T4_TIMEOUTS']);
    expect(d.notChecked.find((n: NotChecked) => n.code === 'T3_T4_TIMEOUTS').reason).toContain(
      'T3 retries exhausted',
    );
    expect(d.summary).not.toContain('docsIf');

    const r = await reading('sim-cm-00001');
    expect(r.docsisVersion).toBe('2.0');
    expect(r.docsisVersionSource).toBe('docsIfDocsisBaseCapability');
    expect(r.status.resets).toBe(0);
    expect(r.downstream).toHaveLength(1);
    expect(r.downstream[0].counterBits).toBe(32);
    expect(r.upstream).toEqual([
      expect.objectContaining({
        channelId: 1,
        t3Timeouts: expect.any(Number),
        t4Timeouts: 0,
        t3Exceededs: null,
      }),
    ]);
  });

  it('a DOCSIS 2.0 modem flaps on its docsIfCmStatusResets', async () => {
    await setScenario('sim-cm-00002', 'RF_REINIT_SINCE_BOOT');
    const d = await diagnosis('sim-cm-00002');
    expect({ verdict: d.verdict, subKinds: d.subKinds, action: d.action }).toEqual({
      verdict: 'FLAPPING',
      subKinds: ['RF_REINIT'],
      action: 'DISPATCH_TECHNICIAN',
    });
    expect(d.findings[0].message).toBe(
      'The modem lost and re-established its cable connection 86.6 times on average per 24 h since it started ' +
        '11 days ago, which points to the cable line.',
    );
    expect((await reading('sim-cm-00002')).status.resets).toBe(953);
  });

  it('a DOCSIS 2.0 modem is graded on the T4 timeouts of its MAC interface', async () => {
    await setScenario('sim-cm-00003', 'T3_T4_FAULT');
    const d = await diagnosis('sim-cm-00003');
    expect({ verdict: d.verdict, subKinds: d.subKinds }).toEqual({
      verdict: 'LINE_FAULT',
      subKinds: ['T3_T4_TIMEOUTS'],
    });
    expect(d.findings[0].message).toMatch(/^The modem had 2 T4 timeouts since it started 12 h ago/);
  });

  it('refuses a scenario a DOCSIS 2.0 modem cannot show, naming why', async () => {
    const res = await t
      .http()
      .put('/api/v1/simulator/modems/sim-cm-00001/scenario')
      .send({ scenario: 'DS_TILT' })
      .expect(400);
    expect(res.body.message).toContain(
      'does not fit a DOCSIS 2.0 modem: a single downstream channel has no tilt',
    );
  });

  it('a 3.0 modem without docsIf3CmStatusUsTable is graded from docsIfCmStatus, never as "channel 0"', async () => {
    const d = await diagnosis('sim-cm-00004');
    expect(d.verdict).toBe('TEXTBOOK_OK');
    expect(d.notChecked).toEqual([
      {
        code: 'T3_T4_TIMEOUTS',
        reason:
          'Upstream T3 retries exhausted (T3 exceeded) not read: the modem has no docsIf3CmStatusUsTable, and ' +
          'DOCS-IF-MIB has no such counter.',
        text: 'T3/T4 timeout counters: not all read.',
      },
      {
        code: 'PRE_EQUALISATION',
        reason:
          'Upstream echoes and group delay not checked for any upstream channel: the modem gives no ' +
          "docsIf3CmStatusUsEqData for it (DOCS-IF-MIB's docsIfCmStatusEqualizationData speaks only for a single " +
          'upstream), so the fault cannot be located from them.',
        text: 'Upstream pre-equalisation: not read for some or all upstream channels.',
      },
    ]);
    const r = await reading('sim-cm-00004');
    expect(r.docsisVersion).toBe('3.0');
    expect(r.upstream).toEqual([
      expect.objectContaining({
        ifIndex: 2,
        channelId: null,
        t3Timeouts: expect.any(Number),
        t3Exceededs: null,
      }),
    ]);

    await setScenario('sim-cm-00005', 'US_POWER_LOW');
    const low = await diagnosis('sim-cm-00005');
    expect({ verdict: low.verdict, subKinds: low.subKinds }).toEqual({
      verdict: 'MARGINAL',
      subKinds: ['LOW_US_POWER'],
    });
    expect(low.findings[0].channel).toEqual({
      direction: 'upstream',
      kind: 'SC-QAM',
      ifIndex: 2,
      channelId: null,
      frequencyHz: 0,
    });
    expect(low.findings[0].message).toBe(
      'Upstream (ifIndex 2) transmits at 31 dBmV, below the recommended 35 dBmV.',
    );
  });

  it('a bridge table without a status column gives no CPE MACs and no NO_CPE_DETECTED', async () => {
    const d = await diagnosis('sim-cm-00006');
    expect({ verdict: d.verdict, subKinds: d.subKinds, notChecked: d.notChecked }).toEqual({
      verdict: 'TEXTBOOK_OK',
      subKinds: [],
      notChecked: [],
    });
    const r = await reading('sim-cm-00006');
    expect({ cpeMacs: r.cpeMacs, bridgeTable: r.bridgeTable }).toEqual({
      cpeMacs: null,
      bridgeTable: 'withoutStatus',
    });
    const refused = await t
      .http()
      .put('/api/v1/simulator/modems/sim-cm-00006/scenario')
      .send({ scenario: 'NO_CPE' })
      .expect(400);
    expect(refused.body.message).toContain('quirk BRIDGE_WITHOUT_STATUS');
  });

  it('3.1 placeholder SC-QAM rows are not graded as channels', async () => {
    const d = await diagnosis('sim-cm-00007');
    expect({ verdict: d.verdict, subKinds: d.subKinds, notChecked: d.notChecked }).toEqual({
      verdict: 'TEXTBOOK_OK',
      subKinds: [],
      notChecked: [],
    });
    const r = await reading('sim-cm-00007');
    expect(r.downstream).toHaveLength(32);
    expect(r.downstream.every((ch: { frequencyHz: number }) => ch.frequencyHz > 0)).toBe(true);

    await setScenario('sim-cm-00008', 'PARTIAL_SERVICE_DS');
    const partial = await diagnosis('sim-cm-00008');
    expect(partial.subKinds).toEqual(['PARTIAL_SERVICE_DS']);
    expect(partial.findings).toHaveLength(1);
  });

  it('a modem without time of day or without an event log is graded as its generation; its log says so', async () => {
    const noClock = await diagnosis('sim-cm-00009');
    expect({ verdict: noClock.verdict, notChecked: noClock.notChecked }).toEqual({
      verdict: 'TEXTBOOK_OK',
      notChecked: [],
    });
    const log = (await reading('sim-cm-00009')).events as { firstAt: number | null; lastAt: number | null }[];
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(log.every((e) => e.firstAt === null && e.lastAt === null)).toBe(true);

    const noLog = await diagnosis('sim-cm-00010');
    expect({ verdict: noLog.verdict, notChecked: codes(noLog.notChecked) }).toEqual({
      verdict: 'TEXTBOOK_OK',
      notChecked: ['CODEWORDS', 'T3_T4_TIMEOUTS'],
    });
    expect((await reading('sim-cm-00010')).events).toBeNull();
  });
});
