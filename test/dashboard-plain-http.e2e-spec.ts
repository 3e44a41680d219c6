import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { startTestApp, type TestApp } from './support/test-app';

// The NOC dashboard as it is usually opened inside an ISP's network: by host name, over plain HTTP, with no TLS
// proxy in front. The service listens on 127.0.0.2 and Chromium maps the name linecheck.test to it (no
// /etc/hosts needed). Headers that push a browser to https (HSTS, upgrade-insecure-requests) would send the
// page's own script and styles to an https port nobody serves, and the page would stay blank.

const HOST = 'linecheck.test';
const NOC_KEY = 'plain-noc-0123456789abcdefghijklmnopq';
const WAIT = { timeout: 45_000 };

describe('dashboard over plain HTTP by host name', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('memory', {
      HOST: '127.0.0.2',
      API_KEYS: `plain-noc:noc:${NOC_KEY}`,
      SIMULATOR_MODEMS: '8',
    });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    base = `http://${HOST}:${port}`;
    browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.2`]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('loads every asset over http, renders the sign-in form, and signs in', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const failed: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    // In English (the page's default is Polish): the assertions read its English labels.
    const res = await page.goto(`${base}/dashboard/?lang=en`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['strict-transport-security']).toBeUndefined();
    expect(res?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const keyInput = page.getByLabel('NOC API key');
    await keyInput.waitFor(WAIT);
    await keyInput.fill(NOC_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('node-tile').first().waitFor(WAIT);

    const own = requested.filter((u) => new URL(u).hostname === HOST);
    expect(own).toEqual(expect.arrayContaining([`${base}/dashboard/app.js`, `${base}/dashboard/app.css`]));
    expect(own.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(failed).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(page.url().startsWith(`${base}/dashboard/`)).toBe(true);
    await page.close();
  });
});
