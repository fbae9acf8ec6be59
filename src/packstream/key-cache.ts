/**
 * Map keys seen before, kept as internalized strings. Requests repeat the same few keys (`bookmarks`,
 * `n`, `db`, parameter names); decoding such a key again costs a new string, and storing a property
 * under a string that is not internalized makes V8 look it up in its string table first. Comparing the
 * key's bytes with a cached key's characters costs less than either.
 *
 * Direct-mapped by length and a few bytes; only pure ASCII keys of at most {@link MAX_KEY_BYTES} bytes are
 * kept (their UTF-16 units then equal their bytes). A collision replaces the slot. The cache is shared by
 * every decoder of the thread: strings are immutable, so sharing them is safe.
 */
export const MAX_KEY_BYTES = 24;
const SLOTS = 512;
const slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

function slotOf(bytes: Uint8Array, start: number, size: number): number {
  const first = bytes[start] ?? 0;
  const middle = bytes[start + (size >> 1)] ?? 0;
  const last = bytes[start + size - 1] ?? 0;
  return (size * 37 + first * 5 + middle * 3 + last) & (SLOTS - 1);
}

/** The cached key equal to `bytes[start, start + size)`, or `undefined`. `size` ≤ MAX_KEY_BYTES. */
export function cachedKey(bytes: Uint8Array, start: number, size: number): string | undefined {
  const key = slots[slotOf(bytes, start, size)];
  if (key?.length !== size) return undefined;
  for (let index = 0; index < size; index++) {
    if (key.charCodeAt(index) !== bytes[start + index]) return undefined;
  }
  return key;
}

/**
 * Caches `key`, just decoded from `bytes[start, start + size)`, when it is pure ASCII and short; returns
 * the string to use (the internalized one when cached).
 */
export function rememberKey(key: string, bytes: Uint8Array, start: number, size: number): string {
  if (size > MAX_KEY_BYTES || key.length !== size) return key;
  // A property name is always internalized: reading it back gives the string table's copy.
  const internalized = Object.keys({ [key]: 0 })[0] ?? key;
  slots[slotOf(bytes, start, size)] = internalized;
  return internalized;
}
