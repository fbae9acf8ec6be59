/**
 * PackStream v1 marker bytes and size boundaries, named after the spec (bolt-spec-digest §1.3, §4.2).
 * A marker is the first byte of every encoded value; "tiny" markers carry a size or value in their low nibble.
 */

/** `80`–`8F`: string of 0–15 UTF-8 bytes, length in the low nibble. */
export const TINY_STRING = 0x80;
/** `90`–`9F`: list of 0–15 items. */
export const TINY_LIST = 0x90;
/** `A0`–`AF`: map of 0–15 entries. */
export const TINY_MAP = 0xa0;
/** `B0`–`BF`: structure of 0–15 fields, followed by the tag byte. */
export const TINY_STRUCT = 0xb0;

export const NULL = 0xc0;
/** IEEE-754 double, 8 bytes big-endian. The only float width. */
export const FLOAT_64 = 0xc1;
export const FALSE = 0xc2;
export const TRUE = 0xc3;

export const INT_8 = 0xc8;
export const INT_16 = 0xc9;
export const INT_32 = 0xca;
export const INT_64 = 0xcb;

/** Bytes have no tiny form: even an empty byte array is `CC 00`. */
export const BYTES_8 = 0xcc;
export const BYTES_16 = 0xcd;
export const BYTES_32 = 0xce;

export const STRING_8 = 0xd0;
export const STRING_16 = 0xd1;
export const STRING_32 = 0xd2;

export const LIST_8 = 0xd4;
export const LIST_16 = 0xd5;
export const LIST_32 = 0xd6;

export const MAP_8 = 0xd8;
export const MAP_16 = 0xd9;
export const MAP_32 = 0xda;

/** Legacy wide structure headers: accepted on input, never written (modern drivers cannot read them). */
export const STRUCT_8 = 0xdc;
export const STRUCT_16 = 0xdd;

/** Tiny integers: `F0`–`FF` are −16…−1 and `00`–`7F` are 0…127. */
export const TINY_INT_MIN = -16;
export const TINY_INT_MAX = 127;
/** Largest size that fits the low nibble of a tiny marker. */
export const TINY_SIZE_MAX = 15;
/** A structure tag is one byte in 0…127. */
export const STRUCT_TAG_MAX = 127;
/** Most fields a structure may have on output (tiny struct form only). */
export const STRUCT_FIELDS_MAX = 15;

/**
 * UUID (PackStream v2, Bolt 6.1+): the marker and then the 16 bytes of the UUID, most significant first.
 * Reserved in PackStream v1: an {@link Unpacker} reads it only when given a `readUuid` hook.
 */
export const UUID = 0xe0;
/** The bytes after a {@link UUID} marker. */
export const UUID_BYTES = 16;

/** Markers PackStream v1 reserves: decoding one is an error (`E0` is UUID in PackStream v2). */
export const RESERVED_MARKERS: readonly number[] = Object.freeze([
  0xc4, 0xc5, 0xc6, 0xc7, 0xcf, 0xd3, 0xd7, 0xdb, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7,
  0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
]);

/** True when `marker` is one of the reserved markers (`C4–C7, CF, D3, D7, DB, DE, DF, E0–EF`). */
export function isReservedMarker(marker: number): boolean {
  return RESERVED_MARKERS.includes(marker);
}
