import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/api-key';
import { ApiKeysService, type ApiKeyView } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { AuditQuery, CreateKeyDto, KeyIdParam } from './dto/admin.dto';

@Controller('api/v1')
@Roles('admin')
export class AdminController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  /** The key is in this response only: Linecheck keeps its hash. */
  @Post('admin/keys')
  async create(
    @Body() body: CreateKeyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<{ key: string; record: ApiKeyView }> {
    const created = await this.keys.create(body.name, body.roles);
    await this.audit.record(caller, 'apikey.create', created.record.id, 'ok', {
      name: body.name,
      roles: body.roles.join('+'),
    });
    return created;
  }

  @Get('admin/keys')
  async list(): Promise<{ items: ApiKeyView[] }> {
    return { items: await this.keys.list() };
  }

  @Delete('admin/keys/:id')
  async revoke(@Param() { id }: KeyIdParam, @CurrentCaller() caller: Caller): Promise<ApiKeyView> {
    const revoked = await this.keys.revoke(id);
    await this.audit.record(caller, 'apikey.revoke', id, 'ok', { name: revoked.name });
    return revoked;
  }

  @Get('audit')
  async auditLog(@Query() q: AuditQuery) {
    const since = q.since == null ? 0 : /^\d+$/.test(q.since) ? Number(q.since) : Date.parse(q.since);
    const entries = await this.audit.list(since, q.limit);
    return { items: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  }
}
