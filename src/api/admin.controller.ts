import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../domain/api-key';
import type { ApiKeyView } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/caller.decorator';
import { KeyAdminService } from '../auth/key-admin.service';
import { Roles } from '../auth/roles.decorator';
import { AuditQuery, CreateKeyDto, KeyIdParam } from './dto/admin.dto';
import { AdminDocs } from './docs/admin.docs';

@ApiTags('admin')
@Controller('api/v1')
@Roles('admin')
export class AdminController {
  constructor(
    private readonly keys: KeyAdminService,
    private readonly audit: AuditService,
  ) {}

  /** The key is in this response only: Linecheck keeps its hash. */
  @Post('admin/keys')
  @AdminDocs.create()
  async create(
    @Body() body: CreateKeyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<{ key: string; record: ApiKeyView }> {
    return this.keys.create(body.name, body.roles, caller);
  }

  @Get('admin/keys')
  @AdminDocs.list()
  async list(): Promise<{ items: ApiKeyView[] }> {
    return { items: await this.keys.list() };
  }

  @Delete('admin/keys/:id')
  @AdminDocs.revoke()
  async revoke(@Param() { id }: KeyIdParam, @CurrentCaller() caller: Caller): Promise<ApiKeyView> {
    return this.keys.revoke(id, caller);
  }

  @Get('audit')
  @AdminDocs.auditLog()
  async auditLog(@Query() q: AuditQuery) {
    const since = q.since == null ? 0 : /^\d+$/.test(q.since) ? Number(q.since) : Date.parse(q.since);
    const entries = await this.audit.list(since, q.limit);
    return { items: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  }
}
