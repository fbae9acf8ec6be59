/**
 * Numeric comparison across INTEGER (bigint) and FLOAT (number), exact as the openCypher CIP asks ("as if
 * both were coerced to unlimited-precision decimals"): 2^53 + 1 is greater than the float 2^53, although
 * `Number(2n ** 53n + 1n) === 2 ** 53`.
 */

const TWO_TO_53 = 2 ** 53;

/** -1, 0 or 1 for two bigints. */
export function compareBigInts(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1 for an integer and a non-NaN float, exactly. */
function compareIntegerToFloat(integer: bigint, float: number): number {
  const asNumber = Number(integer);
  if (asNumber > -TWO_TO_53 && asNumber < TWO_TO_53) {
    // Below 2^53 in magnitude the conversion was exact (larger integers round to at least 2^53), so the
    // float comparison is exact. This avoids slower bigint comparisons on the common path.
    return asNumber < float ? -1 : asNumber > float ? 1 : 0;
  }
  if (float === Infinity) return -1;
  if (float === -Infinity) return 1;
  const floor = Math.floor(float);
  // An integral double converts to bigint exactly.
  const order = compareBigInts(integer, BigInt(floor));
  if (order !== 0) return order;
  return floor === float ? 0 : -1;
}

/**
 * Compares two numbers mathematically: -1, 0 or 1, or NaN when either is NaN (NaN is unordered: every
 * comparison with it is false, and `=` too). `-0.0` equals `0.0`.
 */
export function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
    if (Number.isNaN(a)) return NaN;
    const reversed = compareIntegerToFloat(b, a);
    return reversed === 0 ? 0 : -reversed; // never -0
  }
  if (typeof b === 'bigint') return compareBigInts(a, b);
  return Number.isNaN(b) ? NaN : compareIntegerToFloat(a, b);
}

/**
 * The total order of numbers for ORDER BY: mathematical order, NaN after +Infinity and tied with NaN
 * (openCypher orderability). Returns -1, 0 or 1.
 */
export function orderNumbers(a: bigint | number, b: bigint | number): number {
  const order = compareNumbers(a, b);
  if (!Number.isNaN(order)) return order;
  const isNaNA = typeof a === 'number' && Number.isNaN(a);
  const isNaNB = typeof b === 'number' && Number.isNaN(b);
  return isNaNA === isNaNB ? 0 : isNaNA ? 1 : -1;
}
