import { Logger } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import { eventually } from '../../test/support/eventually';
import { lineCheckRig } from '../../test/support/unit-fakes';
import { NotFoundError, UnprocessableError } from '../common/app-errors';
import { StoreUnavailableError } from '../common/store-unavailable.error';
import { loadConfig } from '../config/app-config';
import { cmtsRow } from '../diagnosis/test-reading.factory';
import type { Membership, ModemRecord } from '../domain/modem-record';
import { MemorySweepStore } from '../store/memory/memory-sweep.store';
import { InProcessSweepRunner, SHUTDOWN_REASON, SweepRunner, type SweepChunk } from './sweep-runner';
import { SweepService } from './sweep.service';

/** Keeps what is submitted; `runAll()` runs it as a runner does: a chunk that throws is given up on (abandoned). */
class RecordingSweepRunner extends SweepRunner {
  readonly submitted: SweepChunk[][] = [];
  private readonly queue: SweepChunk[] = [];
  private readonly log = new Logger('RecordingSweepRunner');

  submit(chunks: SweepChunk[]): Promise<void> {
    this.submitted.push(chunks);
    this.queue.push(...chunks);
    return Promise.resolve();
  }

  async runAll(): Promise<void> {
    for (let chunk = this.queue.shift(); chunk; chunk = this.queue.shift()) {
      try {
        await this.processor!(chunk);
      } catch (error) {
        await this.abandon(chunk, error instanceof Error ? error.message : String(error), this.log);
      }
    }
  }

