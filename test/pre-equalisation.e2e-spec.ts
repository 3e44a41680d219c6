import { HALF_TAP_M, setScenarios } from './support/pre-eq-plant';
import { startTestApp, type TestApp } from './support/test-app';

// GET /modems/{id}/pre-equalisation through HTTP, on the Redis store: the simulator's coefficients, read by the
// poller, stored with the reading, and laid out per channel on demand: an echo about 45 m out on a drop-echo
// modem, none on a clean line, channels whose coefficients a quirky modem does not give, and the answers without a
// reading or a modem.

const DROP = 'sim-cm-00002';
const CLEAN = 'sim-cm-00003';
const NEVER_POLLED = 'sim-cm-00005';
const NO_US_STATUS_TABLE = 'sim-cm-00006';
const AGENT_KEY = 'preeq-agent-0123456789abcdefghijklmnop';
const NOC_KEY = 'preeq-noc-0123456789abcdefghijklmnopqr';

interface Tap {
  index: number;
  real: number;
  imag: number;
  magnitudeDbc: number;
}

describe('upstream pre-equalisation per channel (GET /modems/{id}/pre-equalisation)', () => {
  let t: TestApp;
  const noc = { Authorization: `Bearer ${NOC_KEY}` };

  const preEq = async (id: string) =>
    (await t.http().get(`/api/v1/modems/${id}/pre-equalisation`).set(noc).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp('redis', {
      API_KEYS: `desk:agent:${AGENT_KEY},wall:noc+operator:${NOC_KEY}`,
      SIMULATOR_MODEMS: '8',
      SIMULATOR_V3_SHARE: '0',
      SIMULATOR_MODEM_SHAPES: `${DROP}=3.0,${CLEAN}=3.0,${NO_US_STATUS_TABLE}=3.0+NO_US_STATUS_TABLE`,
    });
    await setScenarios(t, { [DROP]: 'US_ECHO_DROP' }, noc);
    for (const id of [DROP, CLEAN, NO_US_STATUS_TABLE]) {
      await t.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=0`).set(noc).expect(200);
    }
  });

  afterAll(() => t?.close());

  it('shows the drop echo about 45 m from the modem: the tap, the metrics and the ripple it causes', async () => {
    const body = await preEq(DROP);
    expect(body).toEqual(
      expect.objectContaining({ modemId: DROP, reason: null, thresholdsProfile: 'docsis-default' }),
    );
    const telemetry = (await t.http().get(`/api/v1/modems/${DROP}/telemetry`).set(noc).expect(200)).body;
    expect(body.observedAt).toBe(new Date(telemetry.reading.observedAt).toISOString());
    expect(body.channels.length).toBe(telemetry.reading.upstream.length);
    expect(body.channels.length).toBeGreaterThan(0);
    for (const ch of body.channels) {
      expect(ch).toEqual(expect.objectContaining({ state: 'ANALYSED', reason: null, widthHz: 6_400_000 }));
      const a = ch.analysis;
      expect(a.taps).toHaveLength(24);
      const main = a.taps.find((tap: Tap) => tap.index === a.mainTap);
      expect(main.magnitudeDbc).toBe(0);
      expect(a.taps.every((tap: Tap) => tap.magnitudeDbc <= 0)).toBe(true);
      expect(a.metrics.mtrDb).toBeLessThan(18);
      expect(a.grades.mtr).toBe('FAULT');
      expect(a.distortion).toBe('MICRO_REFLECTION');
      expect(Math.abs(a.echo.distanceM - 45)).toBeLessThanOrEqual(HALF_TAP_M);
      expect(a.echo.distanceFt).toBeCloseTo(a.echo.distanceM / 0.3048, -1);
      expect(a.echo.levelDbc).toBeGreaterThan(a.echoFloorDbc);
      expect(a.taps.find((tap: Tap) => tap.index === a.echo.tap).magnitudeDbc).toBe(a.echo.levelDbc);
      const { points, ripple } = a.frequencyResponse;
      expect(points).toHaveLength(64);
      expect(points[0].offsetHz).toBe(-2_560_000);
      expect(ripple.depthDb).toBeGreaterThan(2);
      expect(ripple.periodHz).toBeGreaterThan(0);
    }
    // The diagnosis's summary is the worst channel of the same coefficients.
    const d = (await t.http().get(`/api/v1/modems/${DROP}/diagnosis`).set(noc).expect(200)).body;
    const worst = body.channels.find((ch: { ifIndex: number }) => ch.ifIndex === d.preEq.ifIndex);
    expect(worst.analysis.metrics.mtrDb).toBeCloseTo(d.preEq.mtrDb, 1);
    expect(worst.analysis.echo.distanceM).toBeCloseTo(d.preEq.echo.distanceM, 0);
  });

  it('finds no echo on a clean line', async () => {
    const body = await preEq(CLEAN);
    expect(body.channels.length).toBeGreaterThan(0);
    for (const ch of body.channels) {
      expect(ch.state).toBe('ANALYSED');
      expect(ch.analysis.echo).toBeNull();
      expect(ch.analysis.grades.mtr).toBe('TEXTBOOK');
      expect(ch.analysis.distortion).toBe('NONE');
    }
  });

  it('says a channel has no coefficients when the modem gives none for its bonded upstreams', async () => {
    // Without docsIf3CmStatusUsTable the upstreams are one, on the MAC interface, and DOCS-IF-MIB's coefficients
    // name no channel of several.
    const body = await preEq(NO_US_STATUS_TABLE);
    expect(body.reason).toBeNull();
    expect(body.channels).toEqual([
      expect.objectContaining({
        channelId: null,
        state: 'NOT_READ',
        reason: expect.stringMatching(/^Coefficients not read/),
        analysis: null,
      }),
    ]);
  });

  it('answers a modem never polled with no channels and the reason, as telemetry answers it with no reading', async () => {
    const body = await preEq(NEVER_POLLED);
    expect(body).toEqual({
      modemId: NEVER_POLLED,
      observedAt: null,
      reason: expect.stringMatching(/has not been read yet/),
      channels: [],
      thresholdsProfile: 'docsis-default',
    });
  });

  it('refuses an unknown modem (404), a malformed id (400), and an agent without the line token (403)', async () => {
    const unknown = await t.http().get('/api/v1/modems/no-such-modem/pre-equalisation').set(noc).expect(404);
    expect(unknown.body.message).toMatch(/no-such-modem/);
    await t.http().get('/api/v1/modems/bad%20id!/pre-equalisation').set(noc).expect(400);
    await t
      .http()
      .get(`/api/v1/modems/${DROP}/pre-equalisation`)
      .set({ Authorization: `Bearer ${AGENT_KEY}` })
      .expect(403);
    await t.http().get(`/api/v1/modems/${DROP}/pre-equalisation`).expect(401);
  });
});
