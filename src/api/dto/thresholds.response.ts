import type { SchemaObject } from '@nestjs/swagger';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';

/** A JSON schema read off a value: every field required, with the value's types. */
function schemaOf(value: unknown): SchemaObject {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return { type: typeof value };
  }
  const entries = Object.entries(value as Record<string, unknown>);
  return {
    type: 'object',
    properties: Object.fromEntries(entries.map(([key, v]) => [key, schemaOf(v)])),
    required: entries.map(([key]) => key),
  };
}

/**
 * The thresholds profile's schema, read off the default profile: a THRESHOLDS_FILE only overrides its values,
 * so every profile has this shape (src/diagnosis/thresholds.ts says what each number means).
 */
export const THRESHOLDS_PROFILE_SCHEMA: SchemaObject = {
  ...schemaOf(DEFAULT_THRESHOLDS),
  description: 'Every number the rules grade against, in dBmV, dB, ratios, counts and hours.',
};

export const THRESHOLDS_EXAMPLE = DEFAULT_THRESHOLDS;
