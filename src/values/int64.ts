import { CypherArgumentError } from '../errors/index.js';

/** The smallest Cypher INTEGER (-2^63). */
export const INT64_MIN = -(2n ** 63n);
/** The largest Cypher INTEGER (2^63 - 1). */
export const INT64_MAX = 2n ** 63n - 1n;

/** Whether a bigint fits in a signed 64-bit integer, the range of Cypher INTEGER and of PackStream INT_64. */
export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/**
 * Checks an integer argument given as bigint or safe-integer number and returns it as a bigint.
 * @throws CypherArgumentError (`Neo.ClientError.Statement.ArgumentError`) when it is not an integer in int64 range.
 */
export function requireInt64(value: bigint | number, what: string): bigint {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new CypherArgumentError(`Invalid ${what} ${value}: it must be an integer`);
    return BigInt(value);
  }
  if (!isInt64(value))
    throw new CypherArgumentError(`Invalid ${what} ${value}: it is out of the 64-bit integer range`);
  return value;
}

/**
 * Checks an integer argument given as bigint or number against an inclusive range that fits in a safe
 * integer, and returns it as a number.
 * @throws CypherArgumentError (`Neo.ClientError.Statement.ArgumentError`) when it is not an integer in range.
 */
export function requireIntegerInRange(
  value: bigint | number,
  min: number,
  max: number,
  what: string,
): number {
  const asNumber = typeof value === 'bigint' ? Number(value) : value;
  const isInteger = typeof value === 'bigint' || Number.isInteger(value);
  if (!isInteger || asNumber < min || asNumber > max) {
    throw new CypherArgumentError(`Invalid ${what} ${value}: it must be an integer in ${min}..${max}`);
  }
  return asNumber;
}
