import { PackStreamError } from '../errors/index.js';
import { ByteBuffer } from './byte-buffer.js';
import { DEFAULT_LIMITS } from './limits.js';
import {
  BYTES_16,
  BYTES_32,
  BYTES_8,
  FALSE,
  FLOAT_64,
  INT_16,
  INT_32,
  INT_64,
  INT_8,
  LIST_16,
  LIST_32,
  LIST_8,
  MAP_16,
  MAP_32,
  MAP_8,
  NULL,
  STRING_16,
  STRING_32,
  STRING_8,
  STRUCT_FIELDS_MAX,
  STRUCT_TAG_MAX,
  TINY_LIST,
  TINY_MAP,
  TINY_STRING,
  TINY_STRUCT,
  TRUE,
} from './markers.js';
import { Structure } from './structure.js';
import { writeUtf8 } from './utf8-encode.js';

/** Options of {@link Packer}. */
export interface PackerOptions {
  /** Turns an object that is not a list, map, byte array or `Structure` into a `Structure` (or throws). */
  readonly dehydrate?: (value: object) => Structure;
  /** Initial buffer size in bytes (default 1 KiB); the buffer doubles when full. */
  readonly initialCapacity?: number;
  /** Deepest nesting of lists, maps and structures (default {@link DEFAULT_LIMITS}.maxDepth); guards cycles. */
  readonly maxDepth?: number;
}

const DEFAULT_CAPACITY = 1024;
/** Strings up to this many UTF-16 units (at most 255 bytes: a STRING_8 header) are encoded in JS. */
const SHORT_STRING_UNITS = 85;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const TWO_POW_32 = 4294967296;
const UINT32_MAX = 0xffffffff;

/**
 * PackStream encoder writing into one growing buffer. Numbers are FLOAT_64, bigints the smallest INTEGER
 * form; every size header is the smallest that fits. Errors: `PackStreamError` with reason
 * `UNENCODABLE_VALUE`, `INVALID_STRUCTURE` or `DEPTH_LIMIT`; after an error call `truncate()` or `reset()`.
 * Errors thrown by the dehydrate hook propagate unchanged. Node-specific: long strings use `Buffer#write`.
 */
export class Packer extends ByteBuffer {
  private readonly maxDepth: number;
  private readonly dehydrate: ((value: object) => Structure) | undefined;

  constructor(options: PackerOptions = {}) {
    super(options.initialCapacity ?? DEFAULT_CAPACITY);
    this.maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
    this.dehydrate = options.dehydrate;
  }

  /** Encodes any supported value (see the module contract in index.ts). */
  packValue(value: unknown): void {
    this.packAny(value, 0);
  }

  /** Writes NULL (`C0`). */
  packNull(): void {
    this.writeByte(NULL);
  }

  /** Writes TRUE (`C3`) or FALSE (`C2`). */
  packBoolean(value: boolean): void {
    this.writeByte(value ? TRUE : FALSE);
  }

  /** Encodes an INTEGER in its smallest form; a `number` must be a safe integer. */
  packInteger(value: bigint | number): void {
    if (typeof value === 'bigint') {
      this.packBigInt(value);
    } else if (value >= -2147483648 && value <= 2147483647 && Number.isInteger(value)) {
      this.packInt32(value);
    } else if (Number.isSafeInteger(value)) {
      this.ensure(9);
      const high = Math.floor(value / TWO_POW_32);
      this.buffer[this.position] = INT_64;
      this.dataView.setInt32(this.position + 1, high);
      this.dataView.setUint32(this.position + 5, value - high * TWO_POW_32);
      this.position += 9;
    } else {
      throw new PackStreamError('UNENCODABLE_VALUE', `${value} is not a safe integer`);
    }
  }

  /** Encodes a FLOAT_64 (`C1`), also for integral values, so the type survives the round trip. */
  packFloat(value: number): void {
    this.ensure(9);
    this.buffer[this.position] = FLOAT_64;
    this.dataView.setFloat64(this.position + 1, value);
    this.position += 9;
  }

