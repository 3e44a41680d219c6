import { Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  Equals,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { MAC_NOTATIONS_HINT, normalizeMac } from '../../inventory/mac-address';
import {
  AUTH_PROTOCOLS,
  PRIV_PROTOCOLS,
  type AuthProtocol,
  type PrivProtocol,
} from '../../domain/snmp-target';
import { POLL_DETAILS, type PollDetail } from '../../domain/modem-reading';
import { CUSTOMER_SERVICES, isCustomerService, type CustomerService } from '../../domain/modem-record';
import { PageLimit } from './page-limit';

export const MODEM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** What a path's malformed modem or CMTS id gets told. */
export const ID_PROBLEM =
  'id must be 1-64 characters: letters, digits, . _ : - (starting with a letter or digit)';
export const CMTS_ID_PROBLEM = 'cmtsId must be 1-64 characters: letters, digits, . _ : -';
export const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9a-fA-F:]+$/;
const SINCE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$|^\d{1,13}$/;

/** Any notation `normalizeMac` reads, for the OpenAPI document. */
const MAC_PATTERN =
  '^([0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}|[0-9a-fA-F]{2}(-[0-9a-fA-F]{2}){5}|[0-9a-fA-F]{4}(\\.[0-9a-fA-F]{4}){2}|[0-9a-fA-F]{12})$';

export function IsMacAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'isMacAddress',
    validator: {
      validate: (v: unknown) => typeof v !== 'string' || normalizeMac(v) != null,
      defaultMessage: () => `mac must be ${MAC_NOTATIONS_HINT}`,
    },
  });
}

/** A `since` of the right shape must also be a real time: "2026-13-45T25:61Z" parses to NaN (a 5xx further on). */
export function IsRealTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isRealTime',
    validator: {
      validate: (v: unknown) =>
        typeof v !== 'string' || !SINCE.test(v) || /^\d+$/.test(v) || Number.isFinite(Date.parse(v)),
      defaultMessage: () => 'since must be a real time (no month 13, hour 25 or zone +99:99)',
    },
  });
}

export class ModemIdParam {
  @ApiProperty({
    description: 'The modem (line) id: 1-64 letters, digits, . _ : - starting with a letter or digit.',
    pattern: MODEM_ID.source,
    example: 'sim-cm-00031',
  })
  @Matches(MODEM_ID, { message: ID_PROBLEM })
  id!: string;
}

const SNMP_VERSION_PROBLEM =
  'version must be "2c" (with community) or "3" (with user, authProtocol, authKey, privProtocol, privKey)';

export class SnmpV2cDto {
  @ApiProperty({ enum: ['2c'] })
  // Also the class for any version other than "3", so the message names both.
  @Equals('2c', { message: SNMP_VERSION_PROBLEM })
  version!: '2c';

  @ApiProperty({ description: 'Read community.', minLength: 1, maxLength: 64, example: 'public' })
  @IsString()
  @Length(1, 64)
  community!: string;

  /** Needed for a remote reboot of a v2c modem; never shown back. */
  @ApiPropertyOptional({
    description: 'Write community, needed for a remote reboot of a v2c modem. Never shown back.',
    minLength: 1,
    maxLength: 64,
    example: 'private',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  writeCommunity?: string;
}

export class SnmpV3Dto {
  @ApiProperty({ enum: ['3'] }) @Equals('3', { message: SNMP_VERSION_PROBLEM }) version!: '3';
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'linecheck' })
  @IsString()
  @Length(1, 64)
  user!: string;
  @ApiProperty({ enum: [...AUTH_PROTOCOLS], example: 'sha256' })
  @IsIn(AUTH_PROTOCOLS)
  authProtocol!: AuthProtocol;
  @ApiProperty({
    description: 'Never shown back.',
    minLength: 8,
    maxLength: 128,
    example: 'auth-secret-1234',
  })
  @IsString()
  @Length(8, 128)
  authKey!: string;
  @ApiProperty({ enum: [...PRIV_PROTOCOLS], example: 'aes' })
  @IsIn(PRIV_PROTOCOLS)
  privProtocol!: PrivProtocol;
  @ApiProperty({
    description: 'Never shown back.',
    minLength: 8,
    maxLength: 128,
    example: 'priv-secret-5678',
  })
  @IsString()
  @Length(8, 128)
  privKey!: string;
}

