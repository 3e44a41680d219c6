import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsObject, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { MODEM_ID } from './modem.dto';
import { SERVICE_GROUP_ID } from './cmts.dto';
import { PageLimit } from './page-limit';

export class SweepScopeDto {
  @ApiProperty({ enum: ['all', 'cmts', 'node'], description: 'Every modem, one CMTS’s, or one node’s.' })
  @IsIn(['all', 'cmts', 'node'])
  kind!: 'all' | 'cmts' | 'node';

  @ApiPropertyOptional({
    description: 'Required for a cmts or node scope.',
    pattern: MODEM_ID.source,
    example: 'sim-cmts-1',
  })
  @ValidateIf((s: SweepScopeDto) => s.kind !== 'all')
  @Matches(MODEM_ID, {
    message: 'cmtsId is required for a cmts or node scope: 1-64 letters, digits, . _ : -',
  })
  cmtsId?: string;

  @ApiPropertyOptional({
    description:
      'Required for a node scope: <MdIfIndex>.<MdCmSgId>, or us:<ifIndex>+... (grouped by upstream).',
    pattern: SERVICE_GROUP_ID.source,
    example: '1000.1',
  })
  @ValidateIf((s: SweepScopeDto) => s.kind === 'node')
  @Matches(SERVICE_GROUP_ID, {
    message: 'serviceGroupId is required for a node scope: <MdIfIndex>.<MdCmSgId>',
  })
  serviceGroupId?: string;
}

export class StartSweepDto {
  @ApiProperty({ type: () => SweepScopeDto })
  @IsDefined({ message: 'scope is required: { kind: "all" | "cmts" | "node", cmtsId?, serviceGroupId? }' })
  @IsObject()
  @ValidateNested()
  @Type(() => SweepScopeDto)
  scope!: SweepScopeDto;
}

export class SweepIdParam {
  @ApiProperty({
    description: 'The sweep id from POST /sweeps.',
    pattern: '^sw-[a-z0-9]{1,16}-[0-9a-f]{6}$',
    example: 'sw-mww5akv4-5432a1',
  })
  @Matches(/^sw-[a-z0-9]{1,16}-[0-9a-f]{6}$/, { message: 'id must be a sweep id such as sw-mie6h0k2-3fa9c1' })
  id!: string;
}

export class SweepsQuery {
  @PageLimit(50, 20)
  limit = 20;
}
