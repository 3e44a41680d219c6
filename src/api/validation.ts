import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
} from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

export function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
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
