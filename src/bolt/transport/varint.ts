import { invariant } from '../../errors/index.js';

/**
 * Unsigned LEB128 varints, used only by the manifest handshake (entry count and capability mask): 7 data bits
 * per byte, least-significant group first, high bit `0x80` = "more bytes follow". `80 01` = 128.
 */

/** A uint64 needs at most ten 7-bit groups; a longer varint is rejected, never buffered. */
export const MAX_VARINT_BYTES = 10;

const UINT64_MAX = (1n << 64n) - 1n;

/** The result of reading a varint from a possibly incomplete buffer. */
export type VarintRead =
  | { readonly kind: 'VALUE'; readonly value: bigint; readonly byteLength: number }
  | { readonly kind: 'INCOMPLETE' }
  /** More than {@link MAX_VARINT_BYTES} bytes, or a value above 2^64 - 1. */
  | { readonly kind: 'OVERLONG' };

const INCOMPLETE: VarintRead = Object.freeze({ kind: 'INCOMPLETE' });
const OVERLONG: VarintRead = Object.freeze({ kind: 'OVERLONG' });

/**
 * Encodes a non-negative integer of at most 64 bits.
 * @throws InternalError for negative or larger values (a programming error: we only encode our own counts).
 */
export function encodeVarint(value: bigint | number): Uint8Array {
  let rest = BigInt(value);
  invariant(rest >= 0n && rest <= UINT64_MAX, `Varint out of range: ${rest}`);
  const out: number[] = [];
  do {
    let group = Number(rest & 0x7fn);
    rest >>= 7n;
    if (rest !== 0n) group |= 0x80;
    out.push(group);
  } while (rest !== 0n);
  return Uint8Array.from(out);
}

/** Reads one varint starting at `offset`, telling apart "need more bytes" from "malformed". */
export function readVarint(bytes: Uint8Array, offset = 0): VarintRead {
  let value = 0n;
  for (let index = 0; index < MAX_VARINT_BYTES; index++) {
    const byte = bytes[offset + index];
    if (byte === undefined) return INCOMPLETE;
    value |= BigInt(byte & 0x7f) << BigInt(7 * index);
    if ((byte & 0x80) === 0) {
      return value > UINT64_MAX ? OVERLONG : { kind: 'VALUE', value, byteLength: index + 1 };
    }
  }
  return OVERLONG;
}
