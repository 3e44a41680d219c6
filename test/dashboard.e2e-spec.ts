/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: they see the DOM.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DASHBOARD_DIR } from '../src/dashboard/dashboard.module';
import { launchChromium, requireBuiltPage, screenshotsDir } from './support/chromium';
import { eventually } from './support/eventually';
import { HALF_TAP_M, nodesByReadableModems, setScenarios } from './support/pre-eq-plant';
import { startTestApp, type TestApp } from './support/test-app';

// The NOC dashboard in a real browser (Debian's Chromium driven by playwright-core) against the whole service
// and its simulated plant: sign-in and its refusals, live updates without a reload, the drill-down to a modem's
// channels, and the keyboard. Screenshots are taken on the way. The page opens in English (?lang=en: its default
// is Polish), which the assertions read; one test runs it in Polish and switches the language by keyboard.

const NOC_KEY = 'noc-wall-0123456789abcdefghijklmnopqrstuv';
const AGENT_KEY = 'agent-desk-0123456789abcdefghijklmnopqrst';
const OPS_KEY = 'ops-operator-0123456789abcdefghijklmnopqr';
/** The screenshots: .test-results/screenshots, or with UPDATE_SCREENSHOTS=1 the README's images in docs/screenshots. */
const SCREENSHOTS = screenshotsDir('screenshots');
/** Generous: a sweep, a live batch and a throttled refresh lie between a change and the page showing it. */
const WAIT = { timeout: 45_000 };

interface SimModem {
  id: string;
  cmtsId: string;
  serviceGroupId: string;
  quirks: string[];
  scenario: string;
}
interface NodeSummary {
  cmtsId: string;
  serviceGroupId: string;
  state: string;
}
interface Finding {
  code: string;
  severity: string;
  channel?: { direction: string; channelId: number };
  technicalMessage: string;
}

const tile = (node: { cmtsId: string; serviceGroupId: string }): string =>
  `[data-testid="node-tile"][data-node="${node.cmtsId}/${node.serviceGroupId}"]`;

