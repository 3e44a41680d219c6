import { randomBytes } from 'node:crypto';
import type { LockStore } from '../../src/common/lock.store';
import { MemoryLockStore } from '../../src/store/memory/memory-lock.store';
import { RedisLockStore } from '../../src/store/redis/redis-lock.store';
import { BACKENDS, type Backend } from './store-fixtures';

describe.each(BACKENDS)('LockStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: LockStore;

  beforeEach(async () => {
    backend = await open();
    store = backend.space ? new RedisLockStore(backend.space) : new MemoryLockStore();
  });
  afterEach(() => backend.close());

  it('reserves rate-limit slots one interval apart, on every given limit at once', async () => {
    const key = `r-${randomBytes(3).toString('hex')}`;
    // Each reservation's slot (the time it may start) lies between [before + wait, after + wait] of its call, by
    // the local clock; the Redis store reads Redis' clock, so 2 ms of slack for the two clocks' granularity. Nothing
    // here depends on how fast the calls are.
    const SLACK_MS = 2;
    interface Reservation {
      wait: number;
      earliest: number;
      latest: number;
    }
    const reserve = async (limits: { key: string; intervalMs: number }[]): Promise<Reservation> => {
      const before = Date.now();
      const wait = await store.reserveSlots(limits);
      const after = Date.now();
      return { wait, earliest: before + wait - SLACK_MS, latest: after + wait + SLACK_MS };
    };
    const slots: Reservation[] = [];
    for (let i = 0; i < 3; i++) {
      slots.push(await reserve([{ key, intervalMs: 1000 }]));
    }
    expect(slots[0].wait).toBe(0);
    /** Whether slot b can be exactly `gap` after slot a, given what the clock saw of both calls. */
    const apart = (a: Reservation, b: Reservation, gap: number): boolean =>
      b.latest - a.earliest >= gap && b.earliest - a.latest <= gap;
    expect(apart(slots[0], slots[1], 1000)).toBe(true);
    expect(apart(slots[0], slots[2], 2000)).toBe(true);
    // A second limit that is free still waits for the busy one, and is then held until the same start.
    const both = await reserve([
      { key: `${key}-other`, intervalMs: 10 },
      { key, intervalMs: 1000 },
    ]);
    expect(apart(slots[0], both, 3000)).toBe(true);
    const other = await reserve([{ key: `${key}-other`, intervalMs: 10 }]);
    expect(apart(both, other, 10)).toBe(true);
  });

  it('lets exactly one caller claim a scheduling slot until it expires', async () => {
    expect(await store.claimSlot('sweep:42', 60)).toBe(true);
    expect(await store.claimSlot('sweep:42', 60)).toBe(false);
    expect(await store.claimSlot('sweep:43', 60)).toBe(true);
  });

  it('grants the poll lock to one caller at a time (always, for the single-instance store)', async () => {
    expect(await store.tryLockPoll('m6', 5000)).toBe(true);
    const second = await store.tryLockPoll('m6', 5000);
    expect(second).toBe(backend.kind === 'memory');
    await store.unlockPoll('m6');
    expect(await store.tryLockPoll('m6', 5000)).toBe(true);
  });
});
