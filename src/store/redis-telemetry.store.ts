import type { RetentionPolicy } from '../config/app-config';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { CounterSnapshot, HistoryEntry } from '../domain/diagnosis';
import { groupKey, type CmtsRecord, type ModemRecord } from '../domain/modem-record';
import {
  decodeCounters,
  decodeHistory,
  decodeJson,
  decodePacked,
  encodeCounters,
  encodeHistory,
  encodeJson,
  encodePacked,
} from './reading-codec';
import {
  StoreUnavailableError,
  TelemetryStore,
  type AuditEntry,
  type StoredReading,
  type SweepOutcome,
  type SweepState,
  type VerdictSummary,
} from './telemetry-store';

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
// Keeps one codeword snapshot per spacing interval, drops those older than the window, in one round trip.
// KEYS: snapshot zset. ARGV: at, spacing ms, member, drop-before ms, ttl sec.
const ADD_COUNTER_SNAPSHOT = `
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if #newest == 0 or tonumber(ARGV[1]) - tonumber(newest[2]) >= tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 0
`;
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
const SWEEP_TTL_SEC = 7 * 86_400;
const MAX_SWEEPS = 50;

/**
 * Redis layout (all under the configured prefix):
 *   modem:<id>    JSON inventory record          modems        ZSET of ids (score 0: lexical order)
 *   latest:<id>   packed latest reading, EX ttl    hist:<id>     ZSET compact history entries by time
 *   cw:<id>       ZSET packed codeword snapshots lock:poll:<id> poll guard, PX ttl
 *   mac:<mac>     modem id                       vd:<id>       latest verdict summary (JSON), EX ttl
 *   cmts:<id>     JSON CMTS record               cmtses        ZSET of CMTS ids
 *   grp:<cmts>:<md.sg>  SET of modem ids          grps:<cmts>   SET of group keys
 *   sweep:<id>    HASH progress counters         sweep:<id>:seen SET of counted modem ids
 *   sweeps        ZSET of sweep ids by start     slot:<name>   scheduling claim, EX ttl
 *   rate:<limit>  next free time (ms) of a rate limit
 *   cust:<number> SET of modem ids of a customer  audit         ZSET of audit entries by time
 *   doc:<kind>:<id> JSON document (keys, tokens, actions), docs:<kind> SET of its ids
 *   count:<kind>:<id> counter expiring after its first count (verification failures)
 */
/** The modems being asked about right now; older entries are dropped first. */
const DECODED_LATEST_MAX = 2000;