/** `snmp`: `{ version: "2c", community }` or `{ version: "3", user, authProtocol, authKey, privProtocol, privKey }`. */
export function SnmpField(
  description = 'SNMP credentials: v2c communities or a v3 user.',
): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description,
      oneOf: [{ $ref: getSchemaPath(SnmpV2cDto) }, { $ref: getSchemaPath(SnmpV3Dto) }],
      discriminator: {
        propertyName: 'version',
        mapping: { '2c': getSchemaPath(SnmpV2cDto), '3': getSchemaPath(SnmpV3Dto) },
      },
    }),
    IsObject(),
    ValidateNested(),
    // The class by `version` (v2c unless it says "3"). Not class-transformer's discriminator option: that throws
    // on a null inside an array (`"snmp": [null]`), a 500 instead of a 400.
    Type((o) => {
      const value: unknown = o?.object[o.property];
      return (value as { version?: unknown } | null)?.version === '3' ? SnmpV3Dto : SnmpV2cDto;
    }),
  );
}

/** Decorators listed top to bottom as they would stand stacked on the property, applied in the same order. */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...[...decorators].reverse());
}

/** A customer number as the billing system writes it (or a caller says it): 1-64 characters. */
export function CustomerNumberField(description: string): PropertyDecorator {
  return stacked(
    ApiProperty({ description, minLength: 1, maxLength: 64, example: 'C1000001' }),
    IsString(),
    Length(1, 64),
  );
}

/** An optional `cmtsId` of a body or a query: the id of a registered CMTS. */
export function CmtsIdField(description: string, example = 'sim-cmts-1'): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({ description, pattern: MODEM_ID.source, example }),
    IsOptional(),
    Matches(MODEM_ID, { message: CMTS_ID_PROBLEM }),
  );
}

/** What a bad `services` is told: the allowed values, and that each comes once. */
export const SERVICES_PROBLEM =
  `services must be a non-empty list of ${CUSTOMER_SERVICES.join(', ')}, each at most once ` +
  '(leave it out when not known)';

/** `customer.services`: some of internet, tv, phone, each once; absent = not known (never "none"). */
export function ServicesField(): PropertyDecorator {
  return stacked(
    ApiPropertyOptional({
      description:
        'What the customer subscribes to on this line: some of internet, tv, phone, each once (shown in that ' +
        'order). Leave it out when not known: absent means "not known", never "none".',
      type: 'array',
      items: { type: 'string', enum: [...CUSTOMER_SERVICES] },
      minItems: 1,
      maxItems: CUSTOMER_SERVICES.length,
      uniqueItems: true,
      example: ['internet', 'tv'],
    }),
    IsOptional(),
    // One rule, so a bad list gets one problem naming the allowed values (not one per broken array rule).
    ValidateBy({
      name: 'isCustomerServices',
      validator: {
        validate: (v: unknown) =>
          Array.isArray(v) &&
          v.length > 0 &&
          v.every((s) => isCustomerService(s)) &&
          new Set(v).size === v.length,
        defaultMessage: () => SERVICES_PROBLEM,
      },
    }),
  );
}

export class CustomerDto {
  @CustomerNumberField('Stored normalised ("c-100 200" = "C100200"), as verification compares it.')
  customerNumber!: string;

