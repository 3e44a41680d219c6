import type { ChainableCommander } from 'ioredis';
import { StoreUnavailableError } from '../../common/store-unavailable.error';
import type { RedisClient } from '../redis-connection';

/** Commands on keys that all hash like `key` (one slot of a cluster), added to a MULTI. */
export type SlotWrite = readonly [key: string, add: (tx: ChainableCommander) => unknown];

/**
 * The shared Redis connection (one server or a cluster) under the configured key prefix, as every Redis store uses
 * it. Redis layout (all under the prefix; each store owns its keys). A key's `{…}` is its hash tag: a cluster
 * places keys by that part alone, so keys with one tag share a slot:
 *   modem:<id>    JSON inventory record          modems        ZSET of ids (score 0: lexical order)   (modems)
 *   mac:<mac>     modem id                       cust:<number> SET of modem ids of a customer         (modems)
 *   grp:<cmts>:<md.sg>  SET of modem ids          grps:<cmts>   SET of group keys                      (modems)
 *   cmts:<id>     JSON CMTS record               cmtses        ZSET of CMTS ids                       (CMTSes)
 *   latest:{<id>} packed latest reading, EX ttl  hist:{<id>}   ZSET compact history entries by time   (readings)
 *   cw:{<id>}     ZSET packed codeword snapshots vd:{<id>}     latest verdict summary (JSON), EX ttl  (readings)
 *   silent        ZSET of silent modems by time                                                       (readings)
 *   lock:poll:<id> poll guard, PX ttl            slot:<name>   scheduling claim, EX ttl               (locks)
 *   rate:{rates}:<limit> next free time (ms) of a rate limit                                          (locks)
 *   sweep:{<id>}  HASH progress counters         sweep:{<id>}:seen SET of counted modem ids           (sweeps)
 *   sweeps        ZSET of sweep ids by start     doc:sweep-trigger:<id> idempotent trigger, EX ttl    (sweeps)
 *   doc:apikey:<hash> JSON API key, docs:apikey SET of its hashes                                     (API keys)
 *   doc:linetoken:<digest> line grant, EX ttl                                                         (line tokens)
 *   count:verify-attempts:<number> failures, expiring after the first                                 (verify attempts)
 *   doc:action:<id> remote action, EX ttl        doc:reboot-current:<modem> its action id, EX ttl     (actions)
 *   audit         ZSET of audit entries by time                                                       (audit)
 *   dec:{outcomes} HASH decisions by "<modem>|<at>"  decs:{outcomes} ZSET of them by time; decm:{outcomes}:<id>
 *   visit:{outcomes} HASH visits by id   visits:{outcomes}, visitm:{outcomes}:<id> ZSETs by time;
 *   visitext:{outcomes} HASH external id → content and visit id                                      (visits)
 * Outside the stores: live (pub/sub channel), throttle:{…} (rate-limit counts), and BullMQ's sweep queue under
 * its own prefix `{<prefix>bull}` (one tag for the whole queue, as BullMQ's scripts need).
 *
 * Every multi-key command, MULTI and script stays within one hash tag (same-tag keys: a modem's readings, a
 * sweep's hash and seen set, the rate limits). Writes that span tags go through write(), reads through mget().
 */
export class RedisSpace {
  constructor(
    readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** `<prefix><kind>`, or `<prefix><kind>:<id>`: a key in a slot of its own. */
  key(kind: string, id?: string): string {
    return id == null ? `${this.prefix}${kind}` : `${this.prefix}${kind}:${id}`;
  }

  /** `<prefix><kind>:{<tag>}`, or `<prefix><kind>:{<tag>}:<part>`: in the slot of every other key with this tag. */
  tagged(kind: string, tag: string, part?: string): string {
    return part == null ? `${this.prefix}${kind}:{${tag}}` : `${this.prefix}${kind}:{${tag}}:${part}`;
  }

  /** The values of keys in any slots: one MGET on one Redis, one MGET per slot on a cluster (sent together). */
  async mget(keys: readonly string[]): Promise<(string | null)[]> {
    if (keys.length === 0) {
      return [];
    }
    if (!this.redis.isCluster) {
      return this.redis.mget(keys as string[]);
    }
    const values = new Array<string | null>(keys.length);
    const bySlot = new Map<string, number[]>();
    keys.forEach((key, i) => {
      const slot = hashedPart(key);
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), i]);
    });
    await Promise.all(
      [...bySlot.values()].map(async (indexes) => {
        const got = await this.redis.mget(indexes.map((i) => keys[i]));
        indexes.forEach((i, j) => (values[i] = got[j]));
      }),
    );
    return values;
  }

  /**
   * Writes over keys of several slots, in steps; returns every command's reply in order. On one Redis all steps
   * go in one MULTI (atomic). On a cluster each step is one MULTI per slot, sent together, and a step starts only
   * once the one before has succeeded: a store orders its steps so that what a failure between two of them leaves
   * is repaired by a retry of the whole write, and harmless to readers meanwhile (each store says its order).
   */
  async write(...steps: SlotWrite[][]): Promise<unknown[]> {
    if (!this.redis.isCluster) {
      const tx = this.redis.multi();
      for (const [, add] of steps.flat()) {
        add(tx);
      }
      return replies(await tx.exec());
    }
    const out: unknown[] = [];
    for (const step of steps) {
      // A MULTI's length counts its MULTI command; the replies of EXEC do not.
      const txs = new Map<string, { tx: ChainableCommander; queued: number }>();
      const spans: { slot: string; from: number; to: number }[] = [];
      for (const [key, add] of step) {
        const slot = hashedPart(key);
        let group = txs.get(slot);
        if (!group) {
          const tx = this.redis.multi();
          group = { tx, queued: tx.length };
          txs.set(slot, group);
        }
        const from = group.tx.length - group.queued;
        add(group.tx);
        spans.push({ slot, from, to: group.tx.length - group.queued });
      }
      const done = new Map(
        await Promise.all([...txs].map(async ([slot, { tx }]) => [slot, replies(await tx.exec())] as const)),
      );
      for (const { slot, from, to } of spans) {
        out.push(...done.get(slot)!.slice(from, to));
      }
    }
    return out;
  }

  /** Runs Redis commands; a failure becomes StoreUnavailableError (503 for callers). */
  async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw new StoreUnavailableError(`Redis: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** What a cluster hashes of a key: the inside of its first `{…}` when that is not empty, else the whole key. */
export function hashedPart(key: string): string {
  const open = key.indexOf('{');
  const close = open < 0 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** The replies of an EXEC; the first failed command fails the whole write. */
function replies(results: [Error | null, unknown][] | null): unknown[] {
  if (!results) {
    throw new Error('transaction aborted');
  }
  return results.map(([error, reply]) => {
    if (error) {
      throw error;
    }
    return reply;
  });
}
