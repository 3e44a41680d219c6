import { SweepStore, type SweepOutcome, type SweepState } from '../../sweep/sweep.store';
import { RedisDocs } from './redis-docs';
import type { RedisSpace } from './redis-space';

// Counts a sweep outcome once: the modem joins the sweep's seen-set, and only a first join moves the counters.
// KEYS: sweep hash, seen set. ARGV: now, then modemId/verdict pairs ("" = failed).
const RECORD_OUTCOMES = `
local added = 0
for i = 2, #ARGV, 2 do
  if redis.call('SADD', KEYS[2], ARGV[i]) == 1 then
    if ARGV[i + 1] == '' then
      redis.call('HINCRBY', KEYS[1], 'failed', 1)
    else
      redis.call('HINCRBY', KEYS[1], 'done', 1)
      redis.call('HINCRBY', KEYS[1], 'v:' .. ARGV[i + 1], 1)
    end
    added = added + 1
  end
end
local total = tonumber(redis.call('HGET', KEYS[1], 'total') or '0')
local counted = tonumber(redis.call('HGET', KEYS[1], 'done') or '0') + tonumber(redis.call('HGET', KEYS[1], 'failed') or '0')
if counted >= total then
  redis.call('HSETNX', KEYS[1], 'finishedAt', ARGV[1])
end
return added
`;
const SWEEP_TTL_SEC = 7 * 86_400;
const MAX_SWEEPS = 50;

/** Keys: sweep:{<id>}, sweep:{<id>}:seen (one slot per sweep), sweeps, doc:sweep-trigger:<id>. */
export class RedisSweepStore extends SweepStore {
  private readonly triggers: RedisDocs<unknown>;

  constructor(private readonly s: RedisSpace) {
    super();
    this.triggers = new RedisDocs(s, 'sweep-trigger');
  }

  async createSweep(sweep: SweepState): Promise<void> {
    const key = this.key(sweep.id);
    const sweeps = this.s.key('sweeps');
    // On a cluster the list of sweeps is another slot, written after the sweep: listSweeps() skips a missing one.
    await this.s.run(() =>
      this.s.write(
        [
          [
            key,
            (tx) =>
              tx
                .hset(key, {
                  scope: JSON.stringify(sweep.scope),
                  trigger: sweep.trigger,
                  total: sweep.total,
                  done: sweep.done,
                  failed: sweep.failed,
                  createdAt: sweep.createdAt,
                })
                .expire(key, SWEEP_TTL_SEC),
          ],
        ],
        [
          [
            sweeps,
            (tx) => tx.zadd(sweeps, sweep.createdAt, sweep.id).zremrangebyrank(sweeps, 0, -(MAX_SWEEPS + 1)),
          ],
        ],
      ),
    );
  }

  async recordSweepOutcomes(sweepId: string, outcomes: readonly SweepOutcome[], now: number): Promise<void> {
    const seen = this.key(sweepId, 'seen');
    const args = [String(now), ...outcomes.flatMap((o) => [o.modemId, o.verdict ?? ''])];
    await this.s.run(async () => {
      await this.s.redis.eval(RECORD_OUTCOMES, 2, this.key(sweepId), seen, ...args);
      await this.s.redis.expire(seen, SWEEP_TTL_SEC);
    });
  }

  async getSweep(id: string): Promise<SweepState | null> {
    const h = await this.s.run(() => this.s.redis.hgetall(this.key(id)));
    return h.total == null ? null : sweepFromHash(id, h);
  }

  async listSweeps(limit: number): Promise<SweepState[]> {
    const ids = await this.s.run(() => this.s.redis.zrevrange(this.s.key('sweeps'), 0, limit - 1));
    const sweeps = await Promise.all(ids.map((id) => this.getSweep(id)));
    return sweeps.filter((s): s is SweepState => s != null);
  }

  putTrigger(id: string, trigger: unknown, ttlSec: number): Promise<void> {
    return this.triggers.put(id, trigger, ttlSec);
  }

  async getTrigger<T>(id: string): Promise<T | null> {
    return (await this.triggers.get(id)) as T | null;
  }

  /** A sweep's hash and its seen set share the sweep's hash tag, so one script counts on both. */
  private key(sweepId: string, part?: 'seen'): string {
    return this.s.tagged('sweep', sweepId, part);
  }
}

function sweepFromHash(id: string, h: Record<string, string>): SweepState {
  const byVerdict: SweepState['byVerdict'] = {};
  for (const [k, v] of Object.entries(h)) {
    if (k.startsWith('v:')) {
      byVerdict[k.slice(2) as keyof SweepState['byVerdict']] = Number(v);
    }
  }
  return {
    id,
    scope: JSON.parse(h.scope) as SweepState['scope'],
    trigger: h.trigger as SweepState['trigger'],
    total: Number(h.total),
    done: Number(h.done ?? 0),
    failed: Number(h.failed ?? 0),
    byVerdict,
    createdAt: Number(h.createdAt),
    finishedAt: h.finishedAt == null ? null : Number(h.finishedAt),
  };
}
