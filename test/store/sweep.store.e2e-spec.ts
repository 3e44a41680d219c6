import { MemorySweepStore } from '../../src/store/memory/memory-sweep.store';
import { RedisSweepStore } from '../../src/store/redis/redis-sweep.store';
import type { SweepStore } from '../../src/sweep/sweep.store';
import { BACKENDS, type Backend } from './store-fixtures';

describe.each(BACKENDS)('SweepStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: SweepStore;
  let clock: number;

  beforeEach(async () => {
    clock = 10_000_000;
    backend = await open();
    store = backend.space ? new RedisSweepStore(backend.space) : new MemorySweepStore(() => clock);
  });
  afterEach(() => backend.close());

  it('counts each modem of a sweep once, however often its chunk is retried, and marks it finished', async () => {
    await store.createSweep({
      id: 's1',
      scope: { kind: 'all' },
      trigger: 'api',
      total: 3,
      done: 0,
      failed: 0,
      byVerdict: {},
      createdAt: clock,
      finishedAt: null,
    });
    await store.recordSweepOutcomes(
      's1',
      [
        { modemId: 'a', verdict: 'TEXTBOOK_OK' },
        { modemId: 'b', verdict: null },
      ],
      clock + 1,
    );
    await store.recordSweepOutcomes(
      's1',
      [
        { modemId: 'a', verdict: 'TEXTBOOK_OK' },
        { modemId: 'b', verdict: 'MARGINAL' },
      ],
      clock + 2,
    );
    expect(await store.getSweep('s1')).toEqual(
      expect.objectContaining({ done: 1, failed: 1, byVerdict: { TEXTBOOK_OK: 1 }, finishedAt: null }),
    );
    await store.recordSweepOutcomes('s1', [{ modemId: 'c', verdict: 'LINE_FAULT' }], clock + 3);
    await store.recordSweepOutcomes('s1', [{ modemId: 'c', verdict: 'LINE_FAULT' }], clock + 4);
    expect(await store.getSweep('s1')).toEqual({
      id: 's1',
      scope: { kind: 'all' },
      trigger: 'api',
      total: 3,
      done: 2,
      failed: 1,
      byVerdict: { TEXTBOOK_OK: 1, LINE_FAULT: 1 },
      createdAt: clock,
      finishedAt: clock + 3,
    });
    expect((await store.listSweeps(10)).map((x) => x.id)).toEqual(['s1']);
    expect(await store.getSweep('nope')).toBeNull();
  });

  it('lists sweeps most recent first', async () => {
    for (const [id, at] of [
      ['early', clock],
      ['late', clock + 2],
      ['middle', clock + 1],
    ] as const) {
      await store.createSweep({
        id,
        scope: { kind: 'cmts', cmtsId: 'c1' },
        trigger: 'schedule',
        total: 1,
        done: 0,
        failed: 0,
        byVerdict: {},
        createdAt: at,
        finishedAt: null,
      });
    }
    expect((await store.listSweeps(2)).map((x) => x.id)).toEqual(['late', 'middle']);
  });

  it('keeps what an idempotent trigger did, by id', async () => {
    const trigger = { scope: { kind: 'all' }, sweepId: 'sw-1' };
    await store.putTrigger('key1:abc', trigger, 60);
    expect(await store.getTrigger('key1:abc')).toEqual(trigger);
    expect(await store.getTrigger('key1:other')).toBeNull();
  });
});
