import { utf8DecoderFatal } from '../../util/index.js';
import { storageDamage } from './storage-damage.js';

const TWO_POW_32 = 0x1_0000_0000;

/**
 * Reads what `ByteWriter` wrote, in the same order. Any read past the end, an integer too large for its
 * type or invalid UTF-8 throws `StorageDamageDetected`: bytes that do not decode were not written by Quiver
 * (or were damaged since), and the reader never guesses.
 */
export class ByteReader {
  private readonly buffer: Uint8Array;
  private readonly view: DataView;
  private position: number;
  private readonly end: number;

  /** Reads `bytes` from `offset` up to `end` (default: the end of `bytes`). */
  constructor(bytes: Uint8Array, offset = 0, end = bytes.length) {
    this.buffer = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = offset;
    this.end = end;
  }

  /** The position of the next byte to read. */
  get offset(): number {
    return this.position;
  }

  /** Bytes left to read. */
  get remaining(): number {
    return this.end - this.position;
  }

  get isAtEnd(): boolean {
    return this.position >= this.end;
  }

  u8(): number {
    this.need(1);
    return this.buffer[this.position++] ?? 0;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  /** An unsigned 64-bit integer that must be a safe integer. */
  u64(): number {
    this.need(8);
    const low = this.view.getUint32(this.position, true);
    const high = this.view.getUint32(this.position + 4, true);
    const value = high * TWO_POW_32 + low;
    if (!Number.isSafeInteger(value)) throw this.damage(`a 64-bit integer beyond 2^53 - 1`);
    this.position += 8;
    return value;
  }

  /** An unsigned LEB128 integer that must be a safe integer. */
  varUint(): number {
    const start = this.position;
    let value = 0;
    let scale = 1;
    for (;;) {
      this.need(1);
      const byte = this.buffer[this.position++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
      if (scale > Number.MAX_SAFE_INTEGER) {
        this.position = start;
        throw this.damage('an unsigned varint beyond 2^53 - 1');
      }
    }
    if (!Number.isSafeInteger(value)) {
      this.position = start;
      throw this.damage('an unsigned varint beyond 2^53 - 1');
    }
    return value;
  }

  /** A zigzag LEB128 signed 64-bit integer. */
  varInt(): bigint {
    const start = this.position;
    let zigzag = 0n;
    let shift = 0n;
    for (;;) {
      this.need(1);
      const byte = this.buffer[this.position++] ?? 0;
      zigzag |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7n;
      if (shift > 63n) {
        this.position = start;
        throw this.damage('a signed varint longer than 64 bits');
      }
    }
    if (zigzag >= 1n << 64n) {
      this.position = start;
      throw this.damage('a signed varint longer than 64 bits');
    }
    return zigzag & 1n ? -(zigzag >> 1n) - 1n : zigzag >> 1n;
  }

  f64(): number {
    this.need(8);
    const value = this.view.getFloat64(this.position, true);
    this.position += 8;
    return value;
  }

  /** `length` raw bytes, as a view into the underlying buffer (copy it to keep it). */
  bytes(length: number): Uint8Array {
    this.need(length);
    const value = this.buffer.subarray(this.position, this.position + length);
    this.position += length;
    return value;
  }

  /** A string written by `ByteWriter.string`. */
  string(): string {
    const header = this.varUint();
    const byteLength = Math.floor(header / 2);
    if (header % 2 === 1) {
      if (byteLength % 2 !== 0) throw this.damage('a UTF-16 string with an odd byte length');
      this.need(byteLength);
      let text = '';
      // In slices: spreading a huge array into fromCharCode would overflow the call stack.
      for (let sliceStart = 0; sliceStart < byteLength; sliceStart += 2 * 4096) {
        const units: number[] = [];
        const sliceEnd = Math.min(byteLength, sliceStart + 2 * 4096);
        for (let index = sliceStart; index < sliceEnd; index += 2) {
          units.push(this.view.getUint16(this.position + index, true));
        }
        text += String.fromCharCode(...units);
      }
      this.position += byteLength;
      return text;
    }
    const start = this.position;
    const encoded = this.bytes(byteLength);
    try {
      return utf8DecoderFatal.decode(encoded);
    } catch (error) {
      this.position = start;
      throw this.damage('invalid UTF-8', error);
    }
  }

  private need(count: number): void {
    if (count > this.end - this.position) {
      throw storageDamage(
        `Unexpected end of data at offset ${this.position}: ${count} more bytes were expected but only ${
          this.end - this.position
        } remain`,
      );
    }
  }

  private damage(what: string, cause?: unknown): Error {
    return storageDamage(`Malformed data at offset ${this.position}: ${what}`, cause);
  }
}
