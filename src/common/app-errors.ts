// Application errors that any layer may throw; the HTTP error filter maps them, so features need not know HTTP.

/** Input refused for a reason the DTO validation cannot see (a reference to something that does not exist...). */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
