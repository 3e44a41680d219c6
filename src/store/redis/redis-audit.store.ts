import { randomBytes } from 'node:crypto';
import { AuditStore, type AuditEntry } from '../../audit/audit.store';
import { decodeJson, encodeJson } from '../../domain/reading-json';
import type { RedisSpace } from './redis-space';

/** Keys: audit (ZSET by time; member "<at>:<nonce>:<json>"). */
export class RedisAuditStore extends AuditStore {
  constructor(
    private readonly s: RedisSpace,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async appendAudit(entry: AuditEntry, retentionSec: number): Promise<void> {
    const key = this.s.key('audit');
    const member = `${entry.at}:${randomBytes(4).toString('hex')}:${encodeJson(entry)}`;
    await this.s.run(() =>
      this.s.redis
        .multi()
        .zadd(key, entry.at, member)
        .zremrangebyscore(key, '-inf', `(${this.now() - retentionSec * 1000}`)
        .exec(),
    );
  }

  async listAudit(sinceMs: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.s.run(() =>
      this.s.redis.zrevrangebyscore(this.s.key('audit'), '+inf', sinceMs, 'LIMIT', 0, limit),
    );
    // member: "<at>:<nonce>:<json>"; the nonce keeps two entries of the same millisecond apart.
    return rows.map((r) => decodeJson<AuditEntry>(r.slice(r.indexOf(':', r.indexOf(':') + 1) + 1)));
  }
}