  @ApiPropertyOptional({ description: 'The account holder.', maxLength: 200, example: 'Jan Iksiński' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({
    description: 'Street, house and flat (and town).',
    maxLength: 300,
    example: 'ul. Długa 5 m. 12, 00-950 Warszawa',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ServicesField()
  services?: CustomerService[];
}

/** Where and how to reach an SNMP agent: a modem or a CMTS. */
export class SnmpEndpointDto {
  @ApiProperty({ description: 'IPv4/IPv6 address or host name.', maxLength: 253, example: '10.20.1.17' })
  @IsString()
  @MaxLength(253)
  @Matches(HOST, { message: 'host must be an IPv4/IPv6 address or a host name' })
  host!: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'SNMP UDP port.',
    minimum: 1,
    maximum: 65535,
    default: 161,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @SnmpField() snmp!: SnmpV2cDto | SnmpV3Dto;
}

export class PutModemDto extends SnmpEndpointDto {
  @ApiPropertyOptional({
    description:
      'The modem’s MAC: how discovery and the CMTS tables find it. Any common notation (00:1d:cd:12:34:56, ' +
      '00-1D-CD-12-34-56, 001d.cd12.3456, 001dcd123456); stored and shown as lower-case colon pairs.',
    pattern: MAC_PATTERN,
    example: '00:1d:cd:12:34:56',
  })
  @IsOptional()
  @IsString()
  @IsMacAddress()
  mac?: string;

  @CmtsIdField(
    'The CMTS the modem registers on (gives the diagnosis the headend’s view). Must be registered first ' +
      '(PUT /api/v1/cmts/{id}); an unknown id is refused.',
  )
  cmtsId?: string;

  @ApiPropertyOptional({
    type: () => CustomerDto,
    description: 'Who the line belongs to (caller verification).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer?: CustomerDto;
}

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  offset = 0;

  @PageLimit(1000, 100)
  limit = 100;
}

export class DiagnosisQuery {
  @ApiPropertyOptional({
    type: 'integer',
    description:
      'Reuse a stored reading younger than this many seconds; 0 forces a live poll. Default: DIAGNOSIS_MAX_AGE_SEC.',
    minimum: 0,
    maximum: 86400,
    example: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  maxAgeSec?: number;

  @ApiPropertyOptional({
    enum: [...POLL_DETAILS],
    description:
      'full (default): the reading a call-centre check needs, with the DOCSIS 3.1 PNM summaries and the event log; ' +
      "a sweep's stored reading does not answer it. fast: what sweeps read; any stored reading young enough answers.",
    example: 'full',
  })
  @IsOptional()
  @IsIn(POLL_DETAILS, { message: `detail must be one of ${POLL_DETAILS.join(', ')}` })
  detail?: PollDetail;
}

export class TimelineQuery {
  @ApiPropertyOptional({
    type: 'integer',
    description: 'How many days back.',
    minimum: 1,
    maximum: 31,
    default: 7,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(31)
  days = 7;
}

export class HistoryQuery {
  @ApiPropertyOptional({
    description: 'ISO 8601 time with zone, or epoch milliseconds. Default: 24 hours ago.',
    pattern: SINCE.source,
    example: '2026-11-25T10:00:00Z',
  })
  @IsOptional()
  @Matches(SINCE, {
    message: 'since must be an ISO 8601 time with zone (2026-11-25T10:00:00Z) or epoch milliseconds',
  })
  @IsRealTime()
  since?: string;
}

export class ScenarioDto {
  @ApiProperty({
    description: 'A scenario name from GET /api/v1/simulator/scenarios (or /simulator/nodes for a node).',
    pattern: '^[A-Z0-9_]{1,64}$',
    example: 'DS_SNR_FAULT',
  })
  @IsString()
  @Matches(/^[A-Z0-9_]{1,64}$/, { message: 'scenario must be a scenario name such as TEXTBOOK' })
  scenario!: string;
}

export class LatencyDto {
  @ApiProperty({
    type: 'integer',
    description: 'Delay before each SNMP answer, ms.',
    minimum: 0,
    maximum: 60000,
    example: 2500,
  })
  @IsInt()
  @Min(0)
  @Max(60000)
  responseDelayMs!: number;
}
