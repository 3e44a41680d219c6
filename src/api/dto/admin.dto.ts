import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ROLES, type Role } from '../../auth/api-key';

export class CreateKeyDto {
  @Matches(/^[\w.@-]{1,64}$/, { message: 'name must be 1-64 letters, digits, . _ @ -' })
  name!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles!: Role[];
}

export class KeyIdParam {
  @Matches(/^[0-9a-f]{12}$/, { message: 'id must be a key id (12 hex digits)' })
  id!: string;
}

export class AuditQuery {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$|^\d{1,13}$/, {
    message: 'since must be an ISO 8601 time with zone or epoch milliseconds',
  })
  since?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}
