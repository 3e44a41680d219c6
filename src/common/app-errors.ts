// Application errors that any layer may throw; the HTTP error filter (api/error.filter.ts) maps them to statuses and
// bodies, and the MCP tools to refusals, so features need not know HTTP. A feature's own error extends one of them.
// Every message is safe to show the caller, but an UpstreamUnavailableError's (see publicMessage).

/** A field of the input and what is wrong with it. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Further facts a refusal answers beside its message (the action in the way, ...). */
export type ErrorDetails = Readonly<Record<string, string | number | boolean>>;

/** Base of the application errors: what went wrong, in words the caller may read. */
export abstract class AppError extends Error {
  constructor(
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** Input refused: the fields at fault (none when the input as a whole is wrong). */
export class InvalidInputError extends AppError {
  override name = 'InvalidInputError';
  readonly fields: readonly FieldProblem[];

  /** One field and its problem; the message reads "field: problem". */
  constructor(field: string, problem: string);
  /** Any number of fields (none: the input as a whole), with a message of their own. */
  constructor(fields: readonly FieldProblem[], message: string);
  constructor(fieldOrFields: string | readonly FieldProblem[], problemOrMessage: string) {
    const one = typeof fieldOrFields === 'string';
    super(one ? `${fieldOrFields}: ${problemOrMessage}` : problemOrMessage);
    this.fields = one ? [{ field: fieldOrFields, problems: [problemOrMessage] }] : fieldOrFields;
  }
}

/** The thing asked for does not exist; `field` names the input that referred to it, when that is worth saying. */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The request contradicts the current state (a reboot already under way, a key claimed by another request). */
export class ConflictError extends AppError {
  override name = 'ConflictError';
}

/** Valid input that cannot be done as things are set up (a modem with no write access, a key reused elsewhere). */
export class UnprocessableError extends AppError {
  override name = 'UnprocessableError';
}

/** Too many attempts: refused for `retryAfterSec` seconds (answered as a detail of that name). */
export class TooManyAttemptsError extends AppError {
  override name = 'TooManyAttemptsError';

  constructor(
    message: string,
    readonly retryAfterSec: number,
  ) {
    super(message, { retryAfterSec });
  }
}

/**
 * A system Linecheck depends on did not answer. `temporary`: Linecheck's own backing service, expected back
 * shortly (the caller should retry); otherwise a device asked on the caller's behalf (a CMTS) failed it.
 * `publicMessage` is what the caller is told when the message itself is for the logs only.
 */
export class UpstreamUnavailableError extends AppError {
  override name = 'UpstreamUnavailableError';
  readonly temporary: boolean;
  readonly publicMessage: string;

  constructor(message: string, options: { temporary?: boolean; publicMessage?: string } = {}) {
    super(message);
    this.temporary = options.temporary ?? false;
    this.publicMessage = options.publicMessage ?? message;
  }
}

/** An application error as data, to keep it (an idempotent request's refusal) and raise it again later. */
export interface AppErrorRecord {
  kind: 'invalid-input' | 'not-found' | 'conflict' | 'unprocessable';
  message: string;
  fields?: FieldProblem[];
  field?: string;
  details?: Record<string, string | number | boolean>;
}

/** The record of an error that can be raised again, or undefined for one that should not be kept. */
export function recordOf(error: unknown): AppErrorRecord | undefined {
  const base = (error: AppError) => ({
    message: error.message,
    ...(Object.keys(error.details).length > 0 && { details: { ...error.details } }),
  });
  if (error instanceof InvalidInputError) {
    return { kind: 'invalid-input', ...base(error), fields: [...error.fields] };
  }
  if (error instanceof NotFoundError) {
    return { kind: 'not-found', ...base(error), ...(error.field !== undefined && { field: error.field }) };
  }
  if (error instanceof ConflictError) {
    return { kind: 'conflict', ...base(error) };
  }
  if (error instanceof UnprocessableError) {
    return { kind: 'unprocessable', ...base(error) };
  }
  return undefined;
}

export function fromRecord(record: AppErrorRecord): AppError {
  switch (record.kind) {
    case 'invalid-input':
      return new InvalidInputError(record.fields ?? [], record.message);
    case 'not-found':
      return new NotFoundError(record.message, record.field);
    case 'conflict':
      return new ConflictError(record.message, record.details);
    case 'unprocessable':
      return new UnprocessableError(record.message, record.details);
  }
}
