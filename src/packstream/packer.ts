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
  UUID,
  UUID_BYTES,
} from './markers.js';
import { Structure } from './structure.js';
import { writeUtf8 } from './utf8-encode.js';

/** Options of {@link Packer}. */
export interface PackerOptions {
  /** Turns an object that is not a list, map, byte array or `Structure` into a `Structure` (or throws). */
  readonly dehydrate?: (value: object) => Structure;
  /**
   * Writes an object that is not a list, map, byte array or `Structure` straight into the packer (a struct
   * header, then each field with `packValue`), or throws; used instead of `dehydrate` when given. It saves
   * the `Structure` and its field array per value: the hot path of a result stream of nodes. Fields packed
   * from inside the hook count one level deeper than the object, as the fields of a `Structure` do.
   */
  readonly writeObject?: (value: object, packer: Packer) => void;
  /** Initial buffer size in bytes (default 1 KiB); the buffer doubles when full. */
  readonly initialCapacity?: number;
  /** Deepest nesting of lists, maps and structures (default {@link DEFAULT_LIMITS}.maxDepth); guards cycles. */
  readonly maxDepth?: number;
}

const DEFAULT_CAPACITY = 1024;
/**
 * Strings up to this many UTF-16 units are encoded in JS; longer ones by Node's native UTF-8 writer, which
 * from about 16 units on is faster on Node 20 (a 45-character element id: ~200 ns in the JS loop, ~100 ns
 * native; ~300 ns against ~150 ns when the string is still a concatenation V8 must flatten first).
 */
const SHORT_STRING_UNITS = 15;
/** Scratch for the int32 test of `packBigInt`: one int64 and its two int32 words (platform byte order). */
const BIGINT_SCRATCH = new BigInt64Array(1);
const WORD_SCRATCH = new Int32Array(BIGINT_SCRATCH.buffer);
BIGINT_SCRATCH[0] = 1n;
const LOW_WORD = WORD_SCRATCH[0] === 1 ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const TWO_POW_32 = 4294967296;

/**
 * PackStream encoder writing into one growing buffer. Numbers are FLOAT_64, bigints the smallest INTEGER
 * form; every size header is the smallest that fits. Errors: `PackStreamError` with reason
 * `UNENCODABLE_VALUE`, `INVALID_STRUCTURE` or `DEPTH_LIMIT`; after an error call `truncate()` or `reset()`.
 * Errors thrown by the dehydrate hook propagate unchanged. Node-specific: long strings use `Buffer#write`.
 */
export class Packer extends ByteBuffer {
  private readonly maxDepth: number;
  private readonly dehydrate: ((value: object) => Structure) | undefined;
  private readonly writeObject: ((value: object, packer: Packer) => void) | undefined;
  /** Nesting depth that `packValue` starts at: 0, or inside a `writeObject` hook the depth of its fields. */
  private hookDepth = 0;

  constructor(options: PackerOptions = {}) {
    super(options.initialCapacity ?? DEFAULT_CAPACITY);
    this.maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
    this.dehydrate = options.dehydrate;
    this.writeObject = options.writeObject;
  }

