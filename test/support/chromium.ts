import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (playwright-core downloads no browser), or CHROMIUM_PATH. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with nothing of its own on the network; `extraArgs` e.g. host-resolver rules. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: the dashboard's browser tests need Debian's chromium package ` +
        '(apt-get install chromium; .ci/run installs it), or CHROMIUM_PATH pointing at a Chromium.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Where a browser test's screenshots go: the untracked .test-results/<name> by default, so a test run leaves the
 * clone clean; with UPDATE_SCREENSHOTS=1 the README's images in docs/<name>. Made if missing.
 */
export function screenshotsDir(name: string): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join(__dirname, '..', '..', 'docs', name)
      : join(__dirname, '..', '..', '.test-results', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A built web page's folder (public/dashboard, public/console), or a clear failure saying how to build it. */
export function requireBuiltPage(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `${dir}/index.html is missing: run the tests with npm test, which builds the web pages ` +
        '(npm run build:dashboard).',
    );
  }
}
