import { Buffer, isAscii } from 'node:buffer';
import { PackStreamError } from '../errors/index.js';

/*
 * Strict UTF-8 decoding of PackStream strings, tuned by measurement on Node 20 (bench/packstream.bench.ts):
 * - short pure ASCII (≤ 32 bytes, keys, labels, names): fixed-arity `String.fromCharCode` calls, about 2x
 *   faster than a `+=` loop and than a TextDecoder call, whose fixed cost dominates short strings;
 * - longer pure ASCII: the SIMD `isAscii` check, then a native latin1 copy;
 * - anything else up to 64 KiB: a validating transcoder in JS into a UTF-16 scratch buffer, then a native
 *   UTF-16 copy. Node 20's own UTF-8 decoding (TextDecoder, Buffer#toString) runs at only ~300 MB/s, and
 *   this is 1.5x faster for both short and 300-byte strings;
 * - longer input, or a big-endian host: TextDecoder with `fatal`.
 * The JS validator follows the WHATWG decoder (no overlongs, no surrogates, nothing above U+10FFFF), and a
 * property test checks it against TextDecoder.
 */

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const SHORT_STRING_MAX = 32;
const SCRATCH_UNITS = 65536;
const scratch = new Uint16Array(SCRATCH_UNITS);
const scratchBytes = Buffer.from(scratch.buffer);
/** The scratch is read as UTF-16LE, so the JS transcoder is used only on little-endian hosts. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const fromCharCode = String.fromCharCode;

/** Supplies a Node Buffer over the same memory as the input bytes, created only when first needed. */
export interface BufferViewSource {
  bufferView(): Buffer;
}

/**
 * Decodes `bytes[start, end)` as UTF-8.
 * @throws PackStreamError `INVALID_UTF8` (with `errorOffset`, by default `start`, as offset) for
 * malformed input.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  source: BufferViewSource,
  start: number,
  end: number,
  errorOffset = start,
): string {
  if (end - start <= SHORT_STRING_MAX) {
    let high = 0;
    for (let index = start; index < end; index++) high |= bytes[index] ?? 0;
    return high < 0x80 ? shortAscii(bytes, start, end) : decodeNonAscii(bytes, start, end, errorOffset);
  }
  if (isAscii(bytes.subarray(start, end))) return source.bufferView().toString('latin1', start, end);
  return decodeNonAscii(bytes, start, end, errorOffset);
}

function decodeNonAscii(bytes: Uint8Array, start: number, end: number, errorOffset: number): string {
  if (end - start > SCRATCH_UNITS || !LITTLE_ENDIAN) {
    return decodeWithTextDecoder(bytes, start, end, errorOffset);
  }
  const units = transcode(bytes, start, end);
  if (units < 0) throw invalidUtf8(errorOffset);
  return scratchBytes.toString('utf16le', 0, units * 2);
}

function decodeWithTextDecoder(bytes: Uint8Array, start: number, end: number, errorOffset: number): string {
  try {
    return strictDecoder.decode(bytes.subarray(start, end));
  } catch {
    throw invalidUtf8(errorOffset);
  }
}

function invalidUtf8(start: number): PackStreamError {
  return new PackStreamError('INVALID_UTF8', `Invalid UTF-8 in the string at offset ${start}`, start);
}

/** Converts UTF-8 into UTF-16 units in `scratch`; returns the unit count, or -1 for malformed input. */
function transcode(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  let index = start;
  while (index < end) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      scratch[units++] = lead;
      index += 1;
    } else if (lead >= 0xc2 && lead < 0xe0) {
      const c1 = index + 1 < end ? (bytes[index + 1] ?? 0) : 0;
      if ((c1 & 0xc0) !== 0x80) return -1;
      scratch[units++] = ((lead & 0x1f) << 6) | (c1 & 0x3f);
      index += 2;
    } else if (lead >= 0xe0 && lead < 0xf0) {
      if (index + 2 >= end) return -1;
      const c1 = bytes[index + 1] ?? 0;
      const c2 = bytes[index + 2] ?? 0;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return -1;
      const unit = ((lead & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff)) return -1;
      scratch[units++] = unit;
      index += 3;
    } else if (lead >= 0xf0 && lead < 0xf5) {
      if (index + 3 >= end) return -1;
      const c1 = bytes[index + 1] ?? 0;
      const c2 = bytes[index + 2] ?? 0;
      const c3 = bytes[index + 3] ?? 0;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return -1;
      const point = ((lead & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (point < 0x10000 || point > 0x10ffff) return -1;
      scratch[units++] = 0xd800 | ((point - 0x10000) >> 10);
      scratch[units++] = 0xdc00 | ((point - 0x10000) & 0x3ff);
      index += 4;
    } else {
      return -1;
    }
  }
  return units;
}

// prettier-ignore
/** Pure ASCII in 16-byte groups: one native call per group instead of one string per byte. */
function shortAscii(b: Uint8Array, s: number, end: number): string {
  let result = '';
  while (end - s > 16) {
    result += fromCharCode(
      b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0,
      b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0, b[s + 11] ?? 0, b[s + 12] ?? 0,
      b[s + 13] ?? 0, b[s + 14] ?? 0, b[s + 15] ?? 0,
    );
    s += 16;
  }
  return result + asciiTail(b, s, end - s);
}

// prettier-ignore
function asciiTail(b: Uint8Array, s: number, length: number): string {
  switch (length) {
    case 0: return '';
    case 1: return fromCharCode(b[s] ?? 0);
    case 2: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0);
    case 3: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0);
    case 4: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0);
    case 5: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0);
    case 6: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0);
    case 7: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0);
    case 8: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0);
    case 9: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0);
    case 10: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0);
    case 11: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0);
    case 12: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0, b[s + 11] ?? 0);
    case 13: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0, b[s + 11] ?? 0, b[s + 12] ?? 0);
    case 14: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0, b[s + 11] ?? 0, b[s + 12] ?? 0, b[s + 13] ?? 0);
    case 15: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0, b[s + 11] ?? 0, b[s + 12] ?? 0, b[s + 13] ?? 0, b[s + 14] ?? 0);
    default: return fromCharCode(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0, b[s + 8] ?? 0, b[s + 9] ?? 0, b[s + 10] ?? 0, b[s + 11] ?? 0, b[s + 12] ?? 0, b[s + 13] ?? 0, b[s + 14] ?? 0, b[s + 15] ?? 0);
  }
}
