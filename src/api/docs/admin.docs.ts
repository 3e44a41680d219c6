import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CreateKeyDto } from '../dto/admin.dto';
import {
  ApiKeyViewResponse,
  AuditListResponse,
  CreatedKeyResponse,
  KeyListResponse,
} from '../dto/admin.response';
import { ApiDocs, ApiStoreErrors, invalid, withJsonBody } from '../openapi.decorators';

const KEY_RECORD_EXAMPLE = {
  id: 'd592f402c6ef',
  name: 'desk-7',
  roles: ['agent'],
  source: 'admin',
  createdAt: 1795612463283,
};

/** The OpenAPI description of AdminController's routes, one decorator per route. */
export const AdminDocs = {
  create: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Create an API key',
        description:
          'A new key with the given roles, for a call-centre desk, a NOC tool or an integration. The key is in ' +
          'this response only: Linecheck keeps its SHA-256 hash. Audited.',
      }),
      ApiBody({
        type: CreateKeyDto,
        examples: {
          agentDesk: { summary: 'A call-centre desk', value: { name: 'desk-7', roles: ['agent'] } },
          nocTool: {
            summary: 'A NOC dashboard that may also reboot',
            value: { name: 'noc-ops-1', roles: ['noc', 'operator'] },
          },
        },
      }),
      ApiCreatedResponse({
        type: CreatedKeyResponse,
        example: { key: 'lck_mGbD7S8dK1C28swvlgp142RNZheNLF_DR5YxGPyrbqo', record: KEY_RECORD_EXAMPLE },
      }),
      ApiStoreErrors(
        withJsonBody({
          400: [
            invalid('A role that does not exist, or a bad name', [
              { field: 'roles', problems: ['each role must be one of agent, noc, operator, admin'] },
            ]),
          ],
        }),
      ),
    ),
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'List API keys',
        description:
          'Every key (from API_KEYS and made here) with its id, name, roles and origin; never a secret.',
      }),
      ApiOkResponse({
        type: KeyListResponse,
        example: {
          items: [
            { id: '9c41b7e02d35', name: 'ops', roles: ['admin'], source: 'config', createdAt: 1795612400000 },
            KEY_RECORD_EXAMPLE,
          ],
        },
      }),
      ApiStoreErrors(),
    ),
  revoke: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Revoke an API key',
        description:
          'Revokes a key made through this API (keys from API_KEYS are removed there). Other instances may accept ' +
          'it for up to 10 s more. Audited.',
      }),
      ApiOkResponse({
        type: ApiKeyViewResponse,
        description: 'The revoked key.',
        example: KEY_RECORD_EXAMPLE,
      }),
      ApiStoreErrors({
        400: [invalid('Not a key id', [{ field: 'id', problems: ['id must be a key id (12 hex digits)'] }])],
        404: [
          { when: 'No key with this id', body: { message: 'unknown key d592f402c6ef' } },
          {
            when: 'The key comes from API_KEYS',
            body: { message: 'key 9c41b7e02d35 comes from API_KEYS: remove it there' },
          },
        ],
      }),
    ),
  auditLog: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'The audit log',
        description:
          'Who did what, when, and how it ended, newest first: every verification attempt, reboot step, import ' +
          'and key change, kept for AUDIT_RETENTION_SEC.',
      }),
      ApiOkResponse({
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
      }),
      ApiStoreErrors({
        400: [
          invalid('since is not a time', [
            { field: 'since', problems: ['since must be an ISO 8601 time with zone or epoch milliseconds'] },
          ]),
        ],
      }),
    ),
};
