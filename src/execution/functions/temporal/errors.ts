import { CypherArgumentError, CypherTypeError } from '../../../errors/index.js';

/**
 * The TCK's `ArgumentError` with detail `InvalidArgumentValue`: a temporal string that does not parse, a
 * field out of range, an unknown time zone or map key.
 */
export function invalidTemporalArgument(message: string, cause?: unknown): CypherArgumentError {
  return new CypherArgumentError(
    message,
    cause === undefined ? { detail: 'InvalidArgumentValue' } : { detail: 'InvalidArgumentValue', cause },
  );
}

/** The TCK's `TypeError` with detail `InvalidArgumentType`: an argument of a type the function cannot use. */
export function invalidTemporalType(message: string): CypherTypeError {
  return new CypherTypeError(message, { detail: 'InvalidArgumentType' });
}
