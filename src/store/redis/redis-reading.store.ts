import type { RetentionPolicy } from '../../config/app-config';
import type { CounterSnapshot, HistoryEntry } from '../../domain/diagnosis';
import type { ModemEventLog } from '../../domain/modem-reading';
import {
  eventLogOf,
  ReadingStore,
  type StoredReading,
  verdictSummary,
  type VerdictSummary,
} from '../../readings/reading.store';
import {
  decodeCounters,
  decodeHistoryRows,
  decodeStoredReading,
  encodeCounters,
  encodeHistory,
  encodeStoredReading,
} from '../reading-codec';
import type { RedisSpace } from './redis-space';

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
/** The modems being asked about right now; older entries are dropped first. */
const DECODED_LATEST_MAX = 2000;

/** Keys: latest:{<id>}, vd:{<id>}, hist:{<id>}, cw:{<id>} (one slot per modem), silent. */
export class RedisReadingStore extends ReadingStore {
  /**
   * Decoded latest readings, reused while Redis returns the very same bytes: repeated cached diagnoses skip the
   * inflate and deserialise (and their garbage). Always checked against what Redis holds, so never stale.
   */
  private readonly decodedLatest = new Map<string, { raw: Buffer; value: StoredReading }>();

  constructor(
    private readonly s: RedisSpace,
    private readonly retention: RetentionPolicy,
    private readonly now: () => number = Date.now,
  ) {
    super();
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
    const tx = this.s.redis
      .multi()
      .set(this.key('latest', id), encodeStoredReading(stored), 'EX', r.readingTtlSec)
      .set(this.key('vd', id), JSON.stringify(verdictSummary(stored)), 'EX', r.readingTtlSec)
      .zadd(hist, entry.at, encodeHistory(entry))
      .zremrangebyscore(hist, '-inf', `(${now - r.historyRetentionSec * 1000}`)
      .zremrangebyrank(hist, 0, -(r.historyMaxEntries + 1))
      .expire(hist, r.historyRetentionSec);
    const log = eventLogOf(stored);
    if (log) {
      tx.set(this.key('evlog', id), JSON.stringify(log), 'EX', r.historyRetentionSec);
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
    // The modem's own keys in one MULTI (its slot); the fleet-wide silent set lives elsewhere on a cluster.
    const silent = this.s.key('silent');
    await this.s.run(() =>
      Promise.all([
        tx.exec(),
        stored.reading.reachable
          ? this.s.redis.zrem(silent, id)
          : this.s.redis.zadd(silent, stored.reading.observedAt, id),
      ]),
    );
  }

  async eventLog(modemId: string): Promise<ModemEventLog | null> {
    const json = await this.s.run(() => this.s.redis.get(this.key('evlog', modemId)));
    return json ? (JSON.parse(json) as ModemEventLog) : null;
  }

  async latest(modemId: string): Promise<StoredReading | null> {
    const data = await this.s.run(() => this.s.redis.getBuffer(this.key('latest', modemId)));
    if (!data) {
      this.decodedLatest.delete(modemId);
      return null;
    }
    const memo = this.decodedLatest.get(modemId);
    if (memo?.raw.equals(data)) {
      return memo.value;
    }
    const value = decodeStoredReading(data);
    this.decodedLatest.delete(modemId); // re-inserted last: the map's order is least recently decoded first
    this.decodedLatest.set(modemId, { raw: data, value });
    if (this.decodedLatest.size > DECODED_LATEST_MAX) {
      this.decodedLatest.delete(this.decodedLatest.keys().next().value!);
    }
    return value;
  }

  async latestVerdicts(modemIds: readonly string[]): Promise<Map<string, VerdictSummary>> {
    const out = new Map<string, VerdictSummary>();
    if (modemIds.length === 0) {
      return out;
    }
    const jsons = await this.s.run(() => this.s.mget(modemIds.map((id) => this.key('vd', id))));
    jsons.forEach((j, i) => {
      if (j) {
        out.set(modemIds[i], JSON.parse(j) as VerdictSummary);
      }
    });
    return out;
  }

  async silentModemsSince(sinceMs: number): Promise<number> {
    return this.s.run(() => this.s.redis.zcount(this.s.key('silent'), sinceMs, '+inf'));
  }

  async addHistory(modemId: string, entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    const r = this.retention;
    const hist = this.key('hist', modemId);
    const tx = this.s.redis
      .multi()
      .zadd(hist, ...entries.flatMap((e) => [e.at, encodeHistory(e)]))
      .zremrangebyscore(hist, '-inf', `(${this.now() - r.historyRetentionSec * 1000}`)
      .zremrangebyrank(hist, 0, -(r.historyMaxEntries + 1))
      .expire(hist, r.historyRetentionSec);
    await this.s.run(() => tx.exec());
  }

  async history(modemId: string, sinceMs: number): Promise<HistoryEntry[]> {
    const rows = await this.s.run(() =>
      this.s.redis.zrangebyscoreBuffer(this.key('hist', modemId), sinceMs, '+inf', 'WITHSCORES'),
    );
    return decodeHistoryRows(rows);
  }

  async counterBaseline(modemId: string, notBeforeMs: number): Promise<CounterSnapshot | null> {
    const rows = await this.s.run(() =>
      this.s.redis.zrangebyscoreBuffer(this.key('cw', modemId), notBeforeMs, '+inf', 'LIMIT', 0, 1),
    );
    return rows.length > 0 ? decodeCounters(rows[0]) : null;
  }

  async forgetModem(modemId: string): Promise<void> {
    this.decodedLatest.delete(modemId);
    const silent = this.s.key('silent');
    await this.s.run(() =>
      this.s.write([
        [
          this.key('latest', modemId),
          (tx) =>
            tx.del(
              this.key('latest', modemId),
              this.key('hist', modemId),
              this.key('cw', modemId),
              this.key('vd', modemId),
              this.key('evlog', modemId),
            ),
        ],
        [silent, (tx) => tx.zrem(silent, modemId)],
      ]),
    );
  }

  /** A modem's own keys share its hash tag: one slot, so one MULTI or script may take them all. */
  private key(kind: 'latest' | 'vd' | 'hist' | 'cw' | 'evlog', modemId: string): string {
    return this.s.tagged(kind, modemId);
  }
}
