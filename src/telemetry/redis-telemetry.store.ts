import Redis from 'ioredis';
import type { CounterSnapshot, HistoryEntry } from '../diagnosis/types';
import type { ModemRecord } from '../inventory/modem-record';
import {
  decodeCounters,
  decodeHistory,
  decodeJson,
  encodeCounters,
  encodeHistory,
  encodeJson,
} from './reading-codec';
import {
  StoreUnavailableError,
  TelemetryStore,
  type RetentionPolicy,
  type StoredReading,
} from './telemetry-store';

/**
 * Redis layout (all under the configured prefix):
 *   modem:<id>    JSON inventory record          modems        ZSET of ids (score 0: lexical order)
 *   latest:<id>   JSON latest reading, EX ttl    hist:<id>     ZSET compact history entries by time
 *   cw:<id>       ZSET codeword snapshots by time lock:poll:<id> poll guard, PX ttl
 */
export class RedisTelemetryStore extends TelemetryStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

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
    await this.run(() =>
      this.redis
        .multi()
        .set(this.key('modem', record.id), encodeJson(record))
        .zadd(this.key('modems'), 0, record.id)
        .exec(),
    );
  }

  async getModem(id: string): Promise<ModemRecord | null> {
    const json = await this.run(() => this.redis.get(this.key('modem', id)));
    return json ? decodeJson<ModemRecord>(json) : null;
  }

  async deleteModem(id: string): Promise<boolean> {
    const results = await this.run(() =>
      this.redis
        .multi()
        .del(this.key('modem', id), this.key('latest', id), this.key('hist', id), this.key('cw', id))
        .zrem(this.key('modems'), id)
        .exec(),
    );
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
      .set(this.key('latest', id), encodeJson(stored), 'EX', r.readingTtlSec)
      .zadd(hist, entry.at, encodeHistory(entry))
      .zremrangebyscore(hist, '-inf', `(${now - r.historyRetentionSec * 1000}`)
      .zremrangebyrank(hist, 0, -(r.historyMaxEntries + 1))
      .expire(hist, r.historyRetentionSec);
    if (counters) {
      const cw = this.key('cw', id);
      const newest = await this.run(() => this.redis.zrange(cw, -1, -1, 'WITHSCORES'));
      const newestAt = newest.length === 2 ? Number(newest[1]) : -Infinity;
      if (counters.at - newestAt >= r.counterSpacingSec * 1000) {
        tx.zadd(cw, counters.at, encodeCounters(counters));
      }
      tx.zremrangebyscore(cw, '-inf', `(${now - (r.counterWindowSec + r.counterSpacingSec) * 1000}`).expire(
        cw,
        r.counterWindowSec + r.counterSpacingSec,
      );
    }
    await this.run(() => tx.exec());
  }

  async latest(modemId: string): Promise<StoredReading | null> {
    const json = await this.run(() => this.redis.get(this.key('latest', modemId)));
    return json ? decodeJson<StoredReading>(json) : null;
  }

  async history(modemId: string, sinceMs: number): Promise<HistoryEntry[]> {
    const rows = await this.run(() => this.redis.zrangebyscore(this.key('hist', modemId), sinceMs, '+inf'));
    return rows.map(decodeHistory);
  }

  async counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null> {
    const rows = await this.run(() =>
      this.redis.zrangebyscore(this.key('cw', modemId), notBeforeMs, '+inf', 'LIMIT', 0, 1),
    );
    return rows.length > 0 ? decodeCounters(rows[0]) : null;
  }

  async tryLockPoll(modemId: string, ttlMs: number): Promise<boolean> {
    const ok = await this.run(() => this.redis.set(this.key('lock:poll', modemId), '1', 'PX', ttlMs, 'NX'));
    return ok === 'OK';
  }

  async unlockPoll(modemId: string): Promise<void> {
    await this.run(() => this.redis.del(this.key('lock:poll', modemId)));
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
