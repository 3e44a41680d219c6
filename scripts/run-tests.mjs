#!/usr/bin/env node
// The test command: builds the NOC dashboard once (its browser tests load it), starts a private redis-server on a
// free port (never the machine's own Redis), runs jest with that URL in TEST_REDIS_URL, stops Redis, and prints
// "tests: N passed, N failed" from jest's JSON result.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForRedis(port, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) {
      throw new Error(`redis-server exited with ${child.exitCode}`);
    }
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('redis-server did not answer PING within 10 s');
}

const dashboard = spawnSync(process.execPath, ['scripts/build-dashboard.mjs'], { stdio: 'inherit' });
if (dashboard.status !== 0) {
  console.error('the dashboard did not build (npm run build:dashboard)');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'linecheck-test-'));
const port = await freePort();
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', work, '--logfile', join(work, 'redis.log')],
  { stdio: 'ignore' },
);
let exitCode = 1;
try {
  await waitForRedis(port, redis);
  const resultFile = join(work, 'jest.json');
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, TEST_REDIS_URL: `redis://127.0.0.1:${port}`, TZ: 'UTC' } },
  );
  let passed = 0;
  let failed = 0;
  try {
    const result = JSON.parse(readFileSync(resultFile, 'utf8'));
    passed = result.numPassedTests;
    failed = result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  } catch {
    failed = 1;
  }
  exitCode = jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1;
  console.log(`tests: ${passed} passed, ${failed} failed`);
} catch (error) {
  console.error(String(error));
  console.log('tests: 0 passed, 1 failed');
} finally {
  redis.kill('SIGTERM');
  await new Promise((r) => (redis.exitCode !== null ? r() : redis.once('exit', r)));
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
