import { AuditStore, type AuditEntry } from '../../audit/audit.store';

/** The audit log in this process (single instance). Same contract as RedisAuditStore. */
export class MemoryAuditStore extends AuditStore {
  private audit: AuditEntry[] = [];

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  appendAudit(entry: AuditEntry, retentionSec: number): Promise<void> {
    const keepFrom = this.now() - retentionSec * 1000;
    this.audit = [...this.audit.filter((e) => e.at >= keepFrom), structuredClone(entry)];
    return Promise.resolve();
  }

  listAudit(sinceMs: number, limit: number): Promise<AuditEntry[]> {
    return Promise.resolve(
      this.audit
        .filter((e) => e.at >= sinceMs)
        .reverse()
        .slice(0, limit)
        .map((e) => structuredClone(e)),
    );
  }
}
