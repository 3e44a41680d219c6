import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MODEM_ID } from './modem.dto';

export class SweepScopeDto {
  @IsIn(['all', 'cmts', 'node']) kind!: 'all' | 'cmts' | 'node';

  @ValidateIf((s: SweepScopeDto) => s.kind !== 'all')
  @Matches(MODEM_ID, {
    message: 'cmtsId is required for a cmts or node scope: 1-64 letters, digits, . _ : -',
  })
  cmtsId?: string;

  @ValidateIf((s: SweepScopeDto) => s.kind === 'node')
  @Matches(/^\d{1,10}\.\d{1,10}$/, {
    message: 'serviceGroupId is required for a node scope: <MdIfIndex>.<MdCmSgId>',
  })
  serviceGroupId?: string;
}

export class StartSweepDto {
  @IsDefined({ message: 'scope is required: { kind: "all" | "cmts" | "node", cmtsId?, serviceGroupId? }' })
  @ValidateNested()
  @Type(() => SweepScopeDto)
  scope!: SweepScopeDto;
}

export class SweepIdParam {
  @Matches(/^sw-[a-z0-9]{1,16}-[0-9a-f]{6}$/, { message: 'id must be a sweep id such as sw-mie6h0k2-3fa9c1' })
  id!: string;
}

export class SweepsQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit = 20;
}