  /** Encodes any supported value (see the module contract in index.ts). */
  packValue(value: unknown): void {
    this.packAny(value, this.hookDepth);
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

  /**
   * Encodes a string as UTF-8 (lone surrogates become U+FFFD, as with every TextEncoder). The common case,
   * an ASCII string of at most 15 units (map keys, labels, short values), is written here with a tiny
   * header; this method is kept small so that TurboFan inlines it into the map and value loops (a call per
   * string costs as much as the copy). Everything else goes to {@link packOtherString}.
   */
  packString(value: string): void {
    const units = value.length;
    if (units <= 15) {
      this.ensure(16);
      const buffer = this.buffer;
      const at = this.position;
      for (let index = 0; index < units; index++) {
        const code = value.charCodeAt(index);
        if (code >= 0x80) {
          // Bytes written so far are overwritten: the position has not moved.
          this.packOtherString(value, units);
          return;
        }
        buffer[at + 1 + index] = code;
      }
      buffer[at] = TINY_STRING | units;
      this.position = at + 1 + units;
      return;
    }
    this.packOtherString(value, units);
  }

  /** The strings {@link packString} leaves: non-ASCII, or longer than 15 units (the native writer's). */
  private packOtherString(value: string, units: number): void {
    if (units > SHORT_STRING_UNITS) {
      this.packLongString(value, units);
      return;
    }
    // At most 3 bytes per unit, plus a 2-byte header.
    this.ensure(2 + units * 3);
    const buffer = this.buffer;
    const at = this.position;
    // Guess the tiny header; move the bytes if they did not fit.
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

  /**
   * Writes a UUID (PackStream v2, Bolt 6.1+): marker `E0`, then its 16 bytes (`INVALID_STRUCTURE` for any
   * other length). Only for peers that negotiated it: the hydration decides, the codec does not.
   */
  writeUuid(bytes: Uint8Array): void {
    if (bytes.length !== UUID_BYTES) {
      throw new PackStreamError('UNENCODABLE_VALUE', `A UUID has ${UUID_BYTES} bytes, not ${bytes.length}`);
    }
    this.ensure(1 + UUID_BYTES);
    this.buffer[this.position] = UUID;
    this.buffer.set(bytes, this.position + 1);
    this.position += 1 + UUID_BYTES;
  }

  /** Writes a tiny struct header; `tag` must be 0…127 and `fieldCount` 0…15 (else `INVALID_STRUCTURE`). */
  writeStructHeader(fieldCount: number, tag: number): void {
    // `(x & mask) === x` holds exactly for the integers 0…mask (not for fractions, negatives, NaN or
    // larger values), and costs less than `Number.isInteger` plus two comparisons: once per record.
    if ((tag & STRUCT_TAG_MAX) !== tag) {
      throw new PackStreamError('INVALID_STRUCTURE', `Structure tag ${tag} is outside 0..127`);
    }
    if ((fieldCount & STRUCT_FIELDS_MAX) !== fieldCount) {
      throw new PackStreamError('INVALID_STRUCTURE', `Structure with ${fieldCount} fields (at most 15)`);
    }
    this.ensure(2);
    const buffer = this.buffer;
    const at = this.position;
    buffer[at] = TINY_STRUCT | fieldCount;
    buffer[at + 1] = tag;
    this.position = at + 2;
  }

  /**
   * Dispatches on the value's type. An `if` chain of `typeof x === '…'` tests, not a `switch (typeof x)`:
   * TurboFan turns each test into a type check, while the switch calls the `typeof` builtin per value.
   */
  private packAny(value: unknown, depth: number): void {
    if (typeof value === 'string') {
      this.packString(value);
    } else if (typeof value === 'object') {
      if (value === null) this.writeByte(NULL);
      else this.packObject(value, depth);
    } else if (typeof value === 'bigint') {
      this.packBigInt(value);
    } else if (typeof value === 'number') {
      this.packFloat(value);
    } else if (typeof value === 'boolean') {
      this.writeByte(value ? TRUE : FALSE);
    } else {
      throw new PackStreamError('UNENCODABLE_VALUE', `Cannot encode a value of type ${typeof value}`);
    }
  }

  private packObject(value: object, depth: number): void {
    if (depth >= this.maxDepth) {
      throw new PackStreamError('DEPTH_LIMIT', `Value nested deeper than ${this.maxDepth} levels`);
    }
    if (Array.isArray(value)) {
      const list = value as readonly unknown[];
      const length = list.length;
      this.writeSizeHeader(length, TINY_LIST, LIST_8, LIST_16, LIST_32);
      // An index loop, not for…of: on a frozen array (a label list shared by many nodes) V8 does not
      // optimise the iterator away and allocates a result object per item.
      for (let index = 0; index < length; index++) this.packAny(list[index], depth + 1);
      return;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) {
      this.packMap(value as Readonly<Record<string, unknown>>, depth, prototype === null);
    } else if (prototype === Structure.prototype) {
      this.packStructure(value as Structure, depth);
    } else if (ArrayBuffer.isView(value) && value instanceof Uint8Array) {
      this.packBytes(value);
    } else if (value instanceof Structure) {
      this.packStructure(value, depth);
    } else if (this.writeObject !== undefined) {
      this.packWithHook(this.writeObject, value, depth);
    } else {
      this.packStructure(this.dehydrateObject(value), depth);
    }
  }

  private packWithHook(hook: (value: object, packer: Packer) => void, value: object, depth: number): void {
    const outer = this.hookDepth;
    this.hookDepth = depth + 1;
    try {
      hook(value, this);
    } finally {
      this.hookDepth = outer;
    }
  }

  /**
   * A map's entries in `Object.keys` order without allocating the key array: `for…in` walks V8's enum
   * cache, and its own-property loads are fast. The header is guessed tiny (1 byte) and widened by moving
   * the entries when the map has more than 15 of them. Only maps whose prototype is `Object.prototype` or
   * null get here; an enumerable property inherited from a polluted `Object.prototype` is skipped.
   */
  private packMap(map: Readonly<Record<string, unknown>>, depth: number, nullPrototype: boolean): void {
    if (!nullPrototype && isObjectPrototypePolluted()) {
      this.packMapEntries(map, depth);
      return;
    }
    this.ensure(1);
    const headerAt = this.position++;
    let size = 0;
    for (const key in map) {
      size++;
      this.packString(key);
      this.packAny(map[key], depth + 1);
    }
    if (size <= 15) {
      this.buffer[headerAt] = TINY_MAP | size;
      return;
    }
    this.widenHeader(headerAt, size);
  }

  /** The slow path of {@link packMap}: own keys only (Object.prototype has enumerable properties). */
  private packMapEntries(map: Readonly<Record<string, unknown>>, depth: number): void {
    const keys = Object.keys(map);
    this.writeSizeHeader(keys.length, TINY_MAP, MAP_8, MAP_16, MAP_32);
    for (const key of keys) {
      this.packString(key);
      this.packAny(map[key], depth + 1);
    }
  }

  /** Replaces the 1-byte tiny map header at `headerAt` by the wider one `size` needs, moving the entries. */
  private widenHeader(headerAt: number, size: number): void {
    checkSize(size);
    const headerLength = sizeHeaderLength(size);
    const shift = headerLength - 1;
    const end = this.position;
    this.ensure(shift);
    this.buffer.copyWithin(headerAt + headerLength, headerAt + 1, end);
    this.position = headerAt;
    this.writeSizeHeader(size, -1, MAP_8, MAP_16, MAP_32);
    this.position = end + shift;
  }

  private packStructure(structure: Structure, depth: number): void {
    const fields = structure.fields;
    const count = fields.length;
    this.writeStructHeader(count, structure.tag);
    for (let index = 0; index < count; index++) this.packAny(fields[index], depth + 1);
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
    // The int32 test without Number(), which calls into the runtime (a third of the cost of an integer):
    // the bigint is stored as int64 (modulo 2^64) and read back as two int32 words. It is an int32 when
    // the high word is the low word's sign, provided the store did not wrap, which the read-back tells.
    BIGINT_SCRATCH[0] = value;
    const low = WORD_SCRATCH[LOW_WORD] ?? 0;
    if (WORD_SCRATCH[HIGH_WORD] === low >> 31 && BIGINT_SCRATCH[0] === value) {
      this.packInt32(low);
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

/** An empty plain object: `for…in` over it finds exactly the enumerable keys of `Object.prototype`. */
const PROBE: object = {};

/**
 * Whether `for…in` over a plain object would also find inherited keys: only when `Object.prototype` was
 * given enumerable properties. V8 answers this from the (empty) enum cache in a few nanoseconds.
 */
function isObjectPrototypePolluted(): boolean {
  // Any key at all is the answer (the loop never runs a second time).
  for (const key in PROBE) return typeof key === 'string';
  return false;
}

/** Rejects sizes that no PackStream header can carry. */
function checkSize(size: number): void {
  // `>>> 0` maps exactly the integers 0…2³²−1 to themselves.
  if (size >>> 0 !== size) {
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
