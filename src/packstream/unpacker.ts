import { Buffer } from 'node:buffer';
import { PackStreamError, invariant } from '../errors/index.js';
import { resolveLimits, type PackStreamLimits } from './limits.js';
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
  STRUCT_16,
  STRUCT_8,
  STRUCT_TAG_MAX,
  TRUE,
  UUID,
  UUID_BYTES,
} from './markers.js';
import { cachedKey, MAX_KEY_BYTES, rememberKey } from './key-cache.js';
import { Structure } from './structure.js';
import { decodeUtf8, type BufferViewSource } from './utf8-decode.js';

/** Options of {@link Unpacker}. */
export interface UnpackerOptions {
  readonly limits?: Partial<PackStreamLimits>;
  /** Turns a decoded structure into a value; without it every struct decodes to a {@link Structure}. */
  readonly hydrate?: (tag: number, fields: unknown[]) => unknown;
  /**
   * Turns the 16 bytes after a UUID marker `E0` (PackStream v2, Bolt 6.1+) into a value. Without it `E0`
   * is a reserved marker, as in PackStream v1; the hook may throw to refuse it too. The bytes are a copy.
   */
  readonly readUuid?: (bytes: Uint8Array) => unknown;
}

/** The header of a structure read by {@link Unpacker.readStructHeader}. */
export interface StructHeader {
  readonly fieldCount: number;
  readonly tag: number;
}

/** Decoded integers −128…127, shared so that tiny ints and INT_8 allocate nothing. */
const SMALL_INTS: readonly bigint[] = Array.from({ length: 256 }, (_, index) => BigInt(index - 128));
const EMPTY = new Uint8Array(0);

/**
 * PackStream decoder reading straight from the caller's bytes (no copy of the input). `unpack` reads one
 * value at an offset and leaves {@link offset} after it, so a caller can read a message header and then
 * its fields. Integers decode to `bigint`, FLOAT_64 to `number`, bytes to a copied `Uint8Array`, maps to
 * plain objects. Every failure is a `PackStreamError`; input that ends mid-value is `UNEXPECTED_END`.
 */
export class Unpacker implements BufferViewSource {
  private bytes: Uint8Array = EMPTY;
  private dataView: DataView | undefined;
  private nodeBuffer: Buffer | undefined;
  private position = 0;
  /** Where the input starts in `bytes`: offsets in errors and in {@link offset} count from here. */
  private base = 0;
  private end = 0;
  private readonly maxStringBytes: number;
  private readonly maxBytesLength: number;
  private readonly maxListLength: number;
  private readonly maxMapEntries: number;
  private readonly maxDepth: number;
  private readonly maxStructFields: number;
  private readonly hydrate: ((tag: number, fields: unknown[]) => unknown) | undefined;
  private readonly readUuid: ((bytes: Uint8Array) => unknown) | undefined;

  constructor(options: UnpackerOptions = {}) {
    const limits = resolveLimits(options.limits);
    this.maxStringBytes = limits.maxStringBytes;
    this.maxBytesLength = limits.maxBytesLength;
    this.maxListLength = limits.maxListLength;
    this.maxMapEntries = limits.maxMapEntries;
    this.maxDepth = limits.maxDepth;
    this.maxStructFields = limits.maxStructFields;
    this.hydrate = options.hydrate;
    this.readUuid = options.readUuid;
  }

  /** Position in the last input (from where it starts) right after the last value or header read. */
  get offset(): number {
    return this.position - this.base;
  }

  /** Reads exactly one value starting at `offset`; afterwards {@link offset} points past it. */
  unpack(bytes: Uint8Array, offset = 0): unknown {
    this.setInput(bytes, offset);
    return this.readValue(0);
  }

  /**
   * Reads only a structure header (marker and tag) at `offset`, for message dispatch; the fields follow at
   * {@link offset}. Throws `INVALID_STRUCTURE` when the value there is not a structure.
   */
  readStructHeader(bytes: Uint8Array, offset = 0): StructHeader {
    this.setInput(bytes, offset);
    return this.readHeader();
  }

  /**
   * Reads the header of a structure that fills `bytes[start, end)` (a message body inside a larger read,
   * without a view of it): offsets, in {@link offset} and in errors, count from `start`. Its fields are
   * then read with {@link unpackNext}.
   */
  readStructHeaderIn(bytes: Uint8Array, start: number, end: number): StructHeader {
    if (!(start >= 0 && start <= end && end <= bytes.length && Number.isInteger(start))) {
      invariant(false, `Invalid PackStream range ${start}…${end} of ${bytes.length} bytes`);
    }
    this.setInput(bytes, start);
    this.base = start;
    this.end = end;
    return this.readHeader();
  }

  /** Reads the value at {@link offset} in the current input (after {@link readStructHeaderIn}). */
  unpackNext(): unknown {
    return this.readValue(0);
  }

