import { LockStore } from '../../common/lock.store';

/** Locks and slots in this process (single instance). Same contract as RedisLockStore. */
export class MemoryLockStore extends LockStore {
  private readonly slots = new Map<string, number>();
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  /** One instance: the caller coalesces concurrent polls of a modem in memory, so the lock is always free. */
  tryLockPoll(): Promise<boolean> {
    return Promise.resolve(true);
  }

  unlockPoll(): Promise<void> {
    return Promise.resolve();
  }

  claimSlot(slot: string, ttlSec: number): Promise<boolean> {
    const now = this.now();
    const held = this.slots.get(slot);
    if (held != null && held > now) {
      return Promise.resolve(false);
    }
    this.slots.set(slot, now + ttlSec * 1000);
    return Promise.resolve(true);
  }

  reserveSlots(limits: readonly { key: string; intervalMs: number }[]): Promise<number> {
    const now = this.now();
    const start = Math.max(now, ...limits.map((l) => this.nextFree.get(l.key) ?? 0));
    for (const l of limits) {
      this.nextFree.set(l.key, start + l.intervalMs);
    }
    return Promise.resolve(start - now);
  }
}
