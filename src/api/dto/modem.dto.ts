import { Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import {
  Equals,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AUTH_PROTOCOLS, PRIV_PROTOCOLS, type AuthProtocol, type PrivProtocol } from '../../snmp/usm';

export const MODEM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9a-fA-F:]+$/;

export class ModemIdParam {
  @Matches(MODEM_ID, {
    message: 'id must be 1-64 characters: letters, digits, . _ : - (starting with a letter or digit)',
  })
  id!: string;
}

export class SnmpV2cDto {
  @Equals('2c') version!: '2c';
  @IsString() @Length(1, 64) community!: string;
  /** Needed for a remote reboot of a v2c modem; never shown back. */
  @IsOptional() @IsString() @Length(1, 64) writeCommunity?: string;
}

export class SnmpV3Dto {
  @Equals('3') version!: '3';
  @IsString() @Length(1, 64) user!: string;
  @IsIn(AUTH_PROTOCOLS) authProtocol!: AuthProtocol;
  @IsString() @Length(8, 128) authKey!: string;
  @IsIn(PRIV_PROTOCOLS) privProtocol!: PrivProtocol;
  @IsString() @Length(8, 128) privKey!: string;
}

/** `snmp`: `{ version: "2c", community }` or `{ version: "3", user, authProtocol, authKey, privProtocol, privKey }`. */
export function SnmpField(): PropertyDecorator {
  return applyDecorators(
    ValidateNested(),
    Type(() => SnmpV2cDto, {
      discriminator: {
        property: 'version',
        subTypes: [
          { value: SnmpV2cDto, name: '2c' },
          { value: SnmpV3Dto, name: '3' },
        ],
      },
      keepDiscriminatorProperty: true,
    }),
  );
}

export class CustomerDto {
  @IsString() @Length(1, 64) customerNumber!: string;
  @IsOptional() @IsString() @MaxLength(200) fullName?: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
}

/** Where and how to reach an SNMP agent: a modem or a CMTS. */
export class SnmpEndpointDto {
  @IsString()
  @MaxLength(253)
  @Matches(HOST, { message: 'host must be an IPv4/IPv6 address or a host name' })
  host!: string;

  @IsOptional() @IsInt() @Min(1) @Max(65535) port?: number;

  @SnmpField() snmp!: SnmpV2cDto | SnmpV3Dto;
}

export class PutModemDto extends SnmpEndpointDto {
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{2}([:-]?[0-9a-fA-F]{2}){5}$/, {
    message: 'mac must be a MAC address like 00:1d:cd:12:34:56',
  })
  mac?: string;

  @IsOptional()
  @Matches(MODEM_ID, { message: 'cmtsId must be 1-64 characters: letters, digits, . _ : -' })
  cmtsId?: string;

  @IsOptional() @ValidateNested() @Type(() => CustomerDto) customer?: CustomerDto;
}

export class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset = 0;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}

export class DiagnosisQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(86400) maxAgeSec?: number;
}

export class TimelineQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(31) days = 7;
}

export class HistoryQuery {
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$|^\d{1,13}$/, {
    message: 'since must be an ISO 8601 time with zone (2026-11-25T10:00:00Z) or epoch milliseconds',
  })
  since?: string;
}

export class ScenarioDto {
  @IsString()
  @Matches(/^[A-Z0-9_]{1,64}$/, { message: 'scenario must be a scenario name such as TEXTBOOK' })
  scenario!: string;
}

export class LatencyDto {
  @IsInt() @Min(0) @Max(60000) responseDelayMs!: number;
}
