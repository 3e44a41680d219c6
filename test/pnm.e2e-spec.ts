import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 15 (DOCSIS 3.1): the PNM summaries a call-centre check reads (a full poll) through HTTP, on the Redis store
// as in production. A sweep polls fast: it does not read them, and its stored reading says so. A modem whose
// summaries are not ready says what could not be checked instead of grading zeros.

interface Finding {
  code: string;
  severity: string;
  channel?: { kind: string; direction: string };
  observed: number;
  limit: number;
  unit: string;
  message: string;
}

const CAVITY = 'sim-cm-00001';
const NOT_READY = 'sim-cm-00002';
const INGRESS = 'sim-cm-00003';

describe('DOCSIS 3.1 PNM summaries through HTTP (Redis store)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('redis', {
      SIMULATOR_MODEM_SHAPES: `${CAVITY}=3.1,${NOT_READY}=3.1+PNM_NOT_READY,${INGRESS}=3.1`,
      SWEEP_MAX_AGE_SEC: '0',
      SWEEP_INTERVAL_SEC: '0',
    });
    for (const [id, scenario] of [
      [CAVITY, 'PNM_SHORT_CAVITY'],
      [NOT_READY, 'PNM_SHORT_CAVITY'],
      [INGRESS, 'OFDM_INGRESS'],
    ]) {
      await t.http().put(`/api/v1/simulator/modems/${id}/scenario`).send({ scenario }).expect(200);
    }
  });

  afterAll(() => t.close());

  const diagnosis = async (id: string, query = 'maxAgeSec=0') =>
    (await t.http().get(`/api/v1/modems/${id}/diagnosis?${query}`).expect(200)).body;
  const reading = async (id: string) =>
    (await t.http().get(`/api/v1/modems/${id}/telemetry`).expect(200)).body.reading;

  it('a sweep polls fast: it reads no summary, stores no detail, and claims nothing about them', async () => {
    const sim = (await t.http().get(`/api/v1/simulator/modems/${CAVITY}`).expect(200)).body;
    const started = await t
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'node', cmtsId: sim.cmtsId, serviceGroupId: sim.serviceGroupId } })
      .expect(202);
    await eventually(
      async () => {
        const body = (await t.http().get(`/api/v1/sweeps/${started.body.id}`).expect(200)).body;
        expect(body.status).toBe('finished');
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const r = await reading(CAVITY);
    expect(r.reachable).toBe(true);
    expect(r).not.toHaveProperty('detail');
    expect(r.ofdm[0]).not.toHaveProperty('pnm');
    expect(r.ofdma[0]).not.toHaveProperty('pnm');
    expect(r.ofdm[0].meanRxMerDb).toEqual(expect.any(Number));
    const swept = await diagnosis(CAVITY, 'maxAgeSec=3600&detail=fast');
    expect(swept.source).toBe('cache');
    expect({ verdict: swept.verdict, subKinds: swept.subKinds }).toEqual({
      verdict: 'TEXTBOOK_OK',
      subKinds: [],
    });
    expect(swept.notChecked.map((n: { code: string }) => n.code)).not.toContain('PNM_SUMMARIES');
  });

  it('a call-centre check (full by default) polls again, grades the summaries and shows where they point', async () => {
    // The sweep's fast reading does not answer a full check, however young.
    const d = await diagnosis(CAVITY, 'maxAgeSec=3600');
    expect(d.source).toBe('live');
    expect({ verdict: d.verdict, subKinds: [...d.subKinds].sort(), action: d.action }).toEqual({
      verdict: 'LINE_FAULT',
      subKinds: ['DS_MICRO_REFLECTION', 'US_MICRO_REFLECTION'],
      action: 'DISPATCH_TECHNICIAN',
    });
    const byCode = (code: string): Finding => d.findings.find((f: Finding) => f.code === code);
    expect(byCode('DS_MICRO_REFLECTION')).toEqual(
      expect.objectContaining({
        severity: 'FAULT',
        channel: expect.objectContaining({ kind: 'OFDM', direction: 'downstream' }),
        limit: 2.199,
        unit: 'dB',
      }),
    );
    expect(byCode('DS_MICRO_REFLECTION').observed).toBeGreaterThan(2.5);
    expect(byCode('DS_MICRO_REFLECTION').message).toMatch(/channel estimate ripples .* no distance/);
    expect(byCode('US_MICRO_REFLECTION')).toEqual(
      expect.objectContaining({
        severity: 'FAULT',
        channel: expect.objectContaining({ kind: 'OFDMA', direction: 'upstream' }),
        unit: 'dB',
      }),
    );
    expect(d.location).toEqual(
      expect.objectContaining({ place: 'DROP', confidence: 'LOW', distanceM: null, distanceFt: null }),
    );
    expect(d.location.evidence.map((e: { code: string }) => e.code)).toContain('RIPPLE_BOTH_WAYS');
    expect(d.notChecked).toEqual([]);
  });

  it('the telemetry shows the summaries the full poll read, in real units', async () => {
    const r = await reading(CAVITY);
    expect(r.detail).toBe('full');
    expect(r.ofdm[0].pnm).toEqual({
      rxMer: {
        status: 'sampleReady',
        stdDevDb: expect.any(Number),
        percentile: 2,
        percentileDb: expect.any(Number),
        percentileHighestFreqHz: expect.any(Number),
      },
      channelEstimate: expect.objectContaining({
        status: 'sampleReady',
        ampRipplePkPkDb: expect.any(Number),
      }),
    });
    expect(r.ofdm[0].pnm.rxMer.stdDevDb).toBeGreaterThanOrEqual(1);
    expect(r.ofdm[0].pnm.rxMer.stdDevDb).toBeLessThanOrEqual(2);
    expect(r.ofdm[0].pnm.channelEstimate.ampRipplePkPkDb).toBeGreaterThan(2.5);
    expect(Math.abs(r.ofdm[0].pnm.channelEstimate.ampSlopeDbPerMhz)).toBeLessThan(0.01);
    expect(r.ofdma[0].pnm).toEqual({
      preEq: expect.objectContaining({ status: 'sampleReady', ampRipplePkPkDb: expect.any(Number) }),
      coAdjStatus: 'success',
    });
  });

  it('grades narrowband ingress the mean hides', async () => {
    const d = await diagnosis(INGRESS);
    expect({ verdict: d.verdict, subKinds: d.subKinds }).toEqual({
      verdict: 'LINE_FAULT',
      subKinds: ['OFDM_MER_SPREAD'],
    });
    const f = d.findings.find((x: Finding) => x.code === 'OFDM_MER_SPREAD');
    expect(f).toEqual(expect.objectContaining({ severity: 'FAULT', observed: 19, limit: 27, unit: 'dB' }));
    expect(f.message).toMatch(/2 % of its subcarriers have an RxMER of 19 dB or less .*the mean is 38 dB/);
  });

  it('a modem whose summaries are not ready: nothing graded from zeros, and it says what was not checked', async () => {
    const d = await diagnosis(NOT_READY);
    expect({ verdict: d.verdict, subKinds: d.subKinds }).toEqual({ verdict: 'TEXTBOOK_OK', subKinds: [] });
    const pnm = d.notChecked.filter((n: { code: string }) => n.code === 'PNM_SUMMARIES');
    expect(pnm).toHaveLength(2);
    expect(pnm[0].reason).toMatch(/RxMER statistics: its measurement is inactive, not sampleReady/);
    expect(pnm[1].reason).toMatch(/OFDMA upstream channel .*no docsPnmCmUsPreEqTable row/);
    const r = await reading(NOT_READY);
    expect(r.ofdm[0].pnm.rxMer).toEqual({
      status: 'inactive',
      stdDevDb: null,
      percentile: null,
      percentileDb: null,
      percentileHighestFreqHz: null,
    });
    expect(r.ofdm[0].pnm.channelEstimate).toEqual(
      expect.objectContaining({ status: 'busy', ampRipplePkPkDb: null, ampSlopeDbPerMhz: null }),
    );
    expect(r.ofdma[0].pnm).toEqual(
      expect.objectContaining({ coAdjStatus: null, preEq: expect.objectContaining({ status: null }) }),
    );
  });
});
