#!/usr/bin/env node
// Builds the web pages: the NOC dashboard and the call-centre agent's console. Type-checks src/dashboard/web (JS
// with JSDoc types, its own tsconfig with the DOM), bundles each page with esbuild into one minified app.js +
// app.css, and writes them with the page's index.html to public/dashboard and public/console, which DashboardModule
// serves at /dashboard and /console. `--no-check` skips the type check; `--sourcemap` adds app.js.map for
// development (never in a production build: it would publish the sources).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'src', 'dashboard', 'web');

/** Each page: its entry, its own index.html, and where it is written. Both share web/ (api, i18n) and favicon. */
const PAGES = [
  {
    name: 'dashboard',
    entry: join(web, 'main.js'),
    html: join(web, 'index.html'),
    out: join(root, 'public', 'dashboard'),
  },
  {
    name: 'console',
    entry: join(web, 'console', 'main.js'),
    html: join(web, 'console', 'index.html'),
    out: join(root, 'public', 'console'),
  },
];

if (!process.argv.includes('--no-check')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const check = spawnSync(process.execPath, [tsc, '-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });
  if (check.status !== 0) {
    console.error('build:dashboard: the web pages’ sources do not type-check');
    process.exit(1);
  }
}

for (const page of PAGES) {
  rmSync(page.out, { recursive: true, force: true });
  mkdirSync(page.out, { recursive: true });
  await build({
    entryPoints: { app: page.entry },
    outdir: page.out,
    bundle: true,
    minify: true,
    sourcemap: process.argv.includes('--sourcemap'),
    format: 'esm',
    target: ['chrome109', 'firefox115', 'safari16', 'edge109'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  copyFileSync(page.html, join(page.out, 'index.html'));
  copyFileSync(join(web, 'favicon.svg'), join(page.out, 'favicon.svg'));
  const size = (name) => `${name} ${(statSync(join(page.out, name)).size / 1024).toFixed(1)} KB`;
  console.log(
    `${page.name} built into ${relative(root, page.out)}: ${['app.js', 'app.css'].map(size).join(', ')}`,
  );
}
