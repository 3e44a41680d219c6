import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CMTS_ID_PROBLEM,
  CmtsIdField,
  ID_PROBLEM,
  MODEM_ID,
  SnmpEndpointDto,
  SnmpField,
  SnmpV2cDto,
  SnmpV3Dto,
} from './modem.dto';
import { CMTS_US_EQ_DATA, type CmtsUsEqData } from '../../domain/modem-record';
import { PageLimit } from './page-limit';

export const SERVICE_GROUP_ID = /^(\d{1,10}\.\d{1,10}|us:\d{1,10}(\+\d{1,10}){0,63})$/;
export const SERVICE_GROUP_ID_MESSAGE =
  'serviceGroupId must be <MdIfIndex>.<MdCmSgId>, e.g. 1000.2 (the MAC domain ifIndex and the CM service group id), ' +
  'or us:<upstream ifIndexes joined by +>, e.g. us:2001+2002';

export class CmtsIdParam {
  @ApiProperty({
    description: 'The CMTS id: 1-64 letters, digits, . _ : - starting with a letter or digit.',
    pattern: MODEM_ID.source,
    example: 'sim-cmts-1',
  })
  @Matches(MODEM_ID, { message: ID_PROBLEM })
  id!: string;
}

export class ModemDefaultsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 65535, default: 161 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @SnmpField('SNMP credentials for the modems discovery registers.') snmp!: SnmpV2cDto | SnmpV3Dto;
}

export class PutCmtsDto extends SnmpEndpointDto {
  @ApiPropertyOptional({
    description: 'The upstream receive level the CMTS aims for, dBmV (US_RX_OFFSET is graded against it).',
    minimum: -30,
    maximum: 30,
    default: 0,
    example: 0,
  })
  @IsOptional()
  @IsNumber()
  @Min(-30)
  @Max(30)
  setPointDbmv?: number;

  @ApiPropertyOptional({
    enum: CMTS_US_EQ_DATA,
    default: 'off',
    description:
      'What the CMTS returns in docsIf3CmtsCmUsStatusEqData, as verified for its vendor. coefficients: every ' +
      'snapshot reads the modems’ upstream pre-equalisation from the CMTS (about 100 octets per modem and upstream ' +
      'channel), so that modems never polled one by one are compared too (fault location, echo clusters). off: not ' +
      'read; keep it off for a CMTS that returns the last ranging adjustment instead of the coefficients.',
    example: 'off',
  })
  @IsOptional()
  @IsIn(CMTS_US_EQ_DATA)
  usEqData?: CmtsUsEqData;

  @ApiPropertyOptional({
    type: () => ModemDefaultsDto,
    description:
      'When set, discovery registers modems it does not know yet (id cm-<mac>, host = the IP the CMTS gives) ' +
      'with these SNMP settings.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ModemDefaultsDto)
  modemDefaults?: ModemDefaultsDto;
}

export class NodeParams {
  @ApiProperty({ description: 'The CMTS id.', pattern: MODEM_ID.source, example: 'sim-cmts-1' })
  @Matches(MODEM_ID, { message: CMTS_ID_PROBLEM })
  cmtsId!: string;

  @ApiProperty({
    description:
      'The node: <MdIfIndex>.<MdCmSgId> (the MAC domain ifIndex and the CM service group id), or, on a CMTS that ' +
      'gives no service group, us:<ifIndex>+<ifIndex>... (the modems sharing those upstream channels).',
    pattern: SERVICE_GROUP_ID.source,
    example: '1000.1',
  })
  @Matches(SERVICE_GROUP_ID, { message: SERVICE_GROUP_ID_MESSAGE })
  serviceGroupId!: string;
}

export class NodesQuery {
  @CmtsIdField('Only this CMTS’s nodes.')
  cmtsId?: string;

  @ApiPropertyOptional({
    enum: ['worst', 'id'],
    default: 'id',
    description: 'worst: outages first, then by offline share and shared-fault share.',
  })
  @IsOptional()
  @IsIn(['worst', 'id'])
  sort: 'worst' | 'id' = 'id';

  @PageLimit(1000, 100)
  limit = 100;
}