export class RedisTelemetryStore extends TelemetryStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;
  /**
   * Decoded latest readings, reused while Redis returns the very same bytes: repeated cached diagnoses skip the
   * inflate and deserialise (and their garbage). Always checked against what Redis holds, so never stale.
   */
  private readonly decodedLatest = new Map<string, { raw: Buffer; value: StoredReading }>();

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly retention: RetentionPolicy,
    private readonly now: () => number = Date.now,
  ) {
    super();
    // Fail fast while Redis is away instead of queueing requests behind a reconnect: callers answer 503.
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // A Redis that stops answering (paused, overloaded) must not hold requests: fail them after this.
      commandTimeout: 1500,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined);
  }

  /** First connection: a configured Redis that cannot be reached at start stops the start. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (error) {
      this.redis.disconnect();
      throw new StoreUnavailableError(
        `cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async putModem(record: ModemRecord): Promise<void> {
    const previous = await this.getModem(record.id);
    const tx = this.redis.multi();
    this.unindex(tx, previous);
    tx.set(this.key('modem', record.id), encodeJson(record)).zadd(this.key('modems'), 0, record.id);
    if (record.mac) {
      tx.set(this.key('mac', record.mac), record.id);
    }
    if (record.customer) {
      tx.sadd(this.key('cust', record.customer.customerNumber), record.id);
    }
    const m = record.membership;
    if (m) {
      tx.sadd(this.key('grp', `${m.cmtsId}:${groupKey(m)}`), record.id).sadd(
        this.key('grps', m.cmtsId),
        groupKey(m),
      );
    }
    await this.run(() => tx.exec());
  }

  private unindex(tx: ReturnType<Redis['multi']>, record: ModemRecord | null): void {
    if (record?.mac) {
      tx.del(this.key('mac', record.mac));
    }
    if (record?.customer) {
      tx.srem(this.key('cust', record.customer.customerNumber), record.id);
    }
    const m = record?.membership;
    if (record && m) {
      tx.srem(this.key('grp', `${m.cmtsId}:${groupKey(m)}`), record.id);
    }
  }

  async getModems(ids: readonly string[]): Promise<ModemRecord[]> {
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.run(() => this.redis.mget(ids.map((id) => this.key('modem', id))));
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<ModemRecord>(j));
  }

  async modemIdByMac(mac: string): Promise<string | null> {
    return this.run(() => this.redis.get(this.key('mac', mac)));
  }

  async modemIdsByCustomer(customerNumber: string): Promise<string[]> {
    return (await this.run(() => this.redis.smembers(this.key('cust', customerNumber)))).sort();
  }

  async groupMembers(cmtsId: string, group: string): Promise<string[]> {
    return (await this.run(() => this.redis.smembers(this.key('grp', `${cmtsId}:${group}`)))).sort();
  }

  async groups(cmtsId: string): Promise<string[]> {
    const keys = await this.run(() => this.redis.smembers(this.key('grps', cmtsId)));
    const sizes = await this.run(() =>
      Promise.all(keys.map((g) => this.redis.scard(this.key('grp', `${cmtsId}:${g}`)))),
    );
    return keys.filter((_, i) => sizes[i] > 0).sort();
  }

  async putCmts(record: CmtsRecord): Promise<void> {
    await this.run(() =>
      this.redis
        .multi()
        .set(this.key('cmts', record.id), encodeJson(record))
        .zadd(this.key('cmtses'), 0, record.id)
        .exec(),
    );
  }

  async getCmts(id: string): Promise<CmtsRecord | null> {
    const json = await this.run(() => this.redis.get(this.key('cmts', id)));
    return json ? decodeJson<CmtsRecord>(json) : null;
  }

  async deleteCmts(id: string): Promise<boolean> {
    const results = await this.run(() =>
      this.redis.multi().del(this.key('cmts', id)).zrem(this.key('cmtses'), id).exec(),
    );
    return Number(results?.[0]?.[1] ?? 0) > 0;
  }

  async listCmts(): Promise<CmtsRecord[]> {
    const ids = await this.run(() => this.redis.zrange(this.key('cmtses'), 0, -1));
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.run(() => this.redis.mget(ids.map((id) => this.key('cmts', id))));
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<CmtsRecord>(j));
  }

  async latestVerdicts(modemIds: readonly string[]): Promise<Map<string, VerdictSummary>> {
    const out = new Map<string, VerdictSummary>();
    if (modemIds.length === 0) {
      return out;
    }
    const jsons = await this.run(() => this.redis.mget(modemIds.map((id) => this.key('vd', id))));
    jsons.forEach((j, i) => {
      if (j) {
        out.set(modemIds[i], JSON.parse(j) as VerdictSummary);
      }
    });
    return out;
  }

  async getModem(id: string): Promise<ModemRecord | null> {
    const json = await this.run(() => this.redis.get(this.key('modem', id)));
    return json ? decodeJson<ModemRecord>(json) : null;
  }

  async deleteModem(id: string): Promise<boolean> {
    const previous = await this.getModem(id);
    const tx = this.redis.multi();
    tx.del(
      this.key('modem', id),
      this.key('latest', id),
      this.key('hist', id),
      this.key('cw', id),
      this.key('vd', id),
    );
    tx.zrem(this.key('modems'), id);
    tx.zrem(this.key('silent'), id);
    this.unindex(tx, previous);
    const results = await this.run(() => tx.exec());
    return Number(results?.[1]?.[1] ?? 0) > 0;
  }

  async listModems(offset: number, limit: number): Promise<{ total: number; items: ModemRecord[] }> {
    const [total, ids] = await this.run(() =>
      Promise.all([
        this.redis.zcard(this.key('modems')),
        this.redis.zrange(this.key('modems'), offset, offset + limit - 1),
      ]),
    );
    if (ids.length === 0) {
      return { total, items: [] };
    }
    const jsons = await this.run(() => this.redis.mget(ids.map((id) => this.key('modem', id))));
    const items = jsons.filter((j): j is string => j != null).map((j) => decodeJson<ModemRecord>(j));
    return { total, items };
  }

  async saveReading(
    stored: StoredReading,
    entry: HistoryEntry,
    counters: CounterSnapshot | null,
  ): Promise<void> {
    const id = stored.reading.modemId;
    const now = this.now();
    const r = this.retention;
    const hist = this.key('hist', id);
    const tx = this.redis
      .multi()
      .set(this.key('latest', id), encodePacked(stored), 'EX', r.readingTtlSec)
      .set(
        this.key('vd', id),
        JSON.stringify({
          verdict: stored.diagnosis.verdict,
          subKinds: stored.diagnosis.subKinds,
          at: stored.reading.observedAt,
        }),
        'EX',
        r.readingTtlSec,
      )
      .zadd(hist, entry.at, encodeHistory(entry))
      .zremrangebyscore(hist, '-inf', `(${now - r.historyRetentionSec * 1000}`)
      .zremrangebyrank(hist, 0, -(r.historyMaxEntries + 1))
      .expire(hist, r.historyRetentionSec);
    if (stored.reading.reachable) {
      tx.zrem(this.key('silent'), id);
    } else {
      tx.zadd(this.key('silent'), stored.reading.observedAt, id);
    }
    if (counters) {
      const keepSec = r.counterWindowSec + r.counterSpacingSec;
      tx.eval(
        ADD_COUNTER_SNAPSHOT,
        1,
        this.key('cw', id),
        counters.at,
        r.counterSpacingSec * 1000,
        encodeCounters(counters),
        now - keepSec * 1000,
        keepSec,
      );
    }
    await this.run(() => tx.exec());
  }

  async latest(modemId: string): Promise<StoredReading | null> {
    const data = await this.run(() => this.redis.getBuffer(this.key('latest', modemId)));
    if (!data) {
      this.decodedLatest.delete(modemId);
      return null;
    }
    const memo = this.decodedLatest.get(modemId);
    if (memo?.raw.equals(data)) {
      return memo.value;
    }
    const value = decodePacked<StoredReading>(data);
    this.decodedLatest.delete(modemId); // re-inserted last: the map's order is least recently decoded first
    this.decodedLatest.set(modemId, { raw: data, value });
    if (this.decodedLatest.size > DECODED_LATEST_MAX) {
      this.decodedLatest.delete(this.decodedLatest.keys().next().value!);
    }
    return value;
  }

  async silentModemsSince(sinceMs: number): Promise<number> {
    return this.run(() => this.redis.zcount(this.key('silent'), sinceMs, '+inf'));
  }

  async addHistory(modemId: string, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    const r = this.retention;
    const hist = this.key('hist', modemId);
    const tx = this.redis
      .multi()
      .zadd(hist, ...entries.flatMap((e) => [e.at, encodeHistory(e)]))
      .zremrangebyscore(hist, '-inf', `(${this.now() - r.historyRetentionSec * 1000}`)
      .zremrangebyrank(hist, 0, -(r.historyMaxEntries + 1))
      .expire(hist, r.historyRetentionSec);
    await this.run(() => tx.exec());
  }

  async history(modemId: string, sinceMs: number): Promise<HistoryEntry[]> {
    const rows = await this.run(() => this.redis.zrangebyscore(this.key('hist', modemId), sinceMs, '+inf'));
    return rows.map(decodeHistory);
  }

  async counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null> {
    const rows = await this.run(() =>
      this.redis.zrangebyscoreBuffer(this.key('cw', modemId), notBeforeMs, '+inf', 'LIMIT', 0, 1),
    );
    return rows.length > 0 ? decodeCounters(rows[0]) : null;
  }

  async createSweep(sweep: SweepState): Promise<void> {
    const key = this.key('sweep', sweep.id);
    await this.run(() =>
      this.redis
        .multi()
        .hset(key, {
          scope: JSON.stringify(sweep.scope),
          trigger: sweep.trigger,
          total: sweep.total,
          done: sweep.done,
          failed: sweep.failed,
          createdAt: sweep.createdAt,
        })
        .expire(key, SWEEP_TTL_SEC)
        .zadd(this.key('sweeps'), sweep.createdAt, sweep.id)
        .zremrangebyrank(this.key('sweeps'), 0, -(MAX_SWEEPS + 1))
        .exec(),
    );
  }

  async recordSweepOutcomes(sweepId: string, outcomes: readonly SweepOutcome[], now: number): Promise<void> {
    const seen = this.key('sweep', `${sweepId}:seen`);
    const args = [String(now), ...outcomes.flatMap((o) => [o.modemId, o.verdict ?? ''])];
    await this.run(async () => {
      await this.redis.eval(RECORD_OUTCOMES, 2, this.key('sweep', sweepId), seen, ...args);
      await this.redis.expire(seen, SWEEP_TTL_SEC);
    });
  }

  async getSweep(id: string): Promise<SweepState | null> {
    const h = await this.run(() => this.redis.hgetall(this.key('sweep', id)));
    return h.total == null ? null : sweepFromHash(id, h);
  }

  async listSweeps(limit: number): Promise<SweepState[]> {
    const ids = await this.run(() => this.redis.zrevrange(this.key('sweeps'), 0, limit - 1));
    const sweeps = await Promise.all(ids.map((id) => this.getSweep(id)));
    return sweeps.filter((s): s is SweepState => s != null);
  }

  async claimSlot(slot: string, ttlSec: number): Promise<boolean> {
    return (await this.run(() => this.redis.set(this.key('slot', slot), '1', 'EX', ttlSec, 'NX'))) === 'OK';
  }

  async reserveSlots(limits: readonly { key: string; intervalMs: number }[]): Promise<number> {
    if (limits.length === 0) {
      return 0;
    }
    const wait = await this.run(() =>
      this.redis.eval(
        RESERVE_SLOTS,
        limits.length,
        ...limits.map((l) => this.key('rate', l.key)),
        ...limits.map((l) => l.intervalMs),
      ),
    );
    return Number(wait);
  }

  async tryLockPoll(modemId: string, ttlMs: number): Promise<boolean> {
    const ok = await this.run(() => this.redis.set(this.key('lock:poll', modemId), '1', 'PX', ttlMs, 'NX'));
    return ok === 'OK';
  }

  async unlockPoll(modemId: string): Promise<void> {
    await this.run(() => this.redis.del(this.key('lock:poll', modemId)));
  }

  async putDoc(kind: string, id: string, value: unknown, ttlSec?: number): Promise<void> {
    const key = this.key(`doc:${kind}`, id);
    // Only lasting documents are indexed for listDocs: an index entry per expiring one would outlive it for good.
    const tx = ttlSec
      ? this.redis.multi().set(key, encodeJson(value), 'EX', ttlSec).srem(this.key('docs', kind), id)
      : this.redis.multi().set(key, encodeJson(value)).sadd(this.key('docs', kind), id);
    await this.run(() => tx.exec());
  }

  async getDoc<T>(kind: string, id: string): Promise<T | null> {
    const json = await this.run(() => this.redis.get(this.key(`doc:${kind}`, id)));
    return json ? decodeJson<T>(json) : null;
  }

  async deleteDoc(kind: string, id: string): Promise<boolean> {
    const [[, removed]] = (await this.run(() =>
      this.redis
        .multi()
        .del(this.key(`doc:${kind}`, id))
        .srem(this.key('docs', kind), id)
        .exec(),
    )) as [[unknown, number]];
    return removed === 1;
  }

  async listDocs<T>(kind: string): Promise<T[]> {
    const ids = (await this.run(() => this.redis.smembers(this.key('docs', kind)))).sort();
    if (ids.length === 0) {
      return [];
    }
    const jsons = await this.run(() => this.redis.mget(ids.map((id) => this.key(`doc:${kind}`, id))));
    const gone = ids.filter((_, i) => jsons[i] == null);
    if (gone.length > 0) {
      await this.run(() => this.redis.srem(this.key('docs', kind), ...gone));
    }
    return jsons.filter((j): j is string => j != null).map((j) => decodeJson<T>(j));
  }

  async bumpCounter(kind: string, id: string, ttlSec: number): Promise<number> {
    const key = this.key(`count:${kind}`, id);
    const [[, count]] = (await this.run(() =>
      this.redis.multi().incr(key).expire(key, ttlSec, 'NX').exec(),
    )) as [[unknown, number]];
    return count;
  }

  async getCounter(kind: string, id: string): Promise<{ count: number; ttlSec: number }> {
    const key = this.key(`count:${kind}`, id);
    const [[, count], [, ttl]] = (await this.run(() => this.redis.multi().get(key).ttl(key).exec())) as [
      [unknown, string | null],
      [unknown, number],
    ];
    return count == null ? { count: 0, ttlSec: 0 } : { count: Number(count), ttlSec: Math.max(0, ttl) };
  }

  async clearCounter(kind: string, id: string): Promise<void> {
    await this.run(() => this.redis.del(this.key(`count:${kind}`, id)));
  }

  async appendAudit(entry: AuditEntry, retentionSec: number): Promise<void> {
    const key = this.key('audit');
    const member = `${entry.at}:${randomBytes(4).toString('hex')}:${encodeJson(entry)}`;
    await this.run(() =>
      this.redis
        .multi()
        .zadd(key, entry.at, member)
        .zremrangebyscore(key, '-inf', `(${this.now() - retentionSec * 1000}`)
        .exec(),
    );
  }

  async listAudit(sinceMs: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.run(() =>
      this.redis.zrevrangebyscore(this.key('audit'), '+inf', sinceMs, 'LIMIT', 0, limit),
    );
    // member: "<at>:<nonce>:<json>"; the nonce keeps two entries of the same millisecond apart.
    return rows.map((r) => decodeJson<AuditEntry>(r.slice(r.indexOf(':', r.indexOf(':') + 1) + 1)));
  }

  async ping(): Promise<void> {
    await this.run(() => this.redis.ping());
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    return Promise.resolve();
  }

  private key(kind: string, id?: string): string {
    return id == null ? `${this.prefix}${kind}` : `${this.prefix}${kind}:${id}`;
  }

  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw new StoreUnavailableError(`Redis: ${error instanceof Error ? error.message : String(error)}`);
    }
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
