import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../domain/api-key';
import { ApiKeysService, type ApiKeyView } from '../auth/api-keys.service';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { AuditQuery, CreateKeyDto, KeyIdParam } from './dto/admin.dto';
import {
  ApiKeyViewResponse,
  AuditListResponse,
  CreatedKeyResponse,
  KeyListResponse,
} from './dto/admin.response';
import { ApiErrors, BODY_TOO_LARGE, invalid, MALFORMED_JSON, STORE_UNAVAILABLE } from './openapi.decorators';

const KEY_RECORD_EXAMPLE = {
  id: 'd592f402c6ef',
  name: 'desk-7',
  roles: ['agent'],
  source: 'admin',
  createdAt: 1795612463283,
};

@ApiTags('admin')
@Controller('api/v1')
@Roles('admin')
export class AdminController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  /** The key is in this response only: Linecheck keeps its hash. */
  @Post('admin/keys')
  @ApiOperation({
    summary: 'Create an API key',
    description:
      'A new key with the given roles, for a call-centre desk, a NOC tool or an integration. The key is in ' +
      'this response only: Linecheck keeps its SHA-256 hash. Audited.',
  })
  @ApiBody({
    type: CreateKeyDto,
    examples: {
      agentDesk: { summary: 'A call-centre desk', value: { name: 'desk-7', roles: ['agent'] } },
      nocTool: {
        summary: 'A NOC dashboard that may also reboot',
        value: { name: 'noc-ops-1', roles: ['noc', 'operator'] },
      },
    },
  })
  @ApiCreatedResponse({
    type: CreatedKeyResponse,
    example: { key: 'lck_mGbD7S8dK1C28swvlgp142RNZheNLF_DR5YxGPyrbqo', record: KEY_RECORD_EXAMPLE },
  })
  @ApiErrors({
    400: [
      invalid('A role that does not exist, or a bad name', [
        { field: 'roles', problems: ['each role must be one of agent, noc, operator, admin'] },
      ]),
      MALFORMED_JSON,
    ],
    413: [BODY_TOO_LARGE],
    503: [STORE_UNAVAILABLE],
  })
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
  @ApiOperation({
    summary: 'List API keys',
    description:
      'Every key (from API_KEYS and made here) with its id, name, roles and origin; never a secret.',
  })
  @ApiOkResponse({
    type: KeyListResponse,
    example: {
      items: [
        { id: '9c41b7e02d35', name: 'ops', roles: ['admin'], source: 'config', createdAt: 1795612400000 },
        KEY_RECORD_EXAMPLE,
      ],
    },
  })
  @ApiErrors({ 503: [STORE_UNAVAILABLE] })
  async list(): Promise<{ items: ApiKeyView[] }> {
    return { items: await this.keys.list() };
  }

  @Delete('admin/keys/:id')
  @ApiOperation({
    summary: 'Revoke an API key',
    description:
      'Revokes a key made through this API (keys from API_KEYS are removed there). Other instances may accept ' +
      'it for up to 10 s more. Audited.',
  })
  @ApiOkResponse({ type: ApiKeyViewResponse, description: 'The revoked key.', example: KEY_RECORD_EXAMPLE })
  @ApiErrors({
    400: [invalid('Not a key id', [{ field: 'id', problems: ['id must be a key id (12 hex digits)'] }])],
    404: [
      { when: 'No key with this id', body: { message: 'unknown key d592f402c6ef' } },
      {
        when: 'The key comes from API_KEYS',
        body: { message: 'key 9c41b7e02d35 comes from API_KEYS: remove it there' },
      },
    ],
    503: [STORE_UNAVAILABLE],
  })
  async revoke(@Param() { id }: KeyIdParam, @CurrentCaller() caller: Caller): Promise<ApiKeyView> {
    const revoked = await this.keys.revoke(id);
    await this.audit.record(caller, 'apikey.revoke', id, 'ok', { name: revoked.name });
    return revoked;
  }

  @Get('audit')
  @ApiOperation({
    summary: 'The audit log',
    description:
      'Who did what, when, and how it ended, newest first: every verification attempt, reboot step, import ' +
      'and key change, kept for AUDIT_RETENTION_SEC.',
  })
  @ApiOkResponse({
    type: AuditListResponse,
    example: {
      items: [
        {
          at: '2026-11-25T13:14:23.255Z',
          actor: { keyId: '3f9a0c1d2e4b', name: 'noc-ops-1' },
          action: 'modem.reboot',
          target: 'sim-cm-00001',
          outcome: 'refused_cooldown',
          detail: { channel: 'http', reason: 'again' },
        },
        {
          at: '2026-11-25T13:14:20.011Z',
          actor: { keyId: 'd592f402c6ef', name: 'desk-7' },
          action: 'line.verify',
          target: 'C1000001',
          outcome: 'verified',
          detail: { channel: 'http', by: 'name', lines: 'sim-cm-00001' },
        },
      ],
    },
  })
  @ApiErrors({
    400: [
      invalid('since is not a time', [
        { field: 'since', problems: ['since must be an ISO 8601 time with zone or epoch milliseconds'] },
      ]),
    ],
    503: [STORE_UNAVAILABLE],
  })
  async auditLog(@Query() q: AuditQuery) {
    const since = q.since == null ? 0 : /^\d+$/.test(q.since) ? Number(q.since) : Date.parse(q.since);
    const entries = await this.audit.list(since, q.limit);
    return { items: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  }
}