  /** Encodes a string as UTF-8 (lone surrogates become U+FFFD, as with every TextEncoder). */
  packString(value: string): void {
    const units = value.length;
    if (units > SHORT_STRING_UNITS) {
      this.packLongString(value, units);
      return;
    }
    // At most 3 bytes per unit, plus a 2-byte header.
    this.ensure(2 + units * 3);
    const buffer = this.buffer;
    const at = this.position;
    if (units >= 16) {
      const written = writeUtf8(buffer, at + 2, value);
      buffer[at] = STRING_8;
      buffer[at + 1] = written;
      this.position = at + 2 + written;
      return;
    }
    // Guess the tiny header (right for every ASCII string here); move the bytes if it did not fit.
    const written = writeUtf8(buffer, at + 1, value);
    if (written <= 15) {
      buffer[at] = TINY_STRING | written;
      this.position = at + 1 + written;
    } else {
      buffer.copyWithin(at + 2, at + 1, at + 1 + written);
      buffer[at] = STRING_8;
      buffer[at + 1] = written;
      this.position = at + 2 + written;
    }
  }

  /** Writes BYTES (`CC`/`CD`/`CE`: there is no tiny form) with a copy of `value`. */
  packBytes(value: Uint8Array): void {
    this.writeSizeHeader(value.length, -1, BYTES_8, BYTES_16, BYTES_32);
    this.ensure(value.length);
    this.buffer.set(value, this.position);
    this.position += value.length;
  }

  /** Writes the smallest list header for `size` items (0…2³²−1). */
  writeListHeader(size: number): void {
    checkSize(size);
    this.writeSizeHeader(size, TINY_LIST, LIST_8, LIST_16, LIST_32);
  }

  /** Writes the smallest map header for `size` entries (0…2³²−1); the caller writes key, value pairs. */
  writeMapHeader(size: number): void {
    checkSize(size);
    this.writeSizeHeader(size, TINY_MAP, MAP_8, MAP_16, MAP_32);
  }

  /** Writes a tiny struct header; `tag` must be 0…127 and `fieldCount` 0…15 (else `INVALID_STRUCTURE`). */
  writeStructHeader(fieldCount: number, tag: number): void {
    if (!(Number.isInteger(tag) && tag >= 0 && tag <= STRUCT_TAG_MAX)) {
      throw new PackStreamError('INVALID_STRUCTURE', `Structure tag ${tag} is outside 0..127`);
    }
    if (!(Number.isInteger(fieldCount) && fieldCount >= 0 && fieldCount <= STRUCT_FIELDS_MAX)) {
      throw new PackStreamError('INVALID_STRUCTURE', `Structure with ${fieldCount} fields (at most 15)`);
    }
    this.ensure(2);
    this.buffer[this.position] = TINY_STRUCT | fieldCount;
    this.buffer[this.position + 1] = tag;
    this.position += 2;
  }

