import type Redis from 'ioredis';
import { StoreUnavailableError } from '../../common/store-unavailable.error';

/**
 * The shared Redis connection under the configured key prefix, as every Redis store uses it. Redis layout (all
 * under the prefix; each store owns its keys):
 *   modem:<id>    JSON inventory record          modems        ZSET of ids (score 0: lexical order)   (modems)
 *   mac:<mac>     modem id                       cust:<number> SET of modem ids of a customer         (modems)
 *   grp:<cmts>:<md.sg>  SET of modem ids          grps:<cmts>   SET of group keys                      (modems)
 *   cmts:<id>     JSON CMTS record               cmtses        ZSET of CMTS ids                       (CMTSes)
 *   latest:<id>   packed latest reading, EX ttl  hist:<id>     ZSET compact history entries by time   (readings)
 *   cw:<id>       ZSET packed codeword snapshots vd:<id>       latest verdict summary (JSON), EX ttl  (readings)
 *   silent        ZSET of silent modems by time                                                       (readings)
 *   lock:poll:<id> poll guard, PX ttl            slot:<name>   scheduling claim, EX ttl               (locks)
 *   rate:<limit>  next free time (ms) of a rate limit                                                 (locks)
 *   sweep:<id>    HASH progress counters         sweep:<id>:seen SET of counted modem ids             (sweeps)
 *   sweeps        ZSET of sweep ids by start     doc:sweep-trigger:<id> idempotent trigger, EX ttl    (sweeps)
 *   doc:apikey:<hash> JSON API key, docs:apikey SET of its hashes                                     (API keys)
 *   doc:linetoken:<digest> line grant, EX ttl                                                         (line tokens)
 *   count:verify-attempts:<number> failures, expiring after the first                                 (verify attempts)
 *   doc:action:<id> remote action, EX ttl        doc:reboot-current:<modem> its action id, EX ttl     (actions)
 *   audit         ZSET of audit entries by time                                                       (audit)
 * Outside the stores: live (pub/sub channel), throttle:* (rate-limit counts), bull:* (the sweep queue).
 */
export class RedisSpace {
  constructor(
    readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  key(kind: string, id?: string): string {
    return id == null ? `${this.prefix}${kind}` : `${this.prefix}${kind}:${id}`;
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
