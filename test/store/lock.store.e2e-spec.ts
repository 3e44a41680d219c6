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
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push(await store.reserveSlots([{ key, intervalMs: 1000 }]));
    }
    // The Redis store uses Redis' clock, so a little real time passes between the calls.
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThan(900);
    expect(waits[1]).toBeLessThanOrEqual(1000);
    expect(waits[2]).toBeGreaterThan(1900);
    expect(waits[2]).toBeLessThanOrEqual(2000);
    // A second limit that is free still waits for the busy one, and is then held until the same start.
    const both = await store.reserveSlots([
      { key: `${key}-other`, intervalMs: 10 },
      { key, intervalMs: 1000 },
    ]);
    expect(both).toBeGreaterThan(2900);
    expect(await store.reserveSlots([{ key: `${key}-other`, intervalMs: 10 }])).toBeGreaterThan(2900);
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
