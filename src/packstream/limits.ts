/**
 * Size and depth limits of the decoder (and the nesting limit of the encoder). Every declared length is
 * checked against its limit and against the bytes left in the input before anything is allocated, so a
 * forged header such as `D2 7F FF FF FF` costs nothing.
 */
export interface PackStreamLimits {
  /** Longest string, in UTF-8 bytes. */
  readonly maxStringBytes: number;
  /** Longest byte array. */
  readonly maxBytesLength: number;
  /** Most items in one list. */
  readonly maxListLength: number;
  /** Most entries in one map. */
  readonly maxMapEntries: number;
  /** Deepest nesting of lists, maps and structures; a top-level container is depth 1. */
  readonly maxDepth: number;
  /** Most fields in one structure (only the legacy `DC`/`DD` headers can declare more than 15). */
  readonly maxStructFields: number;
}

/**
 * Defaults for a server facing untrusted clients. Strings and byte arrays up to 64 MiB, collections up to
 * 16 Mi items (the remaining-input check usually bites far earlier), nesting 128 deep (each level is one
 * native stack frame, so this stays far from a stack overflow), 15 struct fields (the PackStream maximum).
 */
export const DEFAULT_LIMITS: PackStreamLimits = Object.freeze({
  maxStringBytes: 64 * 1024 * 1024,
  maxBytesLength: 64 * 1024 * 1024,
  maxListLength: 16 * 1024 * 1024,
  maxMapEntries: 16 * 1024 * 1024,
  maxDepth: 128,
  maxStructFields: 15,
});

/** Fills the missing limits of `partial` from {@link DEFAULT_LIMITS}. */
export function resolveLimits(partial: Partial<PackStreamLimits> | undefined): PackStreamLimits {
  if (partial === undefined) return DEFAULT_LIMITS;
  return Object.freeze({ ...DEFAULT_LIMITS, ...partial });
}
