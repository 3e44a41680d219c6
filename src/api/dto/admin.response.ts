import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../domain/api-key';
import { ActorResponse } from './lines.response';

// API keys and the audit log (documentation only).

export const ROLE = { enum: [...ROLES], enumName: 'Role' };

export class ApiKeyViewResponse {
  @ApiProperty({
    description: 'Public id: the first 12 hex digits of the key’s hash.',
    example: 'd592f402c6ef',
  })
  id!: string;
  @ApiProperty({ example: 'desk-7' }) name!: string;
  @ApiProperty({ ...ROLE, isArray: true }) roles!: string[];
  @ApiProperty({
    enum: ['config', 'admin'],
    description: 'config: from API_KEYS; admin: made through this API.',
  })
  source!: 'config' | 'admin';
  @ApiProperty({ description: 'epoch ms', example: 1795612463283 }) createdAt!: number;
}

export class CreatedKeyResponse {
  @ApiProperty({
    description: 'The new key. Shown in this response only: Linecheck keeps its hash.',
    example: 'lck_mGbD7S8dK1C28swvlgp142RNZheNLF_DR5YxGPyrbqo',
  })
  key!: string;
  @ApiProperty({ type: () => ApiKeyViewResponse }) record!: ApiKeyViewResponse;
}

export class KeyListResponse {
  @ApiProperty({ type: [ApiKeyViewResponse], description: 'API_KEYS entries first, then admin-made keys.' })
  items!: ApiKeyViewResponse[];
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: () => ActorResponse }) actor!: ActorResponse;
  @ApiProperty({
    enum: [
      'line.verify',
      'modem.reboot',
      'modems.import',
      'apikey.create',
      'apikey.revoke',
      'visit.record',
      'visits.import',
    ],
    example: 'modem.reboot',
  })
  action!: string;
  @ApiPropertyOptional({ description: 'What it was done to: a modem, key id or customer number.' })
  target?: string;
  @ApiProperty({
    description: 'How it ended, e.g. ok, requested, done, refused_cooldown, no_match, locked_out.',
  })
  outcome!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Details (never secrets).',
    example: { channel: 'http', reason: 'customer consents', actionId: 'act-mww5arux-19daa6' },
  })
  detail?: Record<string, string | number | boolean | null>;
}

export class AuditListResponse {
  @ApiProperty({ type: [AuditEntryResponse], description: 'Newest first.' }) items!: AuditEntryResponse[];
}
