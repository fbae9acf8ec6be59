import type { DiscardMessage, PullMessage } from './request.js';
import { REQUEST_TAG } from './tags.js';

/*
 * PULL and DISCARD (Bolt 4.0+) as drivers send them, read straight from the message body: every query
 * ends with one, and the body is a one- or two-entry map of small integers, e.g. `B1 3F A1 81 6E C9 03 E8`
 * (`PULL {n: 1000}`). Reading it this way skips the map object, the integer's BigInt and the field list.
 * Anything else (another layout, a duplicate key, an out-of-range value, a 64-bit integer) is left to the
 * general decoder (`decodeStreamExtra`), which gives the same message or the error the client must see.
 */

const TINY_STRUCT_1 = 0xb1;
const TINY_MAP = 0xa0;
const KEY_N = 0x6e; // 'n', after the tiny-string marker 0x81
const INT_8 = 0xc8;
const INT_16 = 0xc9;
const INT_32 = 0xca;

/** Reads a PULL or DISCARD body `bytes[start, end)`; `null` when the general decoder must decide. */
export function readStreamRequest(
  bytes: Uint8Array,
  start: number,
  end: number,
): PullMessage | DiscardMessage | null {
  if (end - start < 6 || bytes[start] !== TINY_STRUCT_1) return null;
  const tag = bytes[start + 1];
  if (tag !== REQUEST_TAG.PULL && tag !== REQUEST_TAG.DISCARD) return null;
  const entries = (bytes[start + 2] ?? 0) - TINY_MAP;
  if (entries !== 1 && entries !== 2) return null;
  const reader = { bytes, position: start + 3, end };
  let n: number | null = null;
  let qid: number | null = null;
  for (let entry = 0; entry < entries; entry++) {
    const key = readKey(reader);
    const value = readSmallInteger(reader);
    if (value === null) return null;
    if (key === 'n' && n === null) n = value;
    else if (key === 'qid' && qid === null) qid = value;
    else return null;
  }
  if (reader.position !== end || n === null || (n !== -1 && n < 1) || (qid !== null && qid < -1)) return null;
  return tag === REQUEST_TAG.PULL
    ? { kind: 'PULL', n, qid: qid ?? -1 }
    : { kind: 'DISCARD', n, qid: qid ?? -1 };
}

interface Reader {
  readonly bytes: Uint8Array;
  position: number;
  readonly end: number;
}

/** `n` or `qid` as tiny strings; anything else is `null`. */
function readKey(reader: Reader): 'n' | 'qid' | null {
  const { bytes, position } = reader;
  if (bytes[position] === 0x81 && bytes[position + 1] === KEY_N && position + 2 <= reader.end) {
    reader.position = position + 2;
    return 'n';
  }
  if (
    bytes[position] === 0x83 &&
    bytes[position + 1] === 0x71 &&
    bytes[position + 2] === 0x69 &&
    bytes[position + 3] === 0x64 &&
    position + 4 <= reader.end
  ) {
    reader.position = position + 4;
    return 'qid';
  }
  return null;
}

/** A tiny, 8-, 16- or 32-bit integer; `null` for anything else or input that ends inside it. */
function readSmallInteger(reader: Reader): number | null {
  const { bytes, position, end } = reader;
  if (position >= end) return null;
  const marker = bytes[position] ?? 0;
  if (marker < 0x80 || marker >= 0xf0) {
    reader.position = position + 1;
    return (marker << 24) >> 24;
  }
  const size = marker === INT_8 ? 1 : marker === INT_16 ? 2 : marker === INT_32 ? 4 : 0;
  if (size === 0 || position + 1 + size > end) return null;
  let value = 0;
  for (let index = 1; index <= size; index++) value = (value << 8) | (bytes[position + index] ?? 0);
  reader.position = position + 1 + size;
  // Two's complement of the width read (32 bits: `|` already gave the signed value).
  return size === 1 ? (value << 24) >> 24 : size === 2 ? (value << 16) >> 16 : value;
}
