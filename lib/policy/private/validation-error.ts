/**
 * Bad input to the library: a value that breaks a documented rule. The message is complete on its own
 * (`<construct path or function>: <what> "<value>" <why> (<the rule>)`, one line per problem), so an
 * app's entry point prints it alone, without a stack trace, and exits non-zero.
 */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** True for the library's validation errors (by name too, in case two copies of the library are loaded). */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError || (error instanceof Error && error.name === 'ValidationError');
}
