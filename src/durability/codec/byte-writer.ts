import { invariant } from '../../errors/index.js';
import { utf8Encoder } from '../../util/index.js';

/** Strings holding a lone surrogate cannot go through UTF-8 without loss (TextEncoder writes U+FFFD). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const TWO_POW_32 = 0x1_0000_0000;

/** Bytes of `value` as unsigned LEB128. */
function varUintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

/**
 * A growable little-endian byte buffer for the durability formats (WAL records, snapshots). Every method
 * appends; `finish()` returns the bytes written. Integers documented as "safe" must be non-negative safe
 * integers: anything else is a bug in the caller, not damage, so it fails an `invariant`.
 */
export class ByteWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private position = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Uint8Array(Math.max(16, initialCapacity));
    this.view = new DataView(this.buffer.buffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.position;
  }

  /** One byte, 0..255. */
  u8(value: number): void {
    this.ensure(1);
    this.buffer[this.position++] = value;
  }

  /** An unsigned 32-bit integer, 4 bytes. */
  u32(value: number): void {
    this.ensure(4);
    this.view.setUint32(this.position, value, true);
    this.position += 4;
  }

  /** A non-negative safe integer as an unsigned 64-bit integer, 8 bytes. */
  u64(value: number): void {
    // The message is built only on failure: these run for every value of every record and snapshot.
    if (!(Number.isSafeInteger(value) && value >= 0)) {
      invariant(false, `Cannot write ${value} as an unsigned 64-bit integer`);
    }
    this.ensure(8);
    this.view.setUint32(this.position, value % TWO_POW_32, true);
    this.view.setUint32(this.position + 4, Math.floor(value / TWO_POW_32), true);
    this.position += 8;
  }

  /** A non-negative safe integer as unsigned LEB128: 7 bits per byte, high bit set on all but the last. */
  varUint(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) {
      invariant(false, `Cannot write ${value} as an unsigned varint`);
    }
    this.ensure(8);
    this.position = this.writeVarUintAt(this.position, value);
  }

  /** A signed 64-bit integer, zigzag-mapped (0, -1, 1, -2, … → 0, 1, 2, 3, …) and then as LEB128. */
  varInt(value: bigint): void {
    if (BigInt.asIntN(64, value) !== value) {
      invariant(false, `Cannot write ${value} as a signed 64-bit integer`);
    }
    const zigzag = value >= 0n ? value << 1n : (-value << 1n) - 1n;
    if (zigzag <= BigInt(Number.MAX_SAFE_INTEGER)) {
      this.varUint(Number(zigzag));
      return;
    }
    this.ensure(10);
    let rest = zigzag;
    while (rest >= 0x80n) {
      this.buffer[this.position++] = Number(rest & 0x7fn) | 0x80;
      rest >>= 7n;
    }
    this.buffer[this.position++] = Number(rest);
  }

  /** An IEEE 754 double, 8 bytes, bit-exact (-0.0 and NaN included). */
  f64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.position, value, true);
    this.position += 8;
  }

  /** Raw bytes, without a length: the format must say how many follow. */
  bytes(value: Uint8Array): void {
    this.ensure(value.length);
    this.buffer.set(value, this.position);
    this.position += value.length;
  }

  /**
   * A string: varUint `(byteLength << 1) | form`, then the bytes. Form 0 is UTF-8; form 1 is UTF-16LE code
   * units, used only for strings with a lone surrogate, which UTF-8 cannot carry, so every string comes
   * back exactly as written.
   */
  string(value: string): void {
    if (LONE_SURROGATE.test(value)) {
      this.varUint(value.length * 4 + 1);
      this.ensure(value.length * 2);
      for (let index = 0; index < value.length; index++) {
        this.view.setUint16(this.position, value.charCodeAt(index), true);
        this.position += 2;
      }
      return;
    }
    // Encoded in place behind room for the longest possible length prefix; moved back when the actual
    // prefix is shorter. No intermediate array per string.
    const maxPrefix = varUintSize(value.length * 3 * 2);
    this.ensure(maxPrefix + value.length * 3);
    const start = this.position + maxPrefix;
    const { written } = utf8Encoder.encodeInto(value, this.buffer.subarray(start));
    const prefix = varUintSize(written * 2);
    if (prefix < maxPrefix) this.buffer.copyWithin(this.position + prefix, start, start + written);
    this.writeVarUintAt(this.position, written * 2);
    this.position += prefix + written;
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.position);
  }

  /**
   * The bytes written so far, without a copy: a view that the next write after {@link reset} overwrites,
   * for a caller that copies them out at once (a writer reused per record saves two buffers a record).
   */
  written(): Uint8Array {
    return this.buffer.subarray(0, this.position);
  }

  /** Bytes the buffer holds before it must grow. */
  get capacity(): number {
    return this.buffer.length;
  }

  /** Starts over at position 0, keeping the buffer (and its grown capacity). */
  reset(): void {
    this.position = 0;
  }

  /** Writes `value` as LEB128 at `at` (room already ensured) and returns the position after it. */
  private writeVarUintAt(at: number, value: number): number {
    let position = at;
    let rest = value;
    // Division rather than shifts: shifts truncate to 32 bits, and safe integers reach 53.
    while (rest >= 0x80) {
      this.buffer[position++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[position++] = rest;
    return position;
  }

  private ensure(extra: number): void {
    const needed = this.position + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.position));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}
