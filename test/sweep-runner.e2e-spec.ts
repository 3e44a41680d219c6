import { randomBytes } from 'node:crypto';
import { BullMqSweepRunner } from '../src/store/bullmq-sweep-runner';
import { bullConnection } from '../src/store/redis-connection';
import { InProcessSweepRunner, type SweepChunk } from '../src/sweep/sweep-runner';
import { eventually } from './support/eventually';
import { testRedisUrl } from './support/test-app';

// A chunk whose every try fails is given up on exactly once, so its sweep can still end (its modems counted as
// failed) instead of showing "running" for good; a chunk that fails once and then succeeds is not.

// BullMQ retries (here 3 tries, 50 ms apart and doubling) before giving up on a chunk.
describe('BullMQ runner on Redis', () => {
  let runner: BullMqSweepRunner;
  const tries = new Map<string, number>();
  const abandoned: { chunk: SweepChunk; reason: string }[] = [];
  const completed: string[] = [];

  beforeAll(() => {
    runner = new BullMqSweepRunner(
      bullConnection(testRedisUrl()),
      `test-${randomBytes(4).toString('hex')}:bull`,
      { worker: true, chunkConcurrency: 2, lockMs: 30_000, attempts: 3, backoffMs: 50 },
    );
    runner.setProcessor(
      (chunk) => {
        const n = (tries.get(chunk.sweepId) ?? 0) + 1;
        tries.set(chunk.sweepId, n);
        if (chunk.sweepId.startsWith('always-fails') || (chunk.sweepId.startsWith('fails-once') && n === 1)) {
          return Promise.reject(new Error(`try ${n} failed`));
        }
        completed.push(chunk.sweepId);
        return Promise.resolve();
      },
      (chunk, reason) => {
        abandoned.push({ chunk, reason });
        return Promise.resolve();
      },
    );
  });
  afterAll(() => runner.close());

  it('gives a chunk up once, after its last try, and never one that recovers', async () => {
    const id = randomBytes(3).toString('hex');
    await runner.submit([
      { sweepId: `always-fails-${id}`, modemIds: ['m1', 'm2'] },
      { sweepId: `fails-once-${id}`, modemIds: ['m3'] },
      { sweepId: `fine-${id}`, modemIds: ['m4'] },
    ]);
    // The chunks settle, and the queue is empty: no try is waiting or delayed, so nothing more can arrive.
    await eventually(
      async () => {
        expect([abandoned.length, completed.length]).toEqual([1, 2]);
        expect(await runner.depth()).toEqual({ waiting: 0, active: 0 });
      },
      { timeoutMs: 10_000 },
    );
    expect(abandoned).toEqual([
      {
        chunk: expect.objectContaining({ sweepId: `always-fails-${id}`, modemIds: ['m1', 'm2'] }),
        reason: expect.stringMatching(/failed/),
      },
    ]);
    expect(tries.get(`always-fails-${id}`)).toBe(3);
    expect(completed.sort()).toEqual([`fails-once-${id}`, `fine-${id}`].sort());
  });
});

describe('in-process runner (no Redis)', () => {
  it('gives a failing chunk up at once and goes on with the next', async () => {
    const runner = new InProcessSweepRunner();
    const abandoned: string[] = [];
    const completed: string[] = [];
    runner.setProcessor(
      (chunk) => {
        if (chunk.sweepId === 'bad') {
          return Promise.reject(new Error('store away'));
        }
        completed.push(chunk.sweepId);
        return Promise.resolve();
      },
      (chunk, reason) => {
        abandoned.push(`${chunk.sweepId}: ${reason}`);
        return Promise.resolve();
      },
    );
    await runner.submit([
      { sweepId: 'bad', modemIds: ['m1'] },
      { sweepId: 'good', modemIds: ['m2'] },
    ]);
    // close() would give up on a chunk not started yet: wait for both to be done first.
    await eventually(() => expect(abandoned.length + completed.length).toBe(2));
    await runner.close();
    expect(abandoned).toEqual(['bad: store away']);
    expect(completed).toEqual(['good']);
  });
});
