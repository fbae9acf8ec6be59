import { hashKey, type CypherValue } from '../../values/index.js';

/** Integral floats in [-2^63, 2^63) are equivalent to an INTEGER, so they group with it. */
const TWO_TO_63 = 2 ** 63;

/** A `Map` key for grouping by one value: see `groupKey`. */
export type GroupKey = bigint | boolean | string | null;

/**
 * The key one grouping value is looked up by: `groupKey(a) === groupKey(b)` (SameValueZero, as `Map` compares
 * keys) exactly when `a` and `b` are equivalent. INTEGERs, booleans and null are their own key, so the
 * common grouping by an integer property builds no string per row; an integral FLOAT becomes the INTEGER it
 * equals; everything else is its `hashKey` string (never confused with the others, which are not strings).
 */
export function groupKey(value: CypherValue): GroupKey {
  if (typeof value === 'bigint' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= -TWO_TO_63 && value < TWO_TO_63)
    return BigInt(value);
  return hashKey(value);
}
