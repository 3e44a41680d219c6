import { LockStore } from '../../common/lock.store';
import type { RedisSpace } from './redis-space';

// Virtual scheduling: each key holds the time its next event may start. The caller's start is the latest of
// those (and now); each key then moves one interval past it. Redis' own clock, so instances need not agree.
// KEYS: one per limit. ARGV: interval ms per key. Returns the wait in ms (a string: Lua numbers truncate).
const RESERVE_SLOTS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local start = now
for i = 1, #KEYS do
  local free = tonumber(redis.call('GET', KEYS[i]) or '0')
  if free > start then start = free end
end
for i = 1, #KEYS do
  local free = start + tonumber(ARGV[i])
  redis.call('SET', KEYS[i], string.format('%.3f', free), 'PX', math.ceil(free - now) + 1000)
end
return string.format('%.3f', start - now)
`;

/** Keys: lock:poll:<id>, slot:<name>, rate:{rates}:<limit> (every limit in one slot: one script reserves several). */
export class RedisLockStore extends LockStore {
  constructor(private readonly s: RedisSpace) {
    super();
  }

  async tryLockPoll(modemId: string, ttlMs: number): Promise<boolean> {
    const ok = await this.s.run(() =>
      this.s.redis.set(this.s.key('lock:poll', modemId), '1', 'PX', ttlMs, 'NX'),
    );
    return ok === 'OK';
  }

  async unlockPoll(modemId: string): Promise<void> {
    await this.s.run(() => this.s.redis.del(this.s.key('lock:poll', modemId)));
  }

  async claimSlot(slot: string, ttlSec: number): Promise<boolean> {
    return (
      (await this.s.run(() => this.s.redis.set(this.s.key('slot', slot), '1', 'EX', ttlSec, 'NX'))) === 'OK'
    );
  }

  async reserveSlots(limits: readonly { key: string; intervalMs: number }[]): Promise<number> {
    if (limits.length === 0) {
      return 0;
    }
    const wait = await this.s.run(() =>
      this.s.redis.eval(
        RESERVE_SLOTS,
        limits.length,
        ...limits.map((l) => this.s.tagged('rate', 'rates', l.key)),
        ...limits.map((l) => l.intervalMs),
      ),
    );
    return Number(wait);
  }
}
