import { Buffer } from 'node:buffer';
import { PackStreamError } from '../errors/index.js';

/** `reset()` drops a buffer that grew beyond this, so one huge result does not pin memory for good. */
const MAX_RETAINED_CAPACITY = 4 * 1024 * 1024;

/**
 * The growing output buffer under {@link Packer}: one Uint8Array (plus a DataView and a Node Buffer over the
 * same memory) that doubles when full, with the few raw operations Bolt needs for chunk framing.
 */
export class ByteBuffer {
  protected buffer: Uint8Array;
  protected dataView: DataView;
  /** A Node Buffer over `buffer`, for the native UTF-8 encoder used on long strings. */
  protected nodeBuffer: Buffer;
  protected position = 0;
  private readonly initialCapacity: number;

  constructor(initialCapacity: number) {
    this.initialCapacity = Math.max(16, initialCapacity);
    this.buffer = new Uint8Array(this.initialCapacity);
    this.dataView = new DataView(this.buffer.buffer);
    this.nodeBuffer = Buffer.from(this.buffer.buffer);
  }

  /** Number of bytes written since the last reset. */
  get length(): number {
    return this.position;
  }

  /** The bytes written so far, without copying; valid until the next write, `reset()` or `takeBytes()`. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.position);
  }

  /** Forgets the written bytes (and a buffer grown beyond 4 MiB). */
  reset(): void {
    this.position = 0;
    if (this.buffer.length > MAX_RETAINED_CAPACITY) this.allocate(this.initialCapacity);
  }

  /** Drops everything written after `length` (a value obtained from {@link length}), e.g. after an error. */
  truncate(length: number): void {
    if (!Number.isInteger(length) || length < 0 || length > this.position) {
      throw new PackStreamError('UNENCODABLE_VALUE', `Cannot truncate ${this.position} bytes to ${length}`);
    }
    this.position = length;
  }

  /** Returns a copy of the written bytes and resets the packer. */
  takeBytes(): Uint8Array {
    const bytes = this.buffer.slice(0, this.position);
    this.reset();
    return bytes;
  }

  /**
   * Like {@link takeBytes}, but the copy is a Node Buffer that is never zero-filled first and, below 4 KiB,
   * comes from Node's shared pool: the cheapest copy to hand to a socket (which would otherwise wrap a plain
   * Uint8Array in a Buffer itself).
   */
  takeBuffer(): Buffer {
    const length = this.position;
    const bytes = Buffer.allocUnsafe(length);
    this.nodeBuffer.copy(bytes, 0, 0, length);
    this.reset();
    return bytes;
  }

  /** Appends `byteCount` zero bytes and returns their offset, to be filled later (e.g. a chunk header). */
  reserve(byteCount: number): number {
    this.ensure(byteCount);
    const offset = this.position;
    const buffer = this.buffer;
    // Plain stores: TypedArray#fill costs ~20 ns per call, twice per Bolt message (chunk header, end marker).
    for (let index = offset; index < offset + byteCount; index++) buffer[index] = 0;
    this.position = offset + byteCount;
    return offset;
  }

  /**
   * Appends bytes as they are: PackStream encoded once and reused (a constant part of a response). The
   * caller answers for them being one or more whole values.
   */
  writeRaw(bytes: Uint8Array): void {
    const length = bytes.length;
    this.ensure(length);
    const buffer = this.buffer;
    const at = this.position;
    // Plain stores for the short constants this is for: TypedArray#set has a fixed cost of ~20 ns.
    if (length <= 64) for (let index = 0; index < length; index++) buffer[at + index] = bytes[index] ?? 0;
    else buffer.set(bytes, at);
    this.position = at + length;
  }

  /** Overwrites two already written bytes at `offset` with `value` as unsigned 16-bit big-endian. */
  setUint16At(offset: number, value: number): void {
    if (offset < 0 || offset + 2 > this.position) {
      throw new PackStreamError('UNENCODABLE_VALUE', `Offset ${offset} is outside the written bytes`);
    }
    this.dataView.setUint16(offset, value);
  }

  protected writeByte(byte: number): void {
    if (this.position >= this.buffer.length) this.grow(1);
    this.buffer[this.position++] = byte;
  }

  protected ensure(byteCount: number): void {
    if (this.position + byteCount > this.buffer.length) this.grow(byteCount);
  }

  private grow(byteCount: number): void {
    const old = this.buffer;
    this.allocate(Math.max(old.length * 2, this.position + byteCount));
    this.buffer.set(old.subarray(0, this.position));
  }

  private allocate(capacity: number): void {
    this.buffer = new Uint8Array(capacity);
    this.dataView = new DataView(this.buffer.buffer);
    this.nodeBuffer = Buffer.from(this.buffer.buffer);
  }
}
