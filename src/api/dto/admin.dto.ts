import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { ROLES, type Role } from '../../domain/api-key';
import { IsRealTime } from './modem.dto';
import { PageLimit } from './page-limit';

export class CreateKeyDto {
  @ApiProperty({
    description: 'Who or what the key is for (shown in the audit log).',
    pattern: '^[\\w.@-]{1,64}$',
    example: 'desk-7',
  })
  @Matches(/^[\w.@-]{1,64}$/, { message: 'name must be 1-64 letters, digits, . _ @ -' })
  name!: string;

  @ApiProperty({
    enum: [...ROLES],
    enumName: 'Role',
    isArray: true,
    minItems: 1,
    maxItems: 4,
    example: ['agent'],
  })
  @IsArray({ message: `roles must be an array of roles: ${ROLES.join(', ')}, e.g. ["noc"]` })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles!: Role[];
}

export class KeyIdParam {
  @ApiProperty({
    description: 'The key’s public id (12 hex digits).',
    pattern: '^[0-9a-f]{12}$',
    example: 'd592f402c6ef',
  })
  @Matches(/^[0-9a-f]{12}$/, { message: 'id must be a key id (12 hex digits)' })
  id!: string;
}

export class AuditQuery {
  @ApiPropertyOptional({
    description: 'ISO 8601 time with zone, or epoch milliseconds. Default: the whole retained log.',
    example: '2026-11-25T00:00:00Z',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$|^\d{1,13}$/, {
    message: 'since must be an ISO 8601 time with zone or epoch milliseconds',
  })
  @IsRealTime()
  since?: string;

  @PageLimit(1000, 100)
  limit = 100;
}
