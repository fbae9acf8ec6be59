import { Buffer } from 'node:buffer';
import { PackStreamError } from '../errors/index.js';

/** `reset()` drops a buffer that grew beyond this, so one huge result does not pin memory for good. */
const MAX_RETAINED_CAPACITY = 4 * 1024 * 1024;

/** Output of at most this many bytes is handed out by {@link ByteBuffer.takeBuffer} as a view, not copied. */
const MAX_VIEW_BYTES = 1024;
/**
 * The smallest buffer that views are handed out from: a connection's replies share one until it is full.
 * A new buffer costs about 2 µs whatever its size, so it is large enough for a hundred replies and more.
 */
const MIN_SLAB_BYTES = 32 * 1024;

/**
 * The growing output buffer under {@link Packer}: one Uint8Array (plus a DataView and a Node Buffer over the
 * same memory) that doubles when full, with the few raw operations Bolt needs for chunk framing.
 *
 * Offsets (`length`, `truncate`, `reserve`, `setUint16At`, `view`) count from `start`: the bytes before it
 * were handed out by {@link takeBuffer} as views, which the buffer never writes over again.
 */
export class ByteBuffer {
  protected buffer: Uint8Array;
  protected dataView: DataView;
  /** A Node Buffer over `buffer`, for the native UTF-8 encoder used on long strings. */
  protected nodeBuffer: Buffer;
  protected position = 0;
  /** Where the bytes written since the last take or reset begin. */
  private start = 0;
  private readonly initialCapacity: number;

  constructor(initialCapacity: number) {
    this.initialCapacity = Math.max(16, initialCapacity);
    this.buffer = new Uint8Array(this.initialCapacity);
    this.dataView = new DataView(this.buffer.buffer);
    this.nodeBuffer = Buffer.from(this.buffer.buffer);
  }

  /** Number of bytes written since the last reset. */
  get length(): number {
    return this.position - this.start;
  }

  /** The bytes written so far, without copying; valid until the next write, `reset()` or `takeBytes()`. */
  view(): Uint8Array {
    return this.buffer.subarray(this.start, this.position);
  }

  /** Forgets the written bytes (and a buffer grown beyond 4 MiB). */
  reset(): void {
    this.position = this.start;
    if (this.buffer.length > MAX_RETAINED_CAPACITY) this.allocate(this.initialCapacity);
  }

  /** Drops everything written after `length` (a value obtained from {@link length}), e.g. after an error. */
  truncate(length: number): void {
    if (!Number.isInteger(length) || length < 0 || length > this.length) {
      throw new PackStreamError('UNENCODABLE_VALUE', `Cannot truncate ${this.length} bytes to ${length}`);
    }
    this.position = this.start + length;
  }

  /** Returns a copy of the written bytes and resets the packer. */
  takeBytes(): Uint8Array {
    const bytes = this.buffer.slice(this.start, this.position);
    this.reset();
    return bytes;
  }

  /**
   * The written bytes as a Node Buffer the caller owns (a socket may hold it while the packer goes on), and
   * resets the packer. Up to {@link MAX_VIEW_BYTES} (a query's reply) it is a view of this buffer, which
   * then writes on after it and moves to a new buffer once the room left is small: no copy and no
   * allocation per reply. Longer output is copied into a Buffer that is never zero-filled first.
   */
  takeBuffer(): Buffer {
    const length = this.position - this.start;
    if (length > MAX_VIEW_BYTES || this.buffer.length < MIN_SLAB_BYTES) {
      const bytes = Buffer.allocUnsafe(length);
      this.nodeBuffer.copy(bytes, 0, this.start, this.position);
      this.reset();
      if (length <= MAX_VIEW_BYTES && this.position === 0) this.allocate(MIN_SLAB_BYTES);
      return bytes;
    }
    const view = this.nodeBuffer.subarray(this.start, this.position);
    this.start = this.position;
    if (this.buffer.length - this.position < MAX_VIEW_BYTES) this.allocate(MIN_SLAB_BYTES);
    return view;
  }

  /** Appends `byteCount` zero bytes and returns their offset, to be filled later (e.g. a chunk header). */
  reserve(byteCount: number): number {
    this.ensure(byteCount);
    const offset = this.position;
    const buffer = this.buffer;
    // Plain stores: TypedArray#fill costs ~20 ns per call, twice per Bolt message (chunk header, end marker).
    for (let index = offset; index < offset + byteCount; index++) buffer[index] = 0;
    this.position = offset + byteCount;
    return offset - this.start;
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
    if (offset < 0 || offset + 2 > this.length) {
      throw new PackStreamError('UNENCODABLE_VALUE', `Offset ${offset} is outside the written bytes`);
    }
    this.dataView.setUint16(this.start + offset, value);
  }

  protected writeByte(byte: number): void {
    if (this.position >= this.buffer.length) this.grow(1);
    this.buffer[this.position++] = byte;
  }

  protected ensure(byteCount: number): void {
    if (this.position + byteCount > this.buffer.length) this.grow(byteCount);
  }

  /**
   * A larger buffer, with the bytes written since `start` at the same offsets (writers hold absolute
   * positions across a write); what was handed out before `start` stays with the old buffer.
   */
  private grow(byteCount: number): void {
    const old = this.buffer;
    const start = this.start;
    const position = this.position;
    this.allocate(Math.max(old.length * 2, position + byteCount));
    this.buffer.set(old.subarray(start, position), start);
    this.start = start;
    this.position = position;
  }

  /**
   * A new empty buffer (nothing written, nothing handed out from it). It is not zero-filled, as Node's own
   * `allocUnsafe` pool is not: only bytes written are ever read or handed out (`reserve` writes zeros).
   */
  private allocate(capacity: number): void {
    const nodeBuffer = Buffer.allocUnsafeSlow(capacity);
    this.nodeBuffer = nodeBuffer;
    this.buffer = new Uint8Array(nodeBuffer.buffer, nodeBuffer.byteOffset, capacity);
    this.dataView = new DataView(nodeBuffer.buffer, nodeBuffer.byteOffset, capacity);
    this.start = 0;
    this.position = 0;
  }
}
