import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../domain/api-key';
import { AppConfig } from '../config/app-config';
import { AuditStore, type AuditEntry } from './audit.store';

export type AuditAction =
  | 'line.verify'
  | 'modem.reboot'
  | 'modems.import'
  | 'apikey.create'
  | 'apikey.revoke'
  | 'visit.record'
  | 'visits.import';

/** Who did what, when, and how it ended: every remote action and every verification attempt. */
@Injectable()
export class AuditService {
  constructor(
    private readonly config: AppConfig,
    @Inject(AuditStore) private readonly store: AuditStore,
  ) {}

  async record(
    caller: Caller,
    action: AuditAction,
    target: string | undefined,
    outcome: string,
    detail?: AuditEntry['detail'],
  ): Promise<void> {
    await this.store.appendAudit(
      {
        at: Date.now(),
        actor: { keyId: caller.keyId, name: caller.name },
        action,
        ...(target != null && { target }),
        outcome,
        ...(detail && { detail }),
      },
      this.config.auth.auditRetentionSec,
    );
  }

  list(sinceMs: number, limit: number): Promise<AuditEntry[]> {
    return this.store.listAudit(sinceMs, limit);
  }
}
