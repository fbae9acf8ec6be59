/**
 * Helpers for typed arrays that grow by doubling, used by the struct-of-arrays tables. Returning the
 * (possibly new) array keeps the hot read paths free of indirection: tables hold the arrays in fields.
 */

/** `array` if it has room for index `index`, else a copy with at least double the length. */
export function ensureInt32(
  array: Int32Array<ArrayBuffer>,
  index: number,
  fill = 0,
): Int32Array<ArrayBuffer> {
  if (index < array.length) return array;
  const grown = new Int32Array(Math.max(index + 1, array.length * 2, 16));
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}

/** `array` if it has room for index `index`, else a copy with at least double the length. */
export function ensureUint8(array: Uint8Array<ArrayBuffer>, index: number): Uint8Array<ArrayBuffer> {
  if (index < array.length) return array;
  const grown = new Uint8Array(Math.max(index + 1, array.length * 2, 16));
  grown.set(array);
  return grown;
}
