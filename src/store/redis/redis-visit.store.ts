import type { DecisionRecord, Visit, VisitOutcome } from '../../domain/visit';
import { VisitStore, type VisitWrite, type VisitWriteResult } from '../../visits/visit.store';
import type { RedisSpace } from './redis-space';

/** Every key of the outcome loop shares this hash tag, so one script writes a decision or a batch of visits. */
const TAG = 'outcomes';
/** Decisions dropped past retention per write: the log is trimmed as it grows, never in one long script. */
const TRIM_BATCH = 100;

// KEYS: dec (hash ref → JSON), decs (zset of refs by at), decm:<modem> (zset of ats by at).
// ARGV: ref ("<modemId>|<at>"), at, JSON, cut-off (ms), the per-modem key's prefix, trim batch.
// New decisions only (a cache answer of the same reading keeps the first); then the oldest past retention go.
const RECORD_DECISION = `
local added = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3])
if added == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  redis.call('ZADD', KEYS[3], ARGV[2], ARGV[2])
end
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4], 'LIMIT', 0, tonumber(ARGV[6]))
for _, ref in ipairs(old) do
  local bar = string.find(ref, '|', 1, true)
  redis.call('HDEL', KEYS[1], ref)
  redis.call('ZREM', KEYS[2], ref)
  redis.call('ZREM', ARGV[5] .. string.sub(ref, 1, bar - 1), string.sub(ref, bar + 1))
end
return added
`;

// KEYS: visit (hash id → JSON), visits (zset of ids by visitedAt), visitext (hash external id → "<content>\\n<id>"),
// then the per-modem zset of each visit. ARGV: per visit: id, visitedAt, external id ("" none), content, JSON.
// Checks every visit first; writes only when none conflicts. Returns outcome and the JSON it refers to, per visit.
const RECORD_VISITS = `
local n = #ARGV / 5
local out = {}
local pending = {}
local conflict = false
for i = 1, n do
  local b = (i - 1) * 5
  local ext, content, json = ARGV[b + 3], ARGV[b + 4], ARGV[b + 5]
  local outcome, ref = 'created', json
  if ext ~= '' then
    local earlier = pending[ext]
    if earlier then
      ref = earlier[2]
      outcome = earlier[1] == content and 'duplicate' or 'conflict'
    else
      local stored = redis.call('HGET', KEYS[3], ext)
      if stored then
        local nl = string.find(stored, '\\n', 1, true)
        ref = redis.call('HGET', KEYS[1], string.sub(stored, nl + 1))
        outcome = string.sub(stored, 1, nl - 1) == content and 'duplicate' or 'conflict'
      else
        pending[ext] = { content, json }
      end
    end
  end
  if outcome == 'conflict' then conflict = true end
  out[#out + 1] = outcome
  out[#out + 1] = ref
end
if not conflict then
  for i = 1, n do
    if out[2 * i - 1] == 'created' then
      local b = (i - 1) * 5
      local id, at, ext, content, json = ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4], ARGV[b + 5]
      redis.call('HSET', KEYS[1], id, json)
      redis.call('ZADD', KEYS[2], at, id)
      redis.call('ZADD', KEYS[3 + i], at, id)
      if ext ~= '' then redis.call('HSET', KEYS[3], ext, content .. '\\n' .. id) end
    end
  end
end
return out
`;

/**
 * Keys (one hash tag, {outcomes}): dec:{outcomes} HASH "<modemId>|<at>" → decision JSON, decs:{outcomes} ZSET of
 * those refs by at, decm:{outcomes}:<modemId> ZSET of the modem's decision times; visit:{outcomes} HASH id → visit
 * JSON, visits:{outcomes} ZSET of ids by visitedAt, visitm:{outcomes}:<modemId> ZSET of the modem's visit ids,
 * visitext:{outcomes} HASH external id → "<content>\n<id>". One slot: the log is call-centre volume, not sweeps'.
 */
export class RedisVisitStore extends VisitStore {
  constructor(
    private readonly s: RedisSpace,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  private key(kind: string, part?: string): string {
    return this.s.tagged(kind, TAG, part);
  }

  async recordDecision(decision: DecisionRecord, retentionSec: number): Promise<boolean> {
    const added = await this.s.run(() =>
      this.s.redis.eval(
        RECORD_DECISION,
        3,
        this.key('dec'),
        this.key('decs'),
        this.key('decm', decision.modemId),
        refOf(decision),
        decision.at,
        JSON.stringify(decision),
        this.now() - retentionSec * 1000,
        this.key('decm', ''),
        TRIM_BATCH,
      ),
    );
    return added === 1;
  }

  async decisions(refs: readonly { modemId: string; at: number }[]): Promise<(DecisionRecord | null)[]> {
    if (refs.length === 0) {
      return [];
    }
    const rows = await this.s.run(() => this.s.redis.hmget(this.key('dec'), ...refs.map(refOf)));
    return rows.map((r) => (r == null ? null : (JSON.parse(r) as DecisionRecord)));
  }

  async latestDecision(modemId: string, sinceMs: number, untilMs: number): Promise<DecisionRecord | null> {
    const [at] = await this.s.run(() =>
      this.s.redis.zrevrangebyscore(this.key('decm', modemId), untilMs, sinceMs, 'LIMIT', 0, 1),
    );
    return at == null ? null : ((await this.decisions([{ modemId, at: Number(at) }]))[0] ?? null);
  }

  async decisionsBetween(fromMs: number, toMs: number): Promise<DecisionRecord[]> {
    const refs = await this.s.run(() => this.s.redis.zrangebyscore(this.key('decs'), fromMs, `(${toMs}`));
    if (refs.length === 0) {
      return [];
    }
    const rows = await this.s.run(() => this.s.redis.hmget(this.key('dec'), ...refs));
    return rows.flatMap((r) => (r == null ? [] : [JSON.parse(r) as DecisionRecord]));
  }

  async recordVisits(writes: readonly VisitWrite[]): Promise<VisitWriteResult[]> {
    if (writes.length === 0) {
      return [];
    }
    const keys = [
      this.key('visit'),
      this.key('visits'),
      this.key('visitext'),
      ...writes.map((w) => this.key('visitm', w.visit.modemId)),
    ];
    const args = writes.flatMap(({ visit, content }) => [
      visit.id,
      visit.visitedAt,
      visit.externalId ?? '',
      content,
      JSON.stringify(visit),
    ]);
    const out = (await this.s.run(() =>
      this.s.redis.eval(RECORD_VISITS, keys.length, ...keys, ...args),
    )) as string[];
    return writes.map((_, i) => ({
      outcome: out[2 * i] as VisitOutcome,
      visit: JSON.parse(out[2 * i + 1]) as Visit,
    }));
  }

  async visitsOf(modemId: string): Promise<Visit[]> {
    return this.visitsByIds(await this.s.run(() => this.s.redis.zrange(this.key('visitm', modemId), 0, -1)));
  }

  async visitsBetween(fromMs: number, toMs: number): Promise<Visit[]> {
    return this.visitsByIds(
      await this.s.run(() => this.s.redis.zrangebyscore(this.key('visits'), fromMs, `(${toMs}`)),
    );
  }

  private async visitsByIds(ids: string[]): Promise<Visit[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.s.run(() => this.s.redis.hmget(this.key('visit'), ...ids));
    return rows.flatMap((r) => (r == null ? [] : [JSON.parse(r) as Visit]));
  }
}

function refOf(d: { modemId: string; at: number }): string {
  return `${d.modemId}|${d.at}`;
}
