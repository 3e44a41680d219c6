import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SweepService } from '../src/sweep/sweep.service';
import { eventually } from './support/eventually';
import { startTestApp } from './support/test-app';

// Without Redis, stopping the service does not wait for the sweep that is running (here the one at start, slowed
// down by its poll rate): the chunk in flight finishes, the chunks not started are given up on, and the sweep ends
// with those modems counted failed, so its counts stay whole (checked + failed = total).

/** A sweep at start over 400 simulated modems at 20 polls a second: it runs for many seconds. */
const SLOW_SWEEP_AT_START = {
  SIMULATOR_MODEMS: '400',
  SIMULATOR_V3_SHARE: '0',
  SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
  SWEEP_AT_START: 'true',
  SWEEP_INTERVAL_SEC: '3600',
  SWEEP_RATE_PER_SEC: '20',
  SWEEP_CHUNK_SIZE: '10',
  SWEEP_MAX_AGE_SEC: '0',
  DISCOVERY_INTERVAL_SEC: '0',
};

describe('stopping the service without Redis during a sweep', () => {
  it('ends the running sweep with the modems not checked counted failed, and real verdicts for the rest', async () => {
    const t = await startTestApp('memory', SLOW_SWEEP_AT_START);
    const sweeps = t.app.get(SweepService);
    const running = await eventually(async () => {
      const [sweep] = await sweeps.list(1);
      expect(sweep).toMatchObject({ trigger: 'start', status: 'running' });
      expect(sweep.done).toBeGreaterThan(0); // at least one chunk ran
      return sweep;
    });

    await t.close();

    const sweep = await sweeps.get(running.id);
    expect(sweep).toMatchObject({ status: 'finished', total: 400 });
    expect(sweep.done + sweep.failed).toBe(400);
    expect(sweep.failed).toBeGreaterThan(0);
    // The chunk that was let finish still had the simulated fleet to poll: its modems got their real verdicts.
    expect(sweep.byVerdict).toEqual({ TEXTBOOK_OK: sweep.done });
  }, 60_000);

  it('exits with code 0 on SIGTERM, logging what became of the sweep', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...SLOW_SWEEP_AT_START,
      PORT: '0',
      HOST: '127.0.0.1',
      SIMULATOR_ENABLED: 'true',
      SIMULATOR_PORT: '0',
      LOG_LEVEL: 'log',
    };
    delete env.REDIS_URL;
    const child = spawn(
      process.execPath,
      ['-r', join(__dirname, 'support', 'ts-register.js'), join(__dirname, '../src/main.ts')],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      const sweepId = await eventually(
        () => {
          const started = /sweep at start (sw-[\w-]+): 400 modems/.exec(output);
          expect(started).not.toBeNull();
          return started![1];
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );

      child.kill('SIGTERM');

      // A generous bound: this is about whether it exits, not how fast.
      const exit = await eventually(
        async () => {
          const result = await Promise.race([exited, Promise.resolve(null)]);
          expect(result).not.toBeNull();
          return result!;
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      expect(exit).toEqual({ code: 0, signal: null });
      const gaveUp = new RegExp(
        `gave up on a chunk of ${sweepId} \\((\\d+) modems\\): the service is shutting down`,
      ).exec(output);
      expect(gaveUp).not.toBeNull();
      const ended = new RegExp(`sweep ${sweepId} ended: (\\d+) checked, (\\d+) failed of 400`).exec(output);
      expect(ended).not.toBeNull();
      const [notStarted, checked, failed] = [gaveUp![1], ended![1], ended![2]].map(Number);
      expect(checked + failed).toBe(400);
      expect(notStarted).toBeGreaterThan(0);
      expect(failed).toBeGreaterThanOrEqual(notStarted);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
      }
    }
  }, 150_000);
});
