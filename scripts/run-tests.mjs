#!/usr/bin/env node
// The test command: builds the NOC dashboard once (its browser tests load it), starts a private redis-server on a
// free port (never the machine's own Redis) and a private 3-master Redis Cluster on free loopback ports, runs jest
// with their URLs in TEST_REDIS_URL and TEST_REDIS_CLUSTER_URL, stops them (also when something failed), and prints
// "tests: N passed, N failed" from jest's JSON result.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** Whether this process could listen on the port on loopback right now. */
function canListen(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
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

/**
 * One master of the test cluster: a port P from 20000-29999 whose cluster bus port P + 10000 is free too (so never
 * 6379, nor the bus port of another Redis), tried again on other ports if the server cannot take them after all.
 */
async function startClusterNode(work, taken) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    if (taken.has(port) || !(await canListen(port)) || !(await canListen(port + 10000))) {
      continue;
    }
    const dir = join(work, `cluster-${port}`);
    mkdirSync(dir);
    const child = spawn(
      'redis-server',
      [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, 'nodes.conf'), '--cluster-node-timeout', '5000',
        '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', join(dir, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    try {
      await waitForRedis(port, child);
      taken.add(port);
      return { port, child };
    } catch {
      await stopServer(child);
    }
  }
  throw new Error('no free port pair (P, P + 10000) for a Redis Cluster node');
}

/** Three masters on loopback that share the 16384 slots, up once every node reports cluster_state:ok. */
async function startCluster(work) {
  const nodes = [];
  try {
    const taken = new Set();
    for (let i = 0; i < 3; i++) {
      nodes.push(await startClusterNode(work, taken));
    }
    const create = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (create.status !== 0) {
      throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    }
    for (let i = 0; ; i++) {
      const ok = nodes.every(
        (n) =>
          /cluster_state:ok/.test(
            spawnSync('redis-cli', ['-p', String(n.port), 'cluster', 'info'], { encoding: 'utf8' }).stdout ?? '',
          ),
      );
      if (ok) {
        break;
      }
      if (i === 200) {
        throw new Error('the Redis Cluster did not reach cluster_state:ok within 20 s');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      url: `redis+cluster://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}`,
      stop: () => Promise.all(nodes.map((n) => stopServer(n.child))),
    };
  } catch (error) {
    await Promise.all(nodes.map((n) => stopServer(n.child)));
    throw error;
  }
}

async function stopServer(child) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
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
let cluster;
try {
  await waitForRedis(port, redis);
  const clusterStart = Date.now();
  cluster = await startCluster(work);
  console.log(`Redis Cluster of 3 masters up in ${Date.now() - clusterStart} ms: ${cluster.url}`);
  const resultFile = join(work, 'jest.json');
  const jest = spawnSync(
    process.execPath,
    ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${resultFile}`, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        TEST_REDIS_URL: `redis://127.0.0.1:${port}`,
        TEST_REDIS_CLUSTER_URL: cluster.url,
        TZ: 'UTC',
      },
    },
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
  await Promise.all([stopServer(redis), cluster?.stop()]);
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
