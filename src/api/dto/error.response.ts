import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/**
 * One of these models, or null. OpenAPI 3.0 has no null type: `nullable` beside `$ref`/`allOf` is ignored by
 * strict validators, so null is its own alternative here (a nullable schema whose only value is null).
 */
export function oneOfOrNull(...models: (abstract new (...args: never[]) => unknown)[]): {
  oneOf: Record<string, unknown>[];
} {
  return {
    oneOf: [
      ...models.map((m) => ({ $ref: getSchemaPath(m) })),
      { type: 'object', nullable: true, enum: [null] },
    ],
  };
}

// Error bodies as ErrorFilter and the validation pipe write them (documentation only).

export class ErrorResponse {
  @ApiProperty({ description: 'The HTTP status code, repeated in the body.', example: 404 })
  statusCode!: number;

  @ApiProperty({ description: 'The HTTP reason phrase.', example: 'Not Found' })
  error!: string;

  @ApiProperty({
    description: 'What went wrong, safe to show to a person. Never contains keys or SNMP secrets.',
    example: 'unknown modem sim-cm-00042',
  })
  message!: string;
}

export class FieldProblemResponse {
  @ApiProperty({ description: 'The field, dotted for nested ones.', example: 'snmp.community' })
  field!: string;

  @ApiProperty({
    description: 'Every rule the field broke.',
    type: [String],
    example: ['community must be longer than or equal to 1 characters'],
  })
  problems!: string[];
}

export class ValidationErrorResponse extends ErrorResponse {
  @ApiPropertyOptional({
    description:
      'Every bad field with its problems. `body` when the body as a whole could not be read (malformed JSON, ' +
      'too large); `Content-Type` when it was not sent as JSON; on a 404, the path parameter that named nothing.',
    type: [FieldProblemResponse],
  })
  fields?: FieldProblemResponse[];
}

export class ConflictResponse extends ErrorResponse {
  @ApiPropertyOptional({
    description: 'The reboot still inside its cool-down: follow it with GET /api/v1/actions/{actionId}.',
    example: 'act-mww5arux-19daa6',
  })
  actionId?: string;

  @ApiPropertyOptional({
    description: 'A visit whose externalId is recorded already with other content: that externalId.',
    example: 'FS-2026-118734',
  })
  externalId?: string;

  @ApiPropertyOptional({
    description: 'The visit recorded under that externalId: see GET /api/v1/modems/{id}/visits.',
    example: 'v-mip3x1k0-3f9a0c2b7d1e',
  })
  visitId?: string;
}

export class TooManyRequestsResponse extends ErrorResponse {
  @ApiPropertyOptional({
    description:
      'Verification lockout only: seconds until this customer number may be verified again. Absent on the ' +
      'per-key rate limit.',
    example: 840,
  })
  retryAfterSec?: number;
}
