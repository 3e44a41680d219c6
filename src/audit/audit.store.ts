/** One line of the audit log: who did what to what, and how it ended. Never secrets. */
export interface AuditEntry {
  at: number;
  actor: { keyId: string; name: string };
  action: string;
  target?: string;
  outcome: string;
  detail?: Record<string, string | number | boolean | null>;
}

/** The audit log, newest first, bounded by a retention time. */
export abstract class AuditStore {
  /** Appends to the audit log, dropping entries older than `retentionSec`. */
  abstract appendAudit(entry: AuditEntry, retentionSec: number): Promise<void>;
  /** Newest first, at or after `sinceMs`. */
  abstract listAudit(sinceMs: number, limit: number): Promise<AuditEntry[]>;
}
