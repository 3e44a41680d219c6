import type { ThresholdsProfile } from '../domain/thresholds';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value != null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return String(value);
  }
  return `a ${typeof value}`;
}

/** Merges `override` onto `base` (a known-good tree), collecting one message per bad path. */
function mergeNode(
  base: JsonObject,
  override: Record<string, unknown>,
  path: string,
  errors: string[],
): JsonObject {
  const merged: JsonObject = {};
  for (const [key, value] of Object.entries(base)) {
    merged[key] = value;
  }
  for (const [key, value] of Object.entries(override)) {
    const at = path ? `${path}.${key}` : key;
    // Own-property check, so that "__proto__" or "toString" count as unknown rather than reaching the prototype.
    if (!Object.prototype.hasOwnProperty.call(base, key)) {
      errors.push(`unknown key ${at}`);
      continue;
    }
    const current = base[key];
    if (isPlainObject(current)) {
      if (!isPlainObject(value)) {
        errors.push(`${at} must be an object (got ${describeType(value)})`);
        continue;
      }
      merged[key] = mergeNode(current, value, at, errors);
    } else if (typeof current === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors.push(`${at} must be a number (got ${describeType(value)})`);
        continue;
      }
      merged[key] = value;
    } else if (typeof current === 'string') {
      if (typeof value !== 'string') {
        errors.push(`${at} must be a string (got ${describeType(value)})`);
        continue;
      }
      merged[key] = value;
    } else {
      errors.push(`${at} cannot be overridden`);
    }
  }
  return merged;
}

/**
 * Deep-merges a JSON override (e.g. an operator's profile file) onto `base` without mutating either. Throws one
 * Error listing every unknown key and every value of the wrong type, so a bad file is fixed in one pass.
 */
export function mergeThresholds(base: ThresholdsProfile, override: unknown): ThresholdsProfile {
  if (override === undefined) {
    return structuredClone(base);
  }
  if (!isPlainObject(override)) {
    throw new Error(
      `Invalid thresholds override: the override must be an object (got ${describeType(override)})`,
    );
  }
  const errors: string[] = [];
  const baseTree = structuredClone(base) as unknown as JsonObject;
  const merged = mergeNode(baseTree, override, '', errors);
  if (errors.length > 0) {
    throw new Error(`Invalid thresholds override: ${errors.join('; ')}`);
  }
  return merged as unknown as ThresholdsProfile;
}