describe('NOC dashboard in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let sims: SimModem[];
  /** Pre-equalisation impairments: a drop echo on one modem, and the echo of one tap on three modems of a node. */
  const echo = { drop: '', taps: [] as string[], tapNode: { cmtsId: '', serviceGroupId: '' } };
  const pageErrors: string[] = [];

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const get = async (path: string) => (await t.http().get(path).set(as(NOC_KEY)).expect(200)).body;

  async function sweep(scope: Record<string, string>): Promise<void> {
    const started = await t.http().post('/api/v1/sweeps').set(as(NOC_KEY)).send({ scope }).expect(202);
    await eventually(
      async () => expect((await get(`/api/v1/sweeps/${started.body.id}`)).status).toBe('finished'),
      { timeoutMs: 55_000, intervalMs: 100 },
    );
  }

  async function showFleet(): Promise<void> {
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await page.getByTestId('node-tile').first().waitFor(WAIT);
  }

  beforeAll(async () => {
    requireBuiltPage(DASHBOARD_DIR);
    t = await startTestApp('redis', {
      API_KEYS: `wall:noc:${NOC_KEY},desk:agent:${AGENT_KEY},ops:operator:${OPS_KEY}`,
      SIMULATOR_MODEMS: '120',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=80,DS_SNR_FAULT=10,US_POWER_HIGH_FAULT=10',
      SIMULATOR_SERVICE_GROUP_SIZE: '10',
      SIMULATOR_SERVICE_GROUPS_PER_CMTS: '4',
      SIMULATOR_V3_SHARE: '0',
      // Every modem here answers: a retry keeps a poll that misses one window on a loaded machine from turning a
      // faulty modem into INSUFFICIENT_DATA (the drill-down looks for its fault).
      SNMP_TIMEOUT_MS: '1000',
      SNMP_RETRIES: '1',
      // Node scenarios change many CMTS rows at once: a short snapshot life lets the next sweep see them.
      CMTS_SNAPSHOT_TTL_SEC: '1',
      SWEEP_MAX_AGE_SEC: '0',
      SWEEP_INTERVAL_SEC: '0',
      DISCOVERY_INTERVAL_SEC: '0',
      RATE_LIMIT_PER_MIN: '100000',
      // The outcomes view needs a past of calls and visits: the simulator's seeded one.
      SIMULATOR_SEED_VISITS: 'true',
    });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    sims = (await t.http().get('/api/v1/simulator/modems?limit=1000').set(as(OPS_KEY)).expect(200)).body
      .items;
    // Three textbook modems of one node behind a faulty tap, and a drop echo on a textbook modem of another node.
    const [tapNode, dropNode] = nodesByReadableModems(sims)
      .map((node) => node.filter((m) => m.scenario === 'TEXTBOOK'))
      .filter((textbook) => textbook.length >= 3);
    echo.taps = tapNode.slice(0, 3).map((m) => m.id);
    echo.tapNode = { cmtsId: tapNode[0].cmtsId, serviceGroupId: tapNode[0].serviceGroupId };
    echo.drop = dropNode[0].id;
    await setScenarios(
      t,
      { ...Object.fromEntries(echo.taps.map((id) => [id, 'US_ECHO_TAP'])), [echo.drop]: 'US_ECHO_DROP' },
      as(OPS_KEY),
    );
    await sweep({ kind: 'all' });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('asks for a noc key, refuses an agent key and a wrong one, and shows the fleet with the noc key', async () => {
    await page.goto(`${base}/dashboard/?lang=en`);
    const keyInput = page.getByLabel('NOC API key');
    await keyInput.waitFor(WAIT);
    expect(await keyInput.getAttribute('type')).toBe('password');
    // The page holds no data: without a key the API it reads refuses.
    expect(await page.evaluate(async () => (await fetch('/api/v1/fleet/summary')).status)).toBe(401);

    await keyInput.fill(AGENT_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sign-in-error').filter({ hasText: 'this key has no noc role' }).waitFor(WAIT);

    await keyInput.fill('not-a-key-of-this-service-0123456789');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('sign-in-error').filter({ hasText: 'key not valid' }).waitFor(WAIT);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await keyInput.fill(NOC_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('node-tile').first().waitFor(WAIT);
    await page.locator('[data-testid="live-status"][data-status="live"]').waitFor(WAIT);

    const nodes: NodeSummary[] = (await get('/api/v1/nodes?limit=1000')).items;
    expect(await page.getByTestId('node-tile').count()).toBe(nodes.length);
    const fleet = await get('/api/v1/fleet/summary');
    const total = (verdict: string) =>
      page.locator(`[data-testid="fleet-total"][data-verdict="${verdict}"] .total-count`).textContent();
    expect(await total('ALL')).toBe('120');
    expect(await total('LINE_FAULT')).toBe(String(fleet.byVerdict.LINE_FAULT));
    expect(await total('TEXTBOOK_OK')).toBe(String(fleet.byVerdict.TEXTBOOK_OK));

    await page.locator('[data-testid="sweep-status"][data-status="finished"]').waitFor(WAIT);
    const progress = page.getByTestId('sweep-progress');
    expect(await progress.getAttribute('value')).toBe('120');
    expect(await progress.getAttribute('max')).toBe('120');
    expect(await page.getByTestId('sweep-duration').textContent()).toMatch(/\d+ s|min/);
  }, 120_000);

  it('turns a node red when it goes down, live, without reloading the page', async () => {
    await showFleet();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const nodes: NodeSummary[] = (await get('/api/v1/nodes?limit=1000')).items;
    const target = nodes[nodes.length - 1];
    expect(await page.locator(tile(target)).getAttribute('data-state')).not.toBe('OUTAGE');

    await t
      .http()
      .put(`/api/v1/simulator/nodes/${target.cmtsId}/${target.serviceGroupId}/scenario`)
      .set(as(OPS_KEY))
      .send({ scenario: 'NODE_OUTAGE' })
      .expect(200);
    try {
      // A discovery walks the CMTS now, so the snapshot the node's sweep reads shows the outage (instead of waiting
      // out CMTS_SNAPSHOT_TTL_SEC).
      await t.http().post(`/api/v1/cmts/${target.cmtsId}/discover`).set(as(NOC_KEY)).expect(200);
      await t
        .http()
        .post('/api/v1/sweeps')
        .set(as(NOC_KEY))
        .send({ scope: { kind: 'node', cmtsId: target.cmtsId, serviceGroupId: target.serviceGroupId } })
        .expect(202);

      await page.locator(`${tile(target)}[data-state="OUTAGE"]`).waitFor(WAIT);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
      // Not by colour alone: the tile says it, and it moved to the front of the worst-first grid.
      expect(await page.locator(tile(target)).innerText()).toMatch(/OUTAGE/i);
      expect(await page.getByTestId('node-tile').first().getAttribute('data-node')).toBe(
        `${target.cmtsId}/${target.serviceGroupId}`,
      );
      await page.getByTestId('announcer').filter({ hasText: 'Alarm' }).waitFor(WAIT);
      await page.screenshot({ path: join(SCREENSHOTS, 'fleet.png'), fullPage: true });
    } finally {
      await t
        .http()
        .put(`/api/v1/simulator/nodes/${target.cmtsId}/${target.serviceGroupId}/scenario`)
        .set(as(OPS_KEY))
        .send({ scenario: 'NONE' })
        .expect(200);
    }
  }, 120_000);

  it('drills from a node to a faulty modem whose out-of-band channel is flagged in the chart and the findings', async () => {
    const nodes: NodeSummary[] = (await get('/api/v1/nodes?limit=1000')).items;
    const outageNode = nodes[nodes.length - 1];
    const healthyNode = (m: SimModem) =>
      !(m.cmtsId === outageNode.cmtsId && m.serviceGroupId === outageNode.serviceGroupId);
    const snr = sims.find((m) => m.scenario === 'DS_SNR_FAULT' && healthyNode(m))!;
    const diagnosis = await get(`/api/v1/modems/${snr.id}/diagnosis?maxAgeSec=86400`);
    const fault = (diagnosis.findings as Finding[]).find(
      (f) => f.code === 'LOW_DS_SNR' && f.severity === 'FAULT',
    )!;
    expect(fault.channel?.direction).toBe('downstream');
    const channel = `ds-${fault.channel!.channelId}`;

    await showFleet();
    await page.locator(tile(snr)).click();
    const row = page.locator(`[data-testid="modem-row"][data-modem="${snr.id}"]`);
    await row.waitFor(WAIT);
    expect(await row.getAttribute('data-verdict')).toBe('LINE_FAULT');
    await row.getByRole('link', { name: snr.id }).click();

    const bar = page.locator(`[data-testid="channel-bar"][data-chart="ds-snr"][data-channel="${channel}"]`);
    await bar.waitFor(WAIT);
    expect(await bar.getAttribute('data-status')).toBe('fault');
    expect(
      await page.locator('[data-testid="channel-bar"][data-chart="ds-snr"][data-status="ok"]').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="verdict"]').getAttribute('data-verdict')).toBe('LINE_FAULT');
    // The dispatch decision: a degraded line gets the next available visit, an install technician and its kit.
    const dispatch = page.getByTestId('dispatch');
    expect(await dispatch.getAttribute('data-urgency')).toBe('NEXT_AVAILABLE');
    expect(await dispatch.innerText()).toMatch(
      /Next available visit, install technician[\s\S]*Bring\s+connectors/,
    );
    const findings = await page.getByTestId('findings').innerText();
    expect(findings).toContain(`Downstream SC-QAM channel ${fault.channel!.channelId} `);
    expect(findings).toContain(fault.technicalMessage);
    // Screen readers get the same answer from the chart's hidden table.
    const tableRow = page
      .locator('[data-chart="ds-snr"] table tbody tr')
      .filter({ hasText: `DS ${fault.channel!.channelId} ` });
    expect(await tableRow.textContent()).toContain('Fault');
    await page.getByTestId('timeline').waitFor(WAIT);
    await page.screenshot({ path: join(SCREENSHOTS, 'modem.png'), fullPage: true });

    // Upstream at the ceiling: every upstream bar is a fault, as every upstream finding says.
    const us = sims.find((m) => m.scenario === 'US_POWER_HIGH_FAULT' && healthyNode(m))!;
    await page.evaluate((id) => {
      location.hash = `#/modem/${encodeURIComponent(id)}`;
    }, us.id);
    // Each modem view is its own component instance (keyed by id): nothing of the previous modem stays on screen.
    await page.getByRole('heading', { level: 1, name: `Modem ${us.id}` }).waitFor(WAIT);
    await page
      .locator('[data-testid="channel-bar"][data-chart="us-tx"][data-status="fault"]')
      .first()
      .waitFor(WAIT);
    const usBars = page.locator('[data-testid="channel-bar"][data-chart="us-tx"]');
    expect(await usBars.count()).toBeGreaterThan(0);
    expect(
      await page
        .locator('[data-chart="us-tx"][data-testid="channel-bar"]:not([data-status="fault"])')
        .count(),
    ).toBe(0);
    expect(await page.getByTestId('findings').innerText()).toMatch(/Upstream SC-QAM channel \d+/);
  }, 120_000);

  it('draws every upstream channel’s taps and frequency response, the echo marked with its distance', async () => {
    const preEq = await get(`/api/v1/modems/${echo.drop}/pre-equalisation`);
    expect(preEq.channels.length).toBeGreaterThan(0);
    await page.evaluate((id) => {
      location.hash = `#/modem/${encodeURIComponent(id)}`;
    }, echo.drop);
    await page.getByRole('heading', { level: 1, name: `Modem ${echo.drop}` }).waitFor(WAIT);
    await page.getByTestId('pre-eq-channel').first().waitFor(WAIT);
    expect(await page.locator('[data-testid="pre-eq-channel"][data-state="ANALYSED"]').count()).toBe(
      preEq.channels.length,
    );

    const ch = preEq.channels[0];
    const a = ch.analysis;
    expect(Math.abs(a.echo.distanceM - 45)).toBeLessThanOrEqual(HALF_TAP_M);
    const metres = Math.round(a.echo.distanceM);
    const key = `us-${ch.channelId}`;
    // The tap chart: every tap in the hidden table, the main tap and the echo named, the echo with its distance.
    const taps = page.locator(`[data-testid="chart"][data-chart="pre-eq-taps-${key}"]`);
    expect(await taps.locator('table tbody tr').count()).toBe(a.taps.length);
    expect(await taps.locator(`table tbody tr[data-tap="${a.mainTap}"]`).textContent()).toContain('main tap');
    const echoRow = await taps.locator(`table tbody tr[data-tap="${a.echo.tap}"]`).textContent();
    expect(echoRow).toContain(`echo, about ${metres} m (`);
    expect(echoRow).toContain(String(Math.round(a.echo.levelDbc * 10) / 10));
    expect(await taps.locator('[data-testid="tap-bar"][data-role="echo"]').getAttribute('data-tap')).toBe(
      String(a.echo.tap),
    );
    expect(await taps.locator('.tap-mark').allTextContents()).toEqual(['main', `echo ${metres} m`]);
    expect(await taps.locator('desc').textContent()).toContain(`Echo at tap ${a.echo.tap}`);
    // The frequency response: one row per point, across the band around the channel's centre, and its ripple.
    const response = page.locator(`[data-testid="chart"][data-chart="pre-eq-response-${key}"]`);
    const points = response.locator('table tbody tr');
    expect(await points.count()).toBe(a.frequencyResponse.points.length);
    expect(await points.first().locator('th').textContent()).toBe('-2.56 MHz');
    expect(await response.getByTestId('ripple').textContent()).toMatch(
      /^Ripple \d+(\.\d)? dB peak to peak, period [\d.]+ MHz \(an echo about \d+ m \(\d+ ft\) away\)\.$/,
    );
    expect(await page.getByTestId('pre-eq-echo').first().textContent()).toContain(`about ${metres} m`);
    await page.getByTestId('pre-eq').screenshot({ path: join(SCREENSHOTS, 'pre-eq.png') });

    // A clean line: the charts are there, no echo is marked.
    const clean = sims.find((m) => m.scenario === 'TEXTBOOK' && ![echo.drop, ...echo.taps].includes(m.id))!;
    await page.evaluate((id) => {
      location.hash = `#/modem/${encodeURIComponent(id)}`;
    }, clean.id);
    await page.getByRole('heading', { level: 1, name: `Modem ${clean.id}` }).waitFor(WAIT);
    await page.getByTestId('pre-eq-channel').first().waitFor(WAIT);
    expect(await page.locator('[data-testid="tap-bar"][data-role="echo"]').count()).toBe(0);
    expect(await page.getByTestId('pre-eq-echo').first().textContent()).toContain('none above the');
  }, 120_000);

  it('lists the echo three modems of a node share, linked to their modem views, and none elsewhere', async () => {
    const { cmtsId, serviceGroupId } = echo.tapNode;
    const node = await get(`/api/v1/nodes/${cmtsId}/${serviceGroupId}`);
    expect(node.echoClusters).toHaveLength(1);
    const shared = node.echoClusters[0];
    expect(shared.modems).toEqual([...echo.taps].sort());

    await page.evaluate(
      ([c, sg]) => {
        location.hash = `#/node/${encodeURIComponent(c)}/${encodeURIComponent(sg)}`;
      },
      [cmtsId, serviceGroupId],
    );
    const cluster = page.getByTestId('echo-cluster');
    await cluster.first().waitFor(WAIT);
    expect(await cluster.count()).toBe(1);
    expect(await cluster.getAttribute('data-place')).toBe(shared.place);
    expect(await cluster.getAttribute('data-confidence')).toBe('HIGH');
    const text = await cluster.innerText();
    expect(text).toContain(shared.place === 'PLANT' ? 'Plant' : 'Tap or amplifier');
    expect(text).toContain('confidence high');
    expect(text).toContain(`about ${Math.round(shared.distanceM)} m (`);
    expect(text).toContain(`3 of ${shared.modemsCompared} modems compared`);
    expect(await cluster.getByTestId('echo-cluster-modem').allTextContents()).toEqual(shared.modems);
    await cluster.getByRole('link', { name: shared.modems[0] }).click();
    await page.getByRole('heading', { level: 1, name: `Modem ${shared.modems[0]}` }).waitFor(WAIT);

    // The drop echo is this modem's alone: its node lists no cluster.
    const drop = sims.find((m) => m.id === echo.drop)!;
    await page.evaluate(
      ([c, sg]) => {
        location.hash = `#/node/${encodeURIComponent(c)}/${encodeURIComponent(sg)}`;
      },
      [drop.cmtsId, drop.serviceGroupId],
    );
    await page.getByTestId('echo-clusters-none').waitFor(WAIT);
    expect(await page.getByTestId('echo-cluster').count()).toBe(0);
  }, 120_000);

  it('shows the visit outcomes of the last 30 days as the KPI endpoint computes them, and for a range chosen', async () => {
    await page.getByRole('link', { name: 'Visit outcomes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visit outcomes' }).waitFor(WAIT);
    await page.getByTestId('kpis').waitFor(WAIT);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const range = (from: number, to: number) => `from=${day(from)}T00:00:00Z&to=${day(to)}T00:00:00Z`;
    const kpis = await get(`/api/v1/kpis?${range(Date.now() - 30 * 86_400_000, Date.now() + 86_400_000)}`);
    expect(kpis.visits).toBeGreaterThan(0);
    expect(await page.getByTestId('kpi-visits').innerText()).toBe(String(kpis.visits));
    expect(await page.getByTestId('kpi-nff').innerText()).toContain(
      `(${kpis.noFaultFound.count} of ${kpis.noFaultFound.of})`,
    );
    const lineFault = kpis.byVerdict.find((v: { verdict: string }) => v.verdict === 'LINE_FAULT');
    const row = page.locator('[data-testid="kpi-by-verdict"] tr[data-verdict="LINE_FAULT"]');
    expect(await row.innerText()).toContain(String(lineFault.visits));

    // A range with nothing in it: no visits, rates shown as a dash rather than 0 %.
    await page.getByLabel('From').fill('2020-01-01');
    await page.getByLabel('To (not included)').fill('2020-01-02');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByTestId('kpi-visits').filter({ hasText: /^0$/ }).waitFor(WAIT);
    expect(await page.getByTestId('kpi-nff').innerText()).toContain('—');
  }, 120_000);

  it('reaches the node tiles with Tab, shows focus, and opens one with Enter', async () => {
    await showFleet();
    let focused: string | null = null;
    for (let i = 0; i < 40 && focused == null; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('data-testid') === 'node-tile' ? el.getAttribute('data-node') : null;
      });
    }
    expect(focused).not.toBeNull();
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe(
      'none',
    );

    await page.keyboard.press('Enter');
    const [cmtsId, serviceGroupId] = focused!.split('/');
    await page.getByRole('heading', { level: 1, name: `Node ${serviceGroupId} on ${cmtsId}` }).waitFor(WAIT);
    await page.getByTestId('modem-row').first().waitFor(WAIT);
    // Focus follows to the new view's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  }, 120_000);

  it('speaks Polish with ?lang=pl (plurals, decimal commas, 24-hour times) and switches language by keyboard', async () => {
    // A browser of its own: nothing remembered from the English page (its session, its language).
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const pl = await context.newPage();
    const errors: string[] = [];
    pl.on('pageerror', (error) => errors.push(String(error)));
    const languages: string[] = [];
    pl.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/v1/')) {
        languages.push(r.headers()['accept-language'] ?? '');
      }
    });
    try {
      await pl.goto(`${base}/dashboard/?lang=pl`);
      const keyInput = pl.getByLabel('Klucz API NOC');
      await keyInput.waitFor(WAIT);
      expect(await pl.evaluate(() => document.documentElement.lang)).toBe('pl');
      expect(await pl.title()).toBe('Panel NOC Linecheck');
      await pl.screenshot({ path: join(SCREENSHOTS, 'sign-in-pl.png') });
      await keyInput.fill(NOC_KEY);
      await pl.getByRole('button', { name: 'Zaloguj' }).click();
      await pl.getByTestId('node-tile').first().waitFor(WAIT);
      await pl.getByRole('heading', { level: 1, name: 'Sieć' }).waitFor(WAIT);
      await pl.getByRole('heading', { level: 2, name: 'Modemy według diagnozy' }).waitFor(WAIT);

      // Polish plurals: one, few and many by the count (120 modemów, 12 węzłów).
      const nodes: NodeSummary[] = (await get('/api/v1/nodes?limit=1000')).items;
      const form = (n: number, words: Record<string, string>) => words[new Intl.PluralRules('pl').select(n)];
      expect(await pl.getByTestId('state-counts').innerText()).toMatch(
        new RegExp(`^${nodes.length} ${form(nodes.length, { one: 'węzeł', few: 'węzły', many: 'węzłów' })}:`),
      );
      expect(
        await pl.locator('[data-testid="fleet-total"][data-verdict="ALL"] .total-label').innerText(),
      ).toBe(form(120, { one: 'modem', few: 'modemy', many: 'modemów' }));
      await pl.locator('[data-testid="sweep-status"][data-status="finished"]').waitFor(WAIT);
      expect(await pl.getByTestId('sweep-status').innerText()).toBe('Zakończony');
      await pl.screenshot({ path: join(SCREENSHOTS, 'fleet-pl.png'), fullPage: true });
      // Dates the Polish way: day.month.year and a 24-hour clock.
      expect(await pl.getByTestId('sweep-finished-at').innerText()).toMatch(
        /^\d{2}\.\d{2}\.\d{4}, ([01]\d|2[0-3]):\d{2}:\d{2}$/,
      );

      // A number with a decimal comma: the frequency response's first point, -2.56 MHz in English.
      await pl.evaluate((id) => {
        location.hash = `#/modem/${encodeURIComponent(id)}`;
      }, echo.drop);
      await pl.getByRole('heading', { level: 1, name: `Modem ${echo.drop}` }).waitFor(WAIT);
      await pl.getByRole('heading', { level: 2, name: 'Preekwalizacja upstream' }).waitFor(WAIT);
      const response = pl.locator('[data-testid="chart"][data-chart^="pre-eq-response-"]').first();
      await response.waitFor(WAIT);
      expect(await response.locator('table tbody tr').first().locator('th').textContent()).toBe('-2,56 MHz');
      expect(await response.getByTestId('ripple').textContent()).toMatch(
        /^Falowanie \d+(,\d)? dB międzyszczytowo, okres [\d,]+ MHz \(echo w odległości ok\. \d+ m \(\d+ ft\)\)\.$/,
      );
      expect(languages.length).toBeGreaterThan(0);
      expect(languages.every((l) => l.startsWith('pl'))).toBe(true);

      // By keyboard: Tab to the English button, Enter; the page re-renders in English and asks the API in English.
      // From the brand link at the header's start.
      await pl.getByRole('link', { name: 'Linecheck NOC' }).focus();
      let onEnglish = false;
      for (let i = 0; i < 15 && !onEnglish; i++) {
        await pl.keyboard.press('Tab');
        onEnglish = await pl.evaluate(() => document.activeElement?.getAttribute('data-lang') === 'en');
      }
      expect(onEnglish).toBe(true);
      expect(await pl.getByRole('group', { name: 'Język' }).isVisible()).toBe(true);
      const asked = languages.length;
      await pl.keyboard.press('Enter');
      await pl.getByRole('heading', { level: 2, name: 'Upstream pre-equalisation' }).waitFor(WAIT);
      expect(await pl.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await pl.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      expect(await response.locator('table tbody tr').first().locator('th').textContent()).toBe('-2.56 MHz');
      await eventually(() => expect(languages.length).toBeGreaterThan(asked), { timeoutMs: 10_000 });
      expect(languages.slice(asked).every((l) => l.startsWith('en'))).toBe(true);

      // And back with Space on the Polish button, which Shift+Tab reaches from the English one.
      await pl.keyboard.press('Shift+Tab');
      expect(await pl.evaluate(() => document.activeElement?.getAttribute('data-lang'))).toBe('pl');
      await pl.keyboard.press('Space');
      await pl.getByRole('heading', { level: 2, name: 'Preekwalizacja upstream' }).waitFor(WAIT);
      expect(await pl.getByRole('button', { name: 'Polski' }).getAttribute('aria-pressed')).toBe('true');
      await pl.screenshot({ path: join(SCREENSHOTS, 'modem-pl.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('signs out: the key is forgotten and the sign-in form is back', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('NOC API key').waitFor(WAIT);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  }, 60_000);
});