  private readHeader(): StructHeader {
    const at = this.position;
    const marker = this.readByte();
    let fieldCount: number;
    if (marker >> 4 === 0xb) fieldCount = marker & 0x0f;
    else if (marker === STRUCT_8) fieldCount = this.readUint8();
    else if (marker === STRUCT_16) fieldCount = this.readUint16();
    else throw this.invalidStructure(`Expected a structure at offset ${at - this.base}`, at);
    const tag = this.readStructTag(fieldCount, at);
    return { fieldCount, tag };
  }

  private setInput(bytes: Uint8Array, offset: number): void {
    // Not `invariant(…, \`…${offset}\`)`: the message would be built on every call, failing or not.
    if (!(offset >= 0 && Number.isInteger(offset))) invariant(false, `Invalid PackStream offset ${offset}`);
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.dataView = undefined;
      this.nodeBuffer = undefined;
    }
    this.base = 0;
    this.end = bytes.length;
    this.position = offset;
  }

  private readValue(depth: number): unknown {
    const at = this.position;
    if (at >= this.end) throw this.unexpectedEnd(at);
    const marker = this.bytes[at] ?? 0;
    this.position = at + 1;
    if (marker < 0x80) return SMALL_INTS[marker + 128];
    if (marker >= 0xf0) return SMALL_INTS[marker - 128];
    switch (marker >> 4) {
      case 0x8:
        return this.readString(marker & 0x0f, at);
      case 0x9:
        return this.readList(marker & 0x0f, depth, at);
      case 0xa:
        return this.readMap(marker & 0x0f, depth, at);
      case 0xb:
        return this.readStruct(marker & 0x0f, depth, at);
      default:
        return this.readWideValue(marker, depth, at);
    }
  }

  /** Markers `C0`–`EF`: everything that is not tiny. */
  private readWideValue(marker: number, depth: number, at: number): unknown {
    switch (marker) {
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case FLOAT_64:
        return this.view().getFloat64(this.advance(8));
      case INT_8:
        return SMALL_INTS[((this.readUint8() << 24) >> 24) + 128];
      case INT_16:
        return BigInt((this.readUint16() << 16) >> 16);
      case INT_32:
        return BigInt(this.view().getInt32(this.advance(4)));
      case INT_64:
        return this.view().getBigInt64(this.advance(8));
      case BYTES_8:
        return this.readBytes(this.readUint8(), at);
      case BYTES_16:
        return this.readBytes(this.readUint16(), at);
      case BYTES_32:
        return this.readBytes(this.readUint32(), at);
      case STRING_8:
        return this.readString(this.readUint8(), at);
      case STRING_16:
        return this.readString(this.readUint16(), at);
      case STRING_32:
        return this.readString(this.readUint32(), at);
      case LIST_8:
        return this.readList(this.readUint8(), depth, at);
      case LIST_16:
        return this.readList(this.readUint16(), depth, at);
      case LIST_32:
        return this.readList(this.readUint32(), depth, at);
      case MAP_8:
        return this.readMap(this.readUint8(), depth, at);
      case MAP_16:
        return this.readMap(this.readUint16(), depth, at);
      case MAP_32:
        return this.readMap(this.readUint32(), depth, at);
      case STRUCT_8:
        return this.readStruct(this.readUint8(), depth, at);
      case STRUCT_16:
        return this.readStruct(this.readUint16(), depth, at);
      case UUID:
        if (this.readUuid !== undefined) {
          const start = this.advance(UUID_BYTES);
          const copy = new Uint8Array(UUID_BYTES);
          copy.set(this.bytes.subarray(start, start + UUID_BYTES));
          return this.readUuid(copy);
        }
        throw new PackStreamError(
          'RESERVED_MARKER',
          `Reserved marker 0xE0 at offset ${at - this.base}`,
          at - this.base,
        );
      default:
        throw new PackStreamError(
          'RESERVED_MARKER',
          `Reserved marker 0x${marker.toString(16).toUpperCase()} at offset ${at - this.base}`,
          at - this.base,
        );
    }
  }

  private readString(size: number, at: number): string {
    if (size > this.maxStringBytes) throw sizeLimit('String', size, this.maxStringBytes, at - this.base);
    const start = this.advance(size);
    return decodeUtf8(this.bytes, this, start, start + size, start - this.base);
  }

  private readBytes(size: number, at: number): Uint8Array {
    if (size > this.maxBytesLength) throw sizeLimit('Byte array', size, this.maxBytesLength, at - this.base);
    const start = this.advance(size);
    // Not `bytes.slice()`: on a Node Buffer input that returns a view sharing memory, not a copy.
    const copy = new Uint8Array(size);
    copy.set(this.bytes.subarray(start, start + size));
    return copy;
  }

  private readList(size: number, depth: number, at: number): unknown[] {
    this.checkDepth(depth, at);
    if (size > this.maxListLength) throw sizeLimit('List', size, this.maxListLength, at - this.base);
    // Every item takes at least one byte: refuse a count the input cannot hold before allocating.
    if (size > this.end - this.position) throw this.unexpectedEnd(at);
    const list = new Array<unknown>(size);
    for (let index = 0; index < size; index++) list[index] = this.readValue(depth + 1);
    return list;
  }

  private readMap(size: number, depth: number, at: number): Record<string, unknown> {
    this.checkDepth(depth, at);
    if (size > this.maxMapEntries) throw sizeLimit('Map', size, this.maxMapEntries, at - this.base);
    if (size * 2 > this.end - this.position) throw this.unexpectedEnd(at);
    const map: Record<string, unknown> = {};
    for (let index = 0; index < size; index++) {
      const key = this.readMapKey();
      const value = this.readValue(depth + 1);
      // Assigning "__proto__" would replace the prototype instead of adding an own key.
      if (key === '__proto__') {
        Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        map[key] = value;
      }
    }
    return map;
  }

  /** Map keys must be strings; anything else is refused without decoding it. */
  private readMapKey(): string {
    const at = this.position;
    if (at >= this.end) throw this.unexpectedEnd(at);
    const marker = this.bytes[at] ?? 0;
    this.position = at + 1;
    if (marker >> 4 === 0x8) return this.readKey(marker & 0x0f, at);
    if (marker === STRING_8) return this.readKey(this.readUint8(), at);
    if (marker === STRING_16) return this.readString(this.readUint16(), at);
    if (marker === STRING_32) return this.readString(this.readUint32(), at);
    throw new PackStreamError(
      'INVALID_MAP_KEY',
      `Map key at offset ${at - this.base} is not a string (marker 0x${marker.toString(16).toUpperCase()})`,
      at - this.base,
    );
  }

  /** A short map key: from the key cache when seen before (see key-cache.ts). */
  private readKey(size: number, at: number): string {
    const start = this.position;
    if (size > MAX_KEY_BYTES || size > this.end - start) return this.readString(size, at);
    const cached = cachedKey(this.bytes, start, size);
    if (cached !== undefined) {
      this.position = start + size;
      return cached;
    }
    return rememberKey(this.readString(size, at), this.bytes, start, size);
  }

  private readStruct(fieldCount: number, depth: number, at: number): unknown {
    this.checkDepth(depth, at);
    const tag = this.readStructTag(fieldCount, at);
    const fields = new Array<unknown>(fieldCount);
    for (let index = 0; index < fieldCount; index++) fields[index] = this.readValue(depth + 1);
    return this.hydrate === undefined ? new Structure(tag, fields) : this.hydrate(tag, fields);
  }

  private readStructTag(fieldCount: number, at: number): number {
    if (fieldCount > this.maxStructFields) {
      throw sizeLimit('Structure', fieldCount, this.maxStructFields, at - this.base);
    }
    if (fieldCount + 1 > this.end - this.position) throw this.unexpectedEnd(at);
    const tag = this.readUint8();
    if (tag > STRUCT_TAG_MAX) {
      throw this.invalidStructure(`Structure tag ${tag} at offset ${at - this.base} is above 127`, at);
    }
    return tag;
  }

  private checkDepth(depth: number, at: number): void {
    if (depth >= this.maxDepth) {
      throw new PackStreamError(
        'DEPTH_LIMIT',
        `Value nested deeper than ${this.maxDepth} at offset ${at - this.base}`,
        at - this.base,
      );
    }
  }

  private readByte(): number {
    const at = this.position;
    if (at >= this.end) throw this.unexpectedEnd(at);
    this.position = at + 1;
    return this.bytes[at] ?? 0;
  }

  private readUint8(): number {
    return this.readByte();
  }

  private readUint16(): number {
    const at = this.advance(2);
    const bytes = this.bytes;
    return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  }

  private readUint32(): number {
    return this.view().getUint32(this.advance(4));
  }

  /** Moves past `size` bytes and returns where they start; `UNEXPECTED_END` if the input is shorter. */
  private advance(size: number): number {
    const at = this.position;
    if (size > this.end - at) throw this.unexpectedEnd(at);
    this.position = at + size;
    return at;
  }

  private view(): DataView {
    this.dataView ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return this.dataView;
  }

  /** A Node Buffer over the input, for native string copies (see utf8-decode.ts). */
  bufferView(): Buffer {
    this.nodeBuffer ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return this.nodeBuffer;
  }

  private unexpectedEnd(at: number): PackStreamError {
    const offset = at - this.base;
    return new PackStreamError(
      'UNEXPECTED_END',
      `PackStream input ends inside the value at offset ${offset}`,
      offset,
    );
  }

  private invalidStructure(message: string, at: number): PackStreamError {
    return new PackStreamError('INVALID_STRUCTURE', message, at - this.base);
  }
}

function sizeLimit(what: string, size: number, limit: number, at: number): PackStreamError {
  return new PackStreamError('SIZE_LIMIT', `${what} of size ${size} exceeds the limit ${limit}`, at);
}
