/// <reference lib="dom" />
// page.evaluate() callbacks run in the browser: they see the DOM.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { CONSOLE_DIR } from '../src/dashboard/dashboard.module';
import { launchChromium, requireBuiltPage, screenshotsDir } from './support/chromium';
import { eventually } from './support/eventually';
import { setScenarios } from './support/pre-eq-plant';
import { startTestApp, type TestApp } from './support/test-app';

// The call-centre agent's console in a real browser (Debian's Chromium driven by playwright-core) against the whole
// service and its simulated plant: one call after another, by keyboard only, in Polish. A wrong name, a lockout, a
// textbook line with the router named, a line fault with its dispatch, a node outage, a remote reboot that ends in a
// fresh verdict, and a key without the reboot right. A screenshot of each step.

const DESK_KEY = 'desk-agent-0123456789abcdefghijklmnopqrst';
const REBOOT_KEY = 'desk-reboot-0123456789abcdefghijklmnopqrs';
const NOC_KEY = 'noc-wall-0123456789abcdefghijklmnopqrstuv';
const OPS_KEY = 'ops-operator-0123456789abcdefghijklmnopqr';
/** The screenshots: .test-results/console, or with UPDATE_SCREENSHOTS=1 the README's images in docs/console. */
const SCREENSHOTS = screenshotsDir('console');
/** Generous: a live poll of a modem, a CMTS walk or a reboot lies between a key press and the page showing it. */
const WAIT = { timeout: 45_000 };

interface SimModem {
  id: string;
  cmtsId: string;
  serviceGroupId: string;
}
interface Customer {
  customerNumber: string;
  fullName: string;
  address: string;
}

