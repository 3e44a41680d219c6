import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Caller, Role } from '../domain/api-key';
import { ApiKeysService, type ApiKeyView } from './api-keys.service';

/** The admin's key operations, each audited under the admin who did it. */
@Injectable()
export class KeyAdminService {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ApiKeyView[]> {
    return this.keys.list();
  }

  async create(name: string, roles: Role[], caller: Caller): Promise<{ key: string; record: ApiKeyView }> {
    const created = await this.keys.create(name, roles);
    await this.audit.record(caller, 'apikey.create', created.record.id, 'ok', {
      name,
      roles: roles.join('+'),
    });
    return created;
  }

  async revoke(id: string, caller: Caller): Promise<ApiKeyView> {
    const revoked = await this.keys.revoke(id);
    await this.audit.record(caller, 'apikey.revoke', id, 'ok', { name: revoked.name });
    return revoked;
  }
}