  depth(): Promise<{ waiting: number; active: number }> {
    return Promise.resolve({ waiting: this.queue.length, active: 0 });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** SweepService over a real LineCheckService, on the in-process stores, with fake SNMP pollers. */
async function setup<R extends SweepRunner = RecordingSweepRunner>(
  env: Record<string, string> = {},
  given?: R,
) {
  const config = loadConfig({ SWEEP_CHUNK_SIZE: '3', ...env });
  const { modems, cmtses, readings, locks, modemPoller, cmtsPoller, events, metrics, cmts, checks } =
    lineCheckRig(config);
  const sweepStore = new MemorySweepStore();
  const runner = given ?? (new RecordingSweepRunner() as SweepRunner as R);
  const service = new SweepService(
    config,
    checks,
    sweepStore,
    locks,
    modems,
    cmtses,
    runner,
    metrics,
    events,
  );
  service.onModuleInit();
  for (const id of ['cmts-1', 'cmts-2']) {
    await cmts.put(id, { host: `10.9.0.${id.slice(-1)}`, snmp: { version: '2c', community: 'public' } });
  }

  /** A modem on `cmtsId`, in node `group` (e.g. '1000.2') when given, else not yet placed by discovery. */
  const addModem = async (id: string, cmtsId = 'cmts-1', group?: string, mac?: string): Promise<void> => {
    const [mdIfIndex, sgId] = (group ?? '0.0').split('.').map(Number);
    const membership: Membership | undefined = group
      ? { cmtsId, mdIfIndex, sgId, regId: 1, seenAt: 0 }
      : undefined;
    const record: ModemRecord = {
      id,
      host: '10.1.0.1',
      port: 161,
      snmp: { version: '2c', community: 'public' },
      cmtsId,
      ...(mac ? { mac } : {}),
      ...(membership ? { membership } : {}),
      createdAt: 0,
      updatedAt: 0,
    };
    await modems.putModem(record);
  };
  /** `n` modems cm-<prefix>-1..n in one node. */
  const addNode = async (prefix: string, n: number, cmtsId: string, group?: string): Promise<string[]> => {
    const ids = Array.from({ length: n }, (_, i) => `cm-${prefix}-${i + 1}`);
    for (const id of ids) {
      await addModem(id, cmtsId, group);
    }
    return ids;
  };

  return {
    config,
    service,
    checks,
    runner,
    modems,
    readings,
    sweepStore,
    modemPoller,
    cmtsPoller,
    events,
    metrics,
    addModem,
    addNode,
  };
}

async function observations(histogram: Histogram): Promise<number> {
  const { values } = await histogram.get();
  return values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0;
}

describe(SweepService.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  describe('scope', () => {
    it('sweeps the whole fleet, one CMTS, or one node', async () => {
      const { service, runner, addNode } = await setup();
      const a = await addNode('a', 3, 'cmts-1', '1000.2');
      const b = await addNode('b', 2, 'cmts-1', '1000.3');
      const c = await addNode('c', 2, 'cmts-2', '2000.1');
      const swept = () =>
        runner.submitted
          .at(-1)!
          .flatMap((chunk) => chunk.modemIds)
          .sort();

      expect((await service.start({ kind: 'all' })).total).toBe(7);
      expect(swept()).toEqual([...a, ...b, ...c].sort());
      expect((await service.start({ kind: 'cmts', cmtsId: 'cmts-1' })).total).toBe(5);
      expect(swept()).toEqual([...a, ...b].sort());
      expect((await service.start({ kind: 'node', cmtsId: 'cmts-1', serviceGroupId: '1000.3' })).total).toBe(
        2,
      );
      expect(swept()).toEqual(b);
    });

    it('refuses an unknown CMTS or node and starts nothing', async () => {
      const { service, sweepStore, runner, addNode } = await setup();
      await addNode('a', 2, 'cmts-1', '1000.2');

      await expect(service.start({ kind: 'cmts', cmtsId: 'cmts-9' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        service.start({ kind: 'node', cmtsId: 'cmts-1', serviceGroupId: '1000.9' }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await sweepStore.listSweeps(10)).toEqual([]);
      expect(runner.submitted).toEqual([]);
    });

    it('finishes an empty sweep at once', async () => {
      const { service, runner } = await setup();

      const sweep = await service.start({ kind: 'cmts', cmtsId: 'cmts-2' });

      expect(sweep).toMatchObject({ total: 0, status: 'finished', etaSec: 0 });
      expect(runner.submitted).toEqual([[]]);
    });
  });

  describe('chunks', () => {
    it('deal the modems round-robin over their nodes, unplaced modems sharing one node per CMTS', async () => {
      const { service, runner, addNode } = await setup({ SWEEP_CHUNK_SIZE: '3' });
      const nodes = [
        await addNode('a', 4, 'cmts-1', '1000.2'),
        await addNode('b', 2, 'cmts-2', '2000.1'),
        await addNode('u', 2, 'cmts-1'),
      ];
      const nodeOf = new Map(nodes.flatMap((ids, node) => ids.map((id) => [id, node] as const)));

      await service.start({ kind: 'all' });

      const chunks = runner.submitted[0];
      expect(chunks.map((c) => c.modemIds.length)).toEqual([3, 3, 2]);
      const order = chunks.flatMap((c) => c.modemIds);
      expect([...order].sort()).toEqual(nodes.flat().sort());
      // The k-th modem of every node comes before the (k+1)-th of any node.
      const seen = new Map<number, number>();
      const rounds = order.map((id) => {
        const node = nodeOf.get(id)!;
        seen.set(node, (seen.get(node) ?? 0) + 1);
        return seen.get(node)! - 1;
      });
      expect(rounds).toEqual([0, 0, 0, 1, 1, 1, 2, 3]);
      expect(new Set(order.slice(0, 3).map((id) => nodeOf.get(id))).size).toBe(3);
    });

    it('are spread over SWEEP_SPREAD_SHARE of the interval for a scheduled sweep, not for an API one', async () => {
      const { service, runner, addNode } = await setup({
        SWEEP_CHUNK_SIZE: '2',
        SWEEP_INTERVAL_SEC: '100',
        SWEEP_SPREAD_SHARE: '0.5',
      });
      await addNode('a', 8, 'cmts-1', '1000.2');

      await service.start({ kind: 'all' }, 'schedule');
      await service.start({ kind: 'all' }, 'api');

      expect(runner.submitted[0].map((c) => c.delayMs)).toEqual([0, 12_500, 25_000, 37_500]);
      expect(runner.submitted[1].map((c) => 'delayMs' in c)).toEqual([false, false, false, false]);
    });
  });

  describe('counting', () => {
    it('counts every modem once by verdict and finishes the sweep after its last chunk', async () => {
      const { service, runner, modemPoller, events, metrics, addNode } = await setup();
      const ids = [...(await addNode('a', 4, 'cmts-1', '1000.2')), ...(await addNode('b', 3, 'cmts-2'))];

      const { id } = await service.start({ kind: 'all' });
      await runner.runAll();

      expect(await service.get(id)).toMatchObject({
        total: 7,
        done: 7,
        failed: 0,
        byVerdict: { TEXTBOOK_OK: 7 },
        status: 'finished',
        etaSec: 0,
      });
      expect([...modemPoller.polls].sort()).toEqual(ids.sort());
      expect(events.sweeps.map((e) => [e.done, e.finished])).toEqual([
        [3, false],
        [6, false],
        [7, true],
      ]);
      expect(await observations(metrics.sweepSeconds)).toBe(1);
      expect(service.stats).toEqual({ chunks: 3, modems: 7 });
    });

    it('counts a modem once when its chunk is processed twice (a retried chunk)', async () => {
      const { service, runner, modemPoller, metrics, addNode } = await setup();
      await addNode('a', 5, 'cmts-1', '1000.2');
      const { id } = await service.start({ kind: 'all' });
      const [first, last] = runner.submitted[0];

      await service.processChunk(first);
      await service.processChunk(first);
      expect(await service.get(id)).toMatchObject({ done: 3, failed: 0, status: 'running' });

      await service.processChunk(last);
      await service.processChunk(last);
      expect(await service.get(id)).toMatchObject({
        total: 5,
        done: 5,
        failed: 0,
        byVerdict: { TEXTBOOK_OK: 5 },
      });
      // The second run reused the readings of the first (SWEEP_MAX_AGE_SEC), and the duration was reported once.
      expect(modemPoller.polls).toHaveLength(5);
      expect(await observations(metrics.sweepSeconds)).toBe(1);
      expect(service.stats).toEqual({ chunks: 4, modems: 10 });
    });

    it('counts a modem whose check fails as failed, and the rest of its chunk as done', async () => {
      const { service, runner, modems, addNode } = await setup();
      const [gone] = await addNode('a', 3, 'cmts-1', '1000.2');
      const { id } = await service.start({ kind: 'all' });
      await modems.deleteModem(gone);

      await runner.runAll();

      expect(await service.get(id)).toMatchObject({ done: 2, failed: 1, status: 'finished' });
    });

    it('records nothing of a chunk the store failed, so that its retry counts it once', async () => {
      const { service, runner, readings, addNode } = await setup();
      await addNode('a', 3, 'cmts-1', '1000.2');
      const { id } = await service.start({ kind: 'all' });
      const [chunk] = runner.submitted[0];
      const save = jest
        .spyOn(readings, 'saveReading')
        .mockRejectedValue(new StoreUnavailableError('redis away'));

      await expect(service.processChunk(chunk)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await service.get(id)).toMatchObject({ done: 0, failed: 0, status: 'running' });

      save.mockRestore();
      await service.processChunk(chunk);
      expect(await service.get(id)).toMatchObject({ done: 3, failed: 0, status: 'finished' });
    });

    it('counts the modems of a chunk given up on as failed, never one counted before, and ends the sweep', async () => {
      const { service, runner, readings, addNode } = await setup({ SWEEP_CHUNK_SIZE: '2' });
      await addNode('a', 4, 'cmts-1', '1000.2');
      const { id } = await service.start({ kind: 'all' });
      const [first, second] = runner.submitted[0];
      await service.processChunk(first);
      jest.spyOn(readings, 'saveReading').mockRejectedValue(new StoreUnavailableError('redis away'));

      await runner.runAll(); // the first chunk again (counted already), then the second, which fails: abandoned
      await service.abandonChunk(first, 'gave up late');

      expect(await service.get(id)).toMatchObject({ total: 4, done: 2, failed: 2, status: 'finished' });
      expect(second.modemIds).toHaveLength(2);
    });
  });

  describe('checks in a sweep', () => {
    it('reuse readings younger than SWEEP_MAX_AGE_SEC', async () => {
      const { service, checks, runner, modemPoller, addNode } = await setup({ SWEEP_MAX_AGE_SEC: '300' });
      await addNode('a', 4, 'cmts-1', '1000.2');
      await checks.diagnosis('cm-a-1', 0);
      modemPoller.polls.length = 0;

      const { id } = await service.start({ kind: 'all' });
      await runner.runAll();

      expect(await service.get(id)).toMatchObject({ done: 4, failed: 0, byVerdict: { TEXTBOOK_OK: 4 } });
      expect([...modemPoller.polls].sort()).toEqual(['cm-a-2', 'cm-a-3', 'cm-a-4']);
    });

    it('walk each CMTS once for all its modems, and re-read no row', async () => {
      const { service, runner, modemPoller, cmtsPoller, addModem } = await setup({ SWEEP_CHUNK_SIZE: '2' });
      const rows = [1, 2, 3, 4, 5].map((n) => cmtsRow({ mac: `00:1d:d1:00:00:0${n}` }));
      cmtsPoller.plant.set('cmts-1', rows);
      cmtsPoller.snapshotAgeMs = 1_000;
      for (const [i, row] of rows.entries()) {
        await addModem(`cm-${i + 1}`, 'cmts-1', '1000.2', row.mac);
      }

      const { id } = await service.start({ kind: 'all' });
      await runner.runAll();

      expect(await service.get(id)).toMatchObject({ done: 5, failed: 0 });
      expect(modemPoller.polls).toHaveLength(5);
      expect(cmtsPoller.walks).toEqual(['cmts-1']);
      expect(cmtsPoller.rowReads).toEqual([]);
    });
  });

  describe('idempotent triggers', () => {
    it('gives every retry with the same key the first sweep, and refuses the key for another scope', async () => {
      const { service, runner, addNode } = await setup();
      await addNode('a', 2, 'cmts-1', '1000.2');

      const first = await service.startOnce({ kind: 'all' }, 'key-1', 'abc');
      const retry = await service.startOnce({ kind: 'all' }, 'key-1', 'abc');

      expect(first.replayed).toBe(false);
      expect(retry).toMatchObject({ replayed: true, sweep: { id: first.sweep.id } });
      expect(runner.submitted).toHaveLength(1);
      await expect(
        service.startOnce({ kind: 'cmts', cmtsId: 'cmts-1' }, 'key-1', 'abc'),
      ).rejects.toBeInstanceOf(UnprocessableError);
    });
  });

  describe('shutdown without Redis (in-process runner)', () => {
    /** Lets pending promise callbacks run (no timer involved). */
    const settle = () => new Promise((resolve) => setImmediate(resolve));

    it('lets the running chunk finish, runs no other, and ends its sweep with the rest counted failed', async () => {
      const runner = new InProcessSweepRunner();
      const { service, modemPoller, events, metrics, addNode } = await setup(
        { SWEEP_CHUNK_SIZE: '2', SWEEP_CONCURRENCY: '2' },
        runner,
      );
      await addNode('a', 6, 'cmts-1', '1000.2');
      await addNode('b', 6, 'cmts-2', '2000.1');
      const abandon = jest.spyOn(service, 'abandonChunk');
      modemPoller.gate.hold();

      const { id } = await service.start({ kind: 'all' });
      await modemPoller.gate.started(2); // the first chunk's two polls are in flight
      let closed = false;
      const closing = runner.close().then(() => (closed = true));
      await settle();
      expect(closed).toBe(false); // it waits for the running chunk...
      modemPoller.gate.release();
      await closing; // ...and for nothing else

      expect(modemPoller.polls).toHaveLength(2);
      expect(service.stats).toEqual({ chunks: 1, modems: 2 });
      const sweep = await service.get(id);
      expect(sweep).toMatchObject({ total: 12, done: 2, failed: 10, status: 'finished' });
      expect(sweep.done + sweep.failed).toBe(sweep.total);
      // The five chunks not started are given up on in one go, with the cause.
      expect(abandon).toHaveBeenCalledTimes(1);
      const [[rest, reason]] = abandon.mock.calls;
      expect(rest).toMatchObject({ sweepId: id });
      expect(rest.modemIds).toHaveLength(10);
      expect(rest.modemIds).not.toEqual(expect.arrayContaining([modemPoller.polls[0]]));
      expect(reason).toBe(SHUTDOWN_REASON);
      expect(events.sweeps.at(-1)).toEqual({ sweepId: id, total: 12, done: 2, failed: 10, finished: true });
      // A sweep cut short reports no duration.
      expect(await observations(metrics.sweepSeconds)).toBe(0);
    });

    it('does not wait for the delayed chunks of a scheduled sweep, and ends a sweep started after it closed', async () => {
      const runner = new InProcessSweepRunner();
      const { service, modemPoller, addNode } = await setup(
        { SWEEP_CHUNK_SIZE: '2', SWEEP_INTERVAL_SEC: '3600', SWEEP_SPREAD_SHARE: '0.5' },
        runner,
      );
      await addNode('a', 6, 'cmts-1', '1000.2');

      const scheduled = await service.start({ kind: 'all' }, 'schedule');
      await eventually(() => expect(service.stats.chunks).toBe(1)); // the first chunk starts at once
      await runner.close(); // the next two would start 10 and 20 minutes later

      expect(modemPoller.polls).toHaveLength(2);
      expect(await service.get(scheduled.id)).toMatchObject({
        total: 6,
        done: 2,
        failed: 4,
        status: 'finished',
      });
      expect(await runner.depth()).toEqual({ waiting: 0, active: 0 });

      const late = await service.start({ kind: 'all' });
      expect(await service.get(late.id)).toMatchObject({ total: 6, done: 0, failed: 6, status: 'finished' });
      expect(modemPoller.polls).toHaveLength(2);
    });
  });
});
