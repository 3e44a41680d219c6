import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';

import type { FieldProblem } from '../common/app-errors';

export type { FieldProblem };

export function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: problemsOf(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator's type checks: when one fails, the rules about size or range say nothing useful. */
const TYPE_CHECKS = new Set(['isInt', 'isNumber', 'isString', 'isBoolean', 'isArray', 'isObject']);
const LIMIT = /(-?\d+(?:\.\d+)?)$/;

/**
 * One problem for a value of the wrong type, with the range it must be in ("must be an integer number from 0 to
 * 86400"), instead of the type problem plus every range rule the wrong type also broke.
 */
function problemsOf(constraints: Record<string, string>): string[] {
  const typeCheck = Object.keys(constraints).find((name) => TYPE_CHECKS.has(name));
  if (!typeCheck) {
    return Object.values(constraints);
  }
  const min = LIMIT.exec(constraints.min ?? '')?.[1];
  const max = LIMIT.exec(constraints.max ?? '')?.[1];
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : '';
  return [`${constraints[typeCheck]}${range}`];
}

/** No input the API takes nests more than a few levels; deeper JSON would overflow the stack of the walks below. */
export const MAX_DEPTH = 32;

/** The first path where `value` nests objects or arrays more than `MAX_DEPTH` deep, found without recursion. */
export function tooDeep(value: unknown, maxDepth = MAX_DEPTH): FieldProblem | undefined {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.v == null || typeof item.v !== 'object') {
      continue;
    }
    if (item.path.length >= maxDepth) {
      return { field: item.path.join('.'), problems: [`nested more than ${maxDepth} levels deep`] };
    }
    for (const [k, child] of Object.entries(item.v)) {
      stack.push({ v: child, path: [...item.path, k] });
    }
  }
  return undefined;
}

export function badRequest(fields: FieldProblem[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '),
    fields,
  });
}

/** Refuses input nested too deep before class-transformer and class-validator walk it recursively. */
class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const deep = tooDeep(value);
    if (deep) {
      throw badRequest([deep]);
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

/** 400 with every bad field named: { statusCode, error, message, fields: [{ field, problems }] }. */
export function validationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => badRequest(flatten(errors)),
  });
}