  private packAny(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        this.packString(value);
        return;
      case 'bigint':
        this.packBigInt(value);
        return;
      case 'number':
        this.packFloat(value);
        return;
      case 'boolean':
        this.writeByte(value ? TRUE : FALSE);
        return;
      case 'object':
        if (value === null) this.writeByte(NULL);
        else this.packObject(value, depth);
        return;
      case 'undefined':
      case 'symbol':
      case 'function':
        throw new PackStreamError('UNENCODABLE_VALUE', `Cannot encode a value of type ${typeof value}`);
    }
  }

  private packObject(value: object, depth: number): void {
    if (depth >= this.maxDepth) {
      throw new PackStreamError('DEPTH_LIMIT', `Value nested deeper than ${this.maxDepth} levels`);
    }
    if (Array.isArray(value)) {
      const list = value as readonly unknown[];
      this.writeSizeHeader(list.length, TINY_LIST, LIST_8, LIST_16, LIST_32);
      for (const item of list) this.packAny(item, depth + 1);
      return;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) {
      this.packMap(value as Readonly<Record<string, unknown>>, depth);
    } else if (prototype === Structure.prototype) {
      this.packStructure(value as Structure, depth);
    } else if (ArrayBuffer.isView(value) && value instanceof Uint8Array) {
      this.packBytes(value);
    } else if (value instanceof Structure) {
      this.packStructure(value, depth);
    } else {
      this.packStructure(this.dehydrateObject(value), depth);
    }
  }

  private packMap(map: Readonly<Record<string, unknown>>, depth: number): void {
    const keys = Object.keys(map);
    this.writeSizeHeader(keys.length, TINY_MAP, MAP_8, MAP_16, MAP_32);
    for (const key of keys) {
      this.packString(key);
      this.packAny(map[key], depth + 1);
    }
  }

  private packStructure(structure: Structure, depth: number): void {
    const fields = structure.fields;
    this.writeStructHeader(fields.length, structure.tag);
    for (const field of fields) this.packAny(field, depth + 1);
  }

  private dehydrateObject(value: object): Structure {
    if (this.dehydrate === undefined) {
      throw new PackStreamError(
        'UNENCODABLE_VALUE',
        `Cannot encode ${className(value)} without a dehydrate hook`,
      );
    }
    const structure = this.dehydrate(value);
    if (!(structure instanceof Structure)) {
      throw new PackStreamError(
        'UNENCODABLE_VALUE',
        `The dehydrate hook returned no Structure for ${className(value)}`,
      );
    }
    return structure;
  }

  private packBigInt(value: bigint): void {
    // Number() is exact whenever the result lies in the int32 range, so only wider values stay bigints.
    const small = Number(value);
    if (small >= -2147483648 && small <= 2147483647) {
      this.packInt32(small);
      return;
    }
    if (value < INT64_MIN || value > INT64_MAX) {
      throw new PackStreamError('UNENCODABLE_VALUE', `Integer ${value} is outside the 64-bit range`);
    }
    this.ensure(9);
    this.buffer[this.position] = INT_64;
    this.dataView.setBigInt64(this.position + 1, value);
    this.position += 9;
  }

  /** Smallest INTEGER form of an int32 (assignment to a Uint8Array keeps the low 8 bits). */
  private packInt32(value: number): void {
    this.ensure(5);
    const buffer = this.buffer;
    const at = this.position;
    if (value >= -16 && value <= 127) {
      buffer[at] = value;
      this.position = at + 1;
    } else if (value >= -128 && value <= 127) {
      buffer[at] = INT_8;
      buffer[at + 1] = value;
      this.position = at + 2;
    } else if (value >= -32768 && value <= 32767) {
      buffer[at] = INT_16;
      buffer[at + 1] = value >> 8;
      buffer[at + 2] = value;
      this.position = at + 3;
    } else {
      buffer[at] = INT_32;
      buffer[at + 1] = value >> 24;
      buffer[at + 2] = value >> 16;
      buffer[at + 3] = value >> 8;
      buffer[at + 4] = value;
      this.position = at + 5;
    }
  }

  /**
   * Long strings use Node's native UTF-8 encoder (faster than TextEncoder.encodeInto, no result object),
   * written after room for the largest header, then moved down if the actual header is shorter.
   */
  private packLongString(value: string, units: number): void {
    const maxBytes = units * 3;
    const maxHeader = sizeHeaderLength(maxBytes);
    this.ensure(maxHeader + maxBytes);
    const start = this.position + maxHeader;
    const written = this.nodeBuffer.write(value, start, maxBytes, 'utf8');
    const header = sizeHeaderLength(written);
    if (header !== maxHeader) this.buffer.copyWithin(this.position + header, start, start + written);
    this.writeSizeHeader(written, TINY_STRING, STRING_8, STRING_16, STRING_32);
    this.position += written;
  }

  /** Writes the smallest size header; `tiny` is the tiny marker base, or -1 when the type has none. */
  private writeSizeHeader(
    size: number,
    tiny: number,
    marker8: number,
    marker16: number,
    marker32: number,
  ): void {
    this.ensure(5);
    const buffer = this.buffer;
    const at = this.position;
    if (size <= 15 && tiny >= 0) {
      buffer[at] = tiny | size;
      this.position = at + 1;
    } else if (size <= 0xff) {
      buffer[at] = marker8;
      buffer[at + 1] = size;
      this.position = at + 2;
    } else if (size <= 0xffff) {
      buffer[at] = marker16;
      buffer[at + 1] = size >> 8;
      buffer[at + 2] = size;
      this.position = at + 3;
    } else {
      checkSize(size);
      buffer[at] = marker32;
      this.dataView.setUint32(at + 1, size);
      this.position = at + 5;
    }
  }
}

/** Rejects sizes that no PackStream header can carry. */
function checkSize(size: number): void {
  if (!(Number.isInteger(size) && size >= 0 && size <= UINT32_MAX)) {
    throw new PackStreamError('UNENCODABLE_VALUE', `Size ${size} is not an integer in 0..2^32-1`);
  }
}

/** Bytes of the smallest string/bytes/list/map size header for `size` (tiny forms count as 1). */
function sizeHeaderLength(size: number): number {
  if (size <= 15) return 1;
  if (size <= 0xff) return 2;
  if (size <= 0xffff) return 3;
  return 5;
}

/** The class name of a value for error messages (computed only on error paths: the getter is not free). */
function className(value: object): string {
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : 'object';
}