describe('agent console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let sims: SimModem[];
  const pageErrors: string[] = [];
  /** The modems of each step, each on a node of its own where it matters. */
  const line = { textbook: '', wrongName: '', fault: '', outage: '', reboot: '', twoLines: '' };

  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const customerOf = async (modemId: string): Promise<Customer> =>
    (await t.http().get(`/api/v1/modems/${modemId}`).set(as(NOC_KEY)).expect(200)).body.customer;
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

  /** Tab (forward or back) until `target` has the focus: it is reachable by keyboard, and its focus is visible. */
  async function tabTo(target: Locator, { back = false, max = 60 } = {}): Promise<void> {
    const handle = await target.elementHandle(WAIT);
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((el) => el === document.activeElement, handle)) {
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe(
          'none',
        );
        return;
      }
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`could not reach ${String(target)} with ${back ? 'Shift+Tab' : 'Tab'}`);
  }

  /** Waits until the element with this id has the focus (it moves there after each step). */
  const focusMovesTo = (id: string) =>
    page.waitForFunction((want) => document.activeElement?.id === want, id, WAIT);

  /** The id (or the text) of the focused element. */
  const focused = () =>
    page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || '');

  /** A new call ("Nowa rozmowa") and the caller's details typed into the verification form, Enter to send. */
  async function verify(customerNumber: string, second: { fullName?: string; address?: string }) {
    await tabTo(page.getByTestId('new-call'), { back: true });
    await page.keyboard.press('Enter');
    await focusMovesTo('verify-title');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('customer-number');
    await page.keyboard.type(customerNumber);
    await page.keyboard.press('Tab');
    if (second.fullName) {
      await page.keyboard.type(second.fullName);
    }
    await page.keyboard.press('Tab');
    if (second.address) {
      await page.keyboard.type(second.address);
    }
    await page.keyboard.press('Enter');
  }

  /** The line's answer is on screen, the focus at its heading and the verdict announced. */
  async function lineShown(modemId: string, verdict: string): Promise<void> {
    await page.locator(`[data-testid="line"][data-modem="${modemId}"] [data-testid="verdict"]`).waitFor(WAIT);
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe(verdict);
    await focusMovesTo('line-title');
    expect(await page.locator('#line-title').textContent()).toBe(`Linia ${modemId}`);
    await page
      .getByTestId('announcer')
      .filter({ hasText: `Linia ${modemId}:` })
      .waitFor(WAIT);
  }

  beforeAll(async () => {
    requireBuiltPage(CONSOLE_DIR);
    t = await startTestApp('redis', {
      API_KEYS: [
        `desk:agent:${DESK_KEY}`,
        `desk-reboot:agent+reboot:${REBOOT_KEY}`,
        `wall:noc:${NOC_KEY}`,
        `ops:operator:${OPS_KEY}`,
      ].join(','),
      SIMULATOR_MODEMS: '40',
      SIMULATOR_SERVICE_GROUP_SIZE: '10',
      SIMULATOR_V3_SHARE: '0',
      SNMP_TIMEOUT_MS: '1000',
      SNMP_RETRIES: '1',
      VERIFY_MAX_FAILURES: '3',
      CMTS_SNAPSHOT_TTL_SEC: '1',
      SWEEP_MAX_AGE_SEC: '0',
      SWEEP_INTERVAL_SEC: '0',
      DISCOVERY_INTERVAL_SEC: '0',
      RATE_LIMIT_PER_MIN: '100000',
      REBOOT_POLL_INTERVAL_MS: '200',
      REBOOT_TIMEOUT_SEC: '30',
      SIMULATOR_REBOOT_DOWN_SEC: '1',
      SIMULATOR_SELF_REBOOT_SEC: '100000',
    });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    sims = (await t.http().get('/api/v1/simulator/modems?limit=1000').set(as(OPS_KEY)).expect(200)).body
      .items;
    // One node for the outage, the other lines elsewhere.
    const nodeOf = (m: SimModem) => `${m.cmtsId}/${m.serviceGroupId}`;
    // The first modems of a node lose the plant in NODE_OUTAGE (the last one survives): the last node's first.
    const outage = sims.find((m) => nodeOf(m) === nodeOf(sims[sims.length - 1]))!;
    const elsewhere = sims.filter((m) => nodeOf(m) !== nodeOf(outage)).map((m) => m.id);
    line.outage = outage.id;
    [line.textbook, line.wrongName, line.fault, line.reboot, line.twoLines] = [
      elsewhere[3],
      elsewhere[8],
      elsewhere[9],
      elsewhere[11],
      elsewhere[5],
    ];
    // A textbook past for every line (the sweep), then the fault: "it worked until…".
    const sweep = await t
      .http()
      .post('/api/v1/sweeps')
      .set(as(NOC_KEY))
      .send({ scope: { kind: 'all' } });
    expect(sweep.status).toBe(202);
    await eventually(
      async () =>
        expect(
          (await t.http().get(`/api/v1/sweeps/${sweep.body.id}`).set(as(NOC_KEY)).expect(200)).body.status,
        ).toBe('finished'),
      { timeoutMs: 55_000, intervalMs: 100 },
    );
    await setScenarios(t, { [line.fault]: 'DS_SNR_FAULT' }, as(OPS_KEY));

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  it('opens in Polish whatever the browser speaks, and signs in with the agent key by keyboard', async () => {
    await page.goto(`${base}/console`);
    await page.getByRole('heading', { level: 1, name: 'Logowanie do konsoli agenta' }).waitFor(WAIT);
    // The page moves the focus to its heading once shown: tabbing starts from there, not before it.
    await focusMovesTo('sign-in-title');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    // The page holds no data: the API it reads refuses without a key.
    expect(
      await page.evaluate(async () => (await fetch('/api/v1/lines/verify', { method: 'POST' })).status),
    ).toBe(401);

    await tabTo(page.getByLabel('Klucz API agenta'));
    await page.keyboard.type('not-a-key-of-this-service-0123456789');
    await page.keyboard.press('Enter');
    await page.getByTestId('sign-in-error').filter({ hasText: 'klucz jest nieprawidłowy' }).waitFor(WAIT);

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(DESK_KEY);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Weryfikacja rozmówcy' }).waitFor(WAIT);
    await focusMovesTo('verify-title');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
  }, 60_000);

  it('refuses a wrong name without saying which part was wrong, and says how many attempts are left', async () => {
    const customer = await customerOf(line.textbook);
    await verify(customer.customerNumber, { fullName: 'Jan Kowalski' });
    const problem = page.getByTestId('verify-problem');
    await problem.filter({ hasText: 'Weryfikacja nieudana' }).waitFor(WAIT);
    expect(await problem.getAttribute('data-kind')).toBe('failed');
    expect(await problem.innerText()).toContain('Dla tego numeru klienta zostały 2 próby.');
    expect(await problem.innerText()).not.toMatch(/nazwisk|adres/i);
    await page.getByTestId('announcer').filter({ hasText: 'zostały 2 próby' }).waitFor(WAIT);
    // The focus is back on the name, selected: the agent types it again.
    await focusMovesTo('full-name');
    await shot('01-verify-wrong-name.png');
  }, 60_000);

  it('locks another customer number after too many failures, and says so plainly', async () => {
    const customer = await customerOf(line.wrongName);
    await verify(customer.customerNumber, { fullName: 'Ktoś Zupełnie Inny' });
    const problem = page.getByTestId('verify-problem');
    await problem.filter({ hasText: 'zostały 2 próby' }).waitFor(WAIT);
    await page.keyboard.press('Enter');
    await problem.filter({ hasText: 'została 1 próba' }).waitFor(WAIT);
    await page.keyboard.press('Enter');
    await problem.filter({ hasText: 'jest zablokowana' }).waitFor(WAIT);
    expect(await problem.getAttribute('data-kind')).toBe('locked');
    expect(await problem.innerText()).toContain('Spróbuj ponownie za 15 minut.');
    // Locked: even the right name is refused now (429), with the same message.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(customer.fullName);
    await page.keyboard.press('Enter');
    await page.getByTestId('announcer').filter({ hasText: 'jest zablokowana' }).waitFor(WAIT);
    expect(await page.getByTestId('verified').count()).toBe(0);
    await shot('02-verify-locked.png');
  }, 60_000);

  it('verifies a name typed with Polish diacritics and shows a textbook line with the router named, and no reboot without the right', async () => {
    const customer = await customerOf(line.textbook);
    expect(customer.fullName).toMatch(/[ąćęłńóśźż]/i);
    await verify(customer.customerNumber, { fullName: customer.fullName.toLocaleLowerCase('pl') });
    await lineShown(line.textbook, 'TEXTBOOK_OK');
    expect(await page.getByTestId('verified').innerText()).toContain(
      `Rozmówca zweryfikowany: klient ${customer.customerNumber}.`,
    );
    expect(await page.getByTestId('verdict').getAttribute('data-light')).toBe('green');
    // Not by colour alone: an icon and words.
    expect(await page.getByTestId('verdict').innerText()).toContain('Linia sprawna');

    // The router by its maker, as the line's answer names the devices behind the modem.
    const answer = await t
      .http()
      .get(`/api/v1/modems/${line.textbook}/diagnosis`)
      .set(as(NOC_KEY))
      .set('Accept-Language', 'pl')
      .expect(200);
    const vendor = answer.body.devices.find((d: { vendor: string | null }) => d.vendor)?.vendor;
    expect(vendor).toBeTruthy();
    expect(await page.getByTestId('headline').innerText()).toBe(answer.body.headline);
    expect(await page.getByTestId('customer-message').innerText()).toContain(answer.body.customerMessage);
    expect(await page.getByTestId('next-step').innerText()).toContain(answer.body.nextStep);
    const devices = await page.getByTestId('devices').innerText();
    expect(devices).toContain(vendor);
    expect(devices).toContain('Poproś klienta, żeby podłączył komputer kablem bezpośrednio do modemu');
    expect(await page.getByTestId('history').innerText()).toContain('Linia działa poprawnie bez przerwy od');
    expect(await page.getByTestId('dispatch').getAttribute('data-urgency')).toBe('NONE');

    // This key has no reboot right: no button, and the API refuses the reboot even with the line token.
    expect(await page.getByTestId('reboot-button').count()).toBe(0);
    const verified = await t
      .http()
      .post('/api/v1/lines/verify')
      .set(as(DESK_KEY))
      .set('Accept-Language', 'pl')
      .send({ customerNumber: customer.customerNumber, fullName: customer.fullName })
      .expect(200);
    // The customer's services as the verification gave them ("not known" without), and its scripts to read out.
    const SERVICE: Record<string, string> = { internet: 'Internet', tv: 'Telewizja', phone: 'Telefon' };
    const services: string[] | null | undefined = verified.body.services;
    expect(await page.getByTestId('services').innerText()).toBe(
      services == null ? 'Brak danych' : services.map((x) => SERVICE[x]).join(', '),
    );
    const scripts: { title: string; text: string }[] = verified.body.scripts ?? [];
    expect(await page.locator('[data-testid="verify-scripts"] figcaption').allInnerTexts()).toEqual(
      scripts.map((x) => x.title),
    );
    await t
      .http()
      .post(`/api/v1/modems/${line.textbook}/reboot`)
      .set(as(DESK_KEY))
      .set('X-Line-Token', verified.body.lines[0].lineToken)
      .send({ reason: 'customer asked' })
      .expect(403);
    await shot('03-textbook-router.png');
  }, 60_000);

  it('shows a line fault with the dispatch decision and when the trouble started', async () => {
    const customer = await customerOf(line.fault);
    // By the address, typed as an agent hears it: no "ul.", diacritics, "m." for the flat.
    await verify(customer.customerNumber, { address: customer.address.replace(/^ul\. /, '').split(',')[0] });
    await lineShown(line.fault, 'LINE_FAULT');
    expect(await page.getByTestId('verdict').getAttribute('data-light')).toBe('red');
    expect(await page.getByTestId('verdict').innerText()).toContain('Usterka linii');
    const dispatch = page.getByTestId('dispatch');
    expect(await dispatch.getAttribute('data-urgency')).toBe('NEXT_AVAILABLE');
    expect(await dispatch.getAttribute('data-needed')).toBe('true');
    expect(await page.getByTestId('dispatch-urgency').innerText()).toBe('Najbliższy wolny termin');
    expect(await page.getByTestId('dispatch-skill').innerText()).toContain('Technik instalator');
    expect(await page.getByTestId('dispatch-bring').innerText()).toContain('złącza');
    expect(await page.getByTestId('dispatch-checks').innerText()).toContain('Technik:');
    expect(await page.getByTestId('dispatch-window').getAttribute('data-same-day')).toBe('false');
    expect(await page.getByTestId('history').innerText()).toMatch(
      /^Czy wcześniej działało\?\s+Linia działała poprawnie do .+; wtedy zaczął się problem \(Usterka linii\)\.$/,
    );
    // The answer's call scripts: each shown once, in the verification's or the line's.
    const answer = await t
      .http()
      .get(`/api/v1/modems/${line.fault}/diagnosis`)
      .set(as(NOC_KEY))
      .set('Accept-Language', 'pl')
      .expect(200);
    const codes = (testid: string) =>
      page.locator(`[data-testid="${testid}"] figure`).evaluateAll((els) => els.map((e) => e.dataset.code));
    const shown = [...(await codes('verify-scripts')), ...(await codes('line-scripts'))];
    expect(new Set(shown).size).toBe(shown.length);
    for (const script of answer.body.scripts as { code: string }[]) {
      expect(shown).toContain(script.code);
    }
    // The findings for the agent, collapsed until asked for (Enter on the summary).
    const details = page.getByTestId('details');
    expect(await details.getAttribute('open')).toBeNull();
    await tabTo(details.locator('summary'));
    await page.keyboard.press('Enter');
    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await details.locator('li[data-code="LOW_DS_SNR"]').count()).toBeGreaterThan(0);
    // In the answer's Polish words: the findings' technical messages and where the fault probably is.
    const detailsText = await details.innerText();
    for (const f of answer.body.findings as { technicalMessage: string }[]) {
      expect(detailsText).toContain(f.technicalMessage);
    }
    expect(detailsText).toContain(answer.body.location.text);
    await shot('04-line-fault.png');
  }, 60_000);

  it('shows the outage banner when the caller’s node is down', async () => {
    const outage = sims.find((m) => m.id === line.outage)!;
    const node = `/api/v1/simulator/nodes/${outage.cmtsId}/${outage.serviceGroupId}/scenario`;
    await t.http().put(node).set(as(OPS_KEY)).send({ scenario: 'NODE_OUTAGE' }).expect(200);
    try {
      await t.http().post(`/api/v1/cmts/${outage.cmtsId}/discover`).set(as(OPS_KEY)).expect(200);
      const customer = await customerOf(line.outage);
      await verify(customer.customerNumber, { fullName: customer.fullName });
      await lineShown(line.outage, 'PLANT_OUTAGE');
      const banner = page.getByTestId('outage');
      expect(await banner.innerText()).toContain('Awaria w okolicy klienta');
      expect(await banner.innerText()).toContain('nie umawiaj technika');
      const diagnosis = await t
        .http()
        .get(`/api/v1/modems/${line.outage}/diagnosis`)
        .set(as(NOC_KEY))
        .expect(200);
      if (diagnosis.body.neighbours) {
        const n = diagnosis.body.neighbours;
        expect(await page.getByTestId('outage-counts').innerText()).toBe(
          `W węźle ${n.node} nie działa też ${n.othersOffline} z ${n.others} pozostałych modemów.`,
        );
      }
      expect(await page.getByTestId('dispatch').getAttribute('data-urgency')).toBe('NOC_ONLY');
      await shot('05-outage.png');
    } finally {
      await t.http().put(node).set(as(OPS_KEY)).send({ scenario: 'NONE' }).expect(200);
    }
  }, 90_000);

  it('lets the agent pick the line when the customer has several, by keyboard', async () => {
    // A second line of the same customer: a modem that does not answer (no CMTS known for it).
    const customer = await customerOf(line.twoLines);
    await t
      .http()
      .put('/api/v1/modems/second-line-1')
      .set(as(OPS_KEY))
      .send({ host: '127.0.0.1', port: 9, snmp: { version: '2c', community: 'x' }, customer })
      .expect(201);
    await verify(customer.customerNumber, { fullName: customer.fullName });
    await focusMovesTo('lines-title');
    expect(await page.getByTestId('lines').innerText()).toContain('Ten klient ma 2 linie.');
    expect(await page.getByTestId('line').count()).toBe(0);
    await tabTo(page.locator('[data-testid="pick-line"][data-modem="second-line-1"]'));
    await page.keyboard.press('Enter');
    await lineShown('second-line-1', 'INSUFFICIENT_DATA');
    expect(await page.getByTestId('verdict').getAttribute('data-light')).toBe('amber');
    expect(
      await page
        .locator('[data-testid="pick-line"][data-modem="second-line-1"]')
        .getAttribute('aria-pressed'),
    ).toBe('true');
  }, 60_000);

  it('reboots a modem with the reboot right and shows the fresh verdict, announced', async () => {
    await tabTo(page.getByRole('button', { name: 'Wyloguj się' }), { back: true });
    await page.keyboard.press('Enter');
    await focusMovesTo('sign-in-title');
    await tabTo(page.getByLabel('Klucz API agenta'));
    await page.keyboard.type(REBOOT_KEY);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Weryfikacja rozmówcy' }).waitFor(WAIT);
    const customer = await customerOf(line.reboot);
    await verify(customer.customerNumber, { fullName: customer.fullName });
    await lineShown(line.reboot, 'TEXTBOOK_OK');

    await tabTo(page.getByTestId('reboot-button'));
    await page.keyboard.press('Enter');
    const status = page.getByTestId('reboot-status');
    await page.locator('[data-testid="reboot-status"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await status.innerText()).toBe('Modem wrócił. Po restarcie: Linia sprawna.');
    await page.getByTestId('announcer').filter({ hasText: 'Modem wrócił' }).waitFor(WAIT);
    // The line's answer is the fresh reading after the reboot.
    expect(await page.getByTestId('verdict').getAttribute('data-verdict')).toBe('TEXTBOOK_OK');
    await shot('06-reboot.png');
  }, 90_000);

  it('switches to English and back by keyboard', async () => {
    await tabTo(page.getByTestId('lang-en'), { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Customer call' }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('verdict').filter({ hasText: 'Line OK' }).waitFor(WAIT);
    await tabTo(page.getByTestId('lang-pl'), { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Rozmowa z klientem' }).waitFor(WAIT);
  }, 60_000);
});
