#!/usr/bin/env node
// Builds the NOC dashboard: type-checks src/dashboard/web (JS with JSDoc types, its own tsconfig with the DOM),
// bundles it with esbuild into one minified app.js + app.css, and writes them with index.html to
// public/dashboard, which DashboardModule serves at /dashboard. `--no-check` skips the type check; `--sourcemap`
// adds app.js.map for development (never in a production build: it would publish the sources).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'src', 'dashboard', 'web');
const out = join(root, 'public', 'dashboard');

if (!process.argv.includes('--no-check')) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const check = spawnSync(process.execPath, [tsc, '-p', join(web, 'tsconfig.json')], { stdio: 'inherit' });
  if (check.status !== 0) {
    console.error('build:dashboard: the dashboard sources do not type-check');
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: join(web, 'main.js') },
  outdir: out,
  bundle: true,
  minify: true,
  sourcemap: process.argv.includes('--sourcemap'),
  format: 'esm',
  target: ['chrome109', 'firefox115', 'safari16', 'edge109'],
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of ['index.html', 'favicon.svg']) {
  copyFileSync(join(web, file), join(out, file));
}

const size = (name) => `${name} ${(statSync(join(out, name)).size / 1024).toFixed(1)} KB`;
console.log(`dashboard built into ${relative(root, out)}: ${['app.js', 'app.css'].map(size).join(', ')}`);
