import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from './test-app';

export interface PrivateRedisOptions {
  /** Every write fsynced to an append-only file in the data dir, so a stop and start loses nothing. */
  persistent?: boolean;
}

/** A redis-server of the test's own, for tests that break Redis on purpose. */
export class PrivateRedis {
  private child?: ChildProcess;
  /** Made on the first start (an instance never started leaves nothing behind), kept until stop(). */
  private dir = '';
  port = 0;

  constructor(private readonly options: PrivateRedisOptions = {}) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts on a free port; after halt(), starts again on the same port with the same data dir. */
  async start(): Promise<void> {
    if (this.port === 0) {
      this.port = await freeTcpPort();
    }
    this.dir ||= mkdtempSync(join(tmpdir(), 'linecheck-redis-'));
    const persistence = this.options.persistent
      ? ['--appendonly', 'yes', '--appendfsync', 'always']
      : ['--appendonly', 'no'];
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', this.dir],
      { stdio: 'ignore' },
    );
    const child = this.child;
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) {
        throw new Error(`private redis-server exited with ${child.exitCode} (port ${this.port} taken?)`);
      }
      if (
        spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout?.trim() ===
        'PONG'
      ) {
        return;
      }
      await sleep(50);
    }
    throw new Error('private redis-server did not start');
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** A real stop (SIGTERM: Redis closes every connection and exits), keeping the data dir for start(). */
  async halt(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    }
  }

  /** Stops the server for good and removes its data dir. */
  async stop(): Promise<void> {
    await this.halt();
    if (this.dir) {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
