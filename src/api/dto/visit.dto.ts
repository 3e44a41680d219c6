import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  validate,
} from 'class-validator';
import { VISIT_FOUND, type VisitFound } from '../../domain/visit';
import type { VisitRowCheck } from '../../visits/visits.service';
import { flatten } from '../validation';
import { MODEM_ID } from './modem.dto';

const MODEM_ID_PROBLEM =
  'modemId must be 1-64 characters: letters, digits, . _ : - (starting with a letter or digit)';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const EXTERNAL_ID = /^[!-~]{1,128}$/;
export const FIXED_MAX = 500;
export const TECHNICIAN_MAX = 120;

/** An ISO 8601 date-time with its zone that is a real time (no month 13, hour 25). */
function IsDateTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isDateTime',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && DATE_TIME.test(v) && Number.isFinite(Date.parse(v)),
      defaultMessage: (args) =>
        `${args?.property} must be an ISO 8601 date-time with its zone, like 2026-11-25T10:00:00Z`,
    },
  });
}

/** The body of `POST /api/v1/modems/{id}/visits`: what a visit found. */
export class VisitDto {
  @ApiPropertyOptional({
    description:
      "The field-service system's id of the visit: sent again with the same content it changes nothing (200), " +
      'with other content it is refused (409). 1-128 printable ASCII characters, no spaces.',
    pattern: EXTERNAL_ID.source,
    example: 'FS-2026-118734',
  })
  @IsOptional()
  @IsString()
  @Matches(EXTERNAL_ID, { message: 'externalId must be 1-128 printable ASCII characters without spaces' })
  externalId?: string;

  @ApiProperty({
    description:
      'When the technician was there: ISO 8601 with zone; not in the future (5 minutes of skew allowed).',
    format: 'date-time',
    example: '2026-11-26T09:40:00Z',
  })
  @IsDateTime()
  visitedAt!: string;

  @ApiProperty({ enum: [...VISIT_FOUND], description: 'What the technician found.', example: 'DROP' })
  @IsIn(VISIT_FOUND, { message: `found must be one of ${VISIT_FOUND.join(', ')}` })
  found!: VisitFound;

  @ApiPropertyOptional({
    description: 'What was fixed, in words.',
    maxLength: FIXED_MAX,
    example: 'replaced F connector at the ground block',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIXED_MAX)
  fixed?: string;

  @ApiPropertyOptional({
    description: 'Who visited.',
    minLength: 1,
    maxLength: TECHNICIAN_MAX,
    example: 'J. Kowalski',
  })
  @IsOptional()
  @IsString()
  @Length(1, TECHNICIAN_MAX)
  technician?: string;

  @ApiPropertyOptional({
    description:
      'The `observedAt` of the diagnosis that sent the technician (a recorded one of this modem, else 400). ' +
      "Absent: the modem's latest recorded diagnosis before `visitedAt`, within 30 days.",
    format: 'date-time',
    example: '2026-11-25T10:00:00.000Z',
  })
  @IsOptional()
  @IsDateTime()
  diagnosisAt?: string;
}

/** One CSV row: a visit body plus its modem. */
class VisitRowDto extends VisitDto {
  @Matches(MODEM_ID, { message: MODEM_ID_PROBLEM })
  modemId!: string;
}

/** A CSV row validated like the body of `POST /api/v1/modems/{id}/visits`, plus its `modemId`. */
export async function checkVisitRow(value: Record<string, string>): Promise<VisitRowCheck> {
  const dto = plainToInstance(VisitRowDto, value);
  const problems = flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length > 0) {
    return { problems };
  }
  const { modemId, ...input } = dto;
  return { modemId, input };
}

/** `GET /kpis` and `GET /kpis/thresholds`: the range [from, to), by default the last 30 days. */
export class KpiQuery {
  @ApiPropertyOptional({
    description: 'Start of the range (inclusive), ISO 8601 with zone. Default: 30 days before `to`.',
    format: 'date-time',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    description: 'End of the range (exclusive), ISO 8601 with zone. Default: now.',
    format: 'date-time',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;
}
