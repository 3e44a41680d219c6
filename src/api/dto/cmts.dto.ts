import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MODEM_ID, SnmpEndpointDto, SnmpField, SnmpV2cDto, SnmpV3Dto } from './modem.dto';

export class CmtsIdParam {
  @Matches(MODEM_ID, {
    message: 'id must be 1-64 characters: letters, digits, . _ : - (starting with a letter or digit)',
  })
  id!: string;
}

export class ModemDefaultsDto {
  @IsOptional() @IsInt() @Min(1) @Max(65535) port?: number;
  @SnmpField() snmp!: SnmpV2cDto | SnmpV3Dto;
}

export class PutCmtsDto extends SnmpEndpointDto {
  @IsOptional() @IsNumber() @Min(-30) @Max(30) setPointDbmv?: number;
  @IsOptional() @ValidateNested() @Type(() => ModemDefaultsDto) modemDefaults?: ModemDefaultsDto;
}

export class NodeParams {
  @Matches(MODEM_ID, { message: 'cmtsId must be 1-64 characters: letters, digits, . _ : -' })
  cmtsId!: string;
  @Matches(/^\d{1,10}\.\d{1,10}$/, {
    message:
      'serviceGroupId must be <MdIfIndex>.<MdCmSgId>, e.g. 1000.2 (the MAC domain ifIndex and the CM service group id)',
  })
  serviceGroupId!: string;
}

export class NodesQuery {
  @IsOptional()
  @Matches(MODEM_ID, { message: 'cmtsId must be 1-64 characters: letters, digits, . _ : -' })
  cmtsId?: string;
  @IsOptional() @IsIn(['worst', 'id']) sort: 'worst' | 'id' = 'id';
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}
