import { InternalError } from './database-error.js';

/**
 * Asserts a condition that user input can never violate (DuckDB `D_ASSERT` rule). It lives in `errors`
 * rather than `util` because it throws a registry error and `util` sits below `errors`.
 * @throws InternalError (`Neo.DatabaseError.General.UnknownError`) when `condition` is false.
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InternalError(message);
}

/** Marks a branch the type checker proves unreachable; reaching it anyway is an internal error. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`Unexpected ${what}: ${String(value)}`);
}
