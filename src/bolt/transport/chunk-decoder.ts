import { ProtocolError, Status } from '../../errors/index.js';

/**
 * Bolt chunk framing, input side (bolt-spec-digest §3). A message is one or more chunks, each a 2-byte
 * big-endian length (1…65 535) and that many bytes, closed by the end marker `00 00`. A `00 00` with no
 * message data since the last end marker is a NOOP (keep-alive) and is skipped.
 *
 * A pure byte-stream state machine in the style of ws `lib/receiver.js`:
 *
 *   READ_CHUNK_SIZE ──(size > 0)──► READ_CHUNK_DATA ──(chunk complete)──► READ_CHUNK_SIZE
 *         └──(size 0)──► end of message (emit) or NOOP (nothing accumulated)
 */

/** Default cap on one message's assembled size. Bolt has no limit of its own; large UNWIND batches need room. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

type DechunkState = 'READ_CHUNK_SIZE' | 'READ_CHUNK_DATA' | 'FAILED';

/** Options of {@link ChunkDecoder}. */
export interface ChunkDecoderOptions {
  /** Largest accepted message body in bytes (default {@link DEFAULT_MAX_MESSAGE_BYTES}). */
  readonly maxMessageBytes?: number;
}

/**
 * Receives each complete message body (the PackStream bytes of one message, without chunk headers) as
 * `bytes[start, end)`: a range, not a view, so that no view object is made per message.
 */
export type MessageSink = (bytes: Uint8Array, start: number, end: number) => void;

/**
 * Turns a byte stream split at arbitrary points into message bodies.
 *
 * Zero-copy: a message that arrived as one chunk is handed out as a range of the pushed buffer (the
 * common case: a driver's request inside one socket read), even when its end marker comes in a later
 * push; a message of several chunks or split over pushes is copied once into a fresh buffer. So the caller
 * must not mutate a pushed buffer afterwards (Node gives each socket read a fresh Buffer, which is what
 * makes this safe).
 */
export class ChunkDecoder {
  private state: DechunkState = 'READ_CHUNK_SIZE';
  /** The first byte of a chunk header split across pushes, or -1. */
  private pendingSizeByte = -1;
  private chunkRemaining = 0;
  /** The current message's first part: `firstBytes[firstStart, firstEnd)` (`firstBytes` null: none). */
  private firstBytes: Uint8Array | null = null;
  private firstStart = 0;
  private firstEnd = 0;
  /** Views of its further parts, in order (rare: several chunks, or a message split over pushes). */
  private readonly moreParts: Uint8Array[] = [];
  private messageLength = 0;
  private readonly maxMessageBytes: number;
  private failure: ProtocolError | null = null;

  constructor(options: ChunkDecoderOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  }

  /** Bytes of a message that has started but not ended (0 between messages): a clean close has none. */
  get bufferedBytes(): number {
    return this.messageLength;
  }

  /** Whether the stream is between messages (no partial header, chunk or message pending). */
  get isIdle(): boolean {
    return this.state === 'READ_CHUNK_SIZE' && this.pendingSizeByte < 0 && this.messageLength === 0;
  }

  /**
   * Feeds received bytes and calls `onMessage` for every message completed by them, in order.
   * `onMessage` must not call `push` itself; if it throws, the rest of `bytes` is not consumed and the
   * connection should be closed.
   * @throws ProtocolError (`Neo.ClientError.Request.InvalidFormat`) when a message would exceed the size
   * limit; the decoder is unusable afterwards and the connection must be closed.
   */
  push(bytes: Uint8Array, onMessage: MessageSink): void {
    if (this.failure !== null) throw this.failure;
    const end = bytes.length;
    let position = this.isIdle ? this.pushWhole(bytes, onMessage) : 0;
    while (position < end) {
      if (this.state === 'READ_CHUNK_SIZE') {
        let size: number;
        if (this.pendingSizeByte >= 0) {
          size = (this.pendingSizeByte << 8) | (bytes[position] ?? 0);
          this.pendingSizeByte = -1;
          position += 1;
        } else if (position + 1 < end) {
          size = ((bytes[position] ?? 0) << 8) | (bytes[position + 1] ?? 0);
          position += 2;
        } else {
          this.pendingSizeByte = bytes[position] ?? 0;
          return;
        }
        if (size === 0) {
          if (this.messageLength > 0) this.emit(onMessage); // else: a NOOP between messages
          continue;
        }
        // Check before reading the chunk so we never hold more than the limit.
        if (this.messageLength + size > this.maxMessageBytes) this.fail(this.messageLength + size);
        this.chunkRemaining = size;
        this.state = 'READ_CHUNK_DATA';
      }
      const take = Math.min(this.chunkRemaining, end - position);
      if (this.firstBytes === null) {
        this.firstBytes = bytes;
        this.firstStart = position;
        this.firstEnd = position + take;
      } else {
        this.moreParts.push(bytes.subarray(position, position + take));
      }
      this.messageLength += take;
      this.chunkRemaining -= take;
      position += take;
      if (this.chunkRemaining === 0) this.state = 'READ_CHUNK_SIZE';
    }
  }

  /**
   * The usual case first: messages of one chunk each, wholly inside `bytes`, handed out with no state kept
   * between them. Returns where the general path takes over (anything else: a message of several chunks,
   * one cut off by the end of the read, a chunk over the size limit).
   */
  private pushWhole(bytes: Uint8Array, onMessage: MessageSink): number {
    const end = bytes.length;
    let position = 0;
    while (position + 2 <= end) {
      const size = ((bytes[position] ?? 0) << 8) | (bytes[position + 1] ?? 0);
      if (size === 0) {
        position += 2; // a NOOP between messages
        continue;
      }
      const bodyEnd = position + 2 + size;
      if (bodyEnd + 2 > end || bytes[bodyEnd] !== 0 || bytes[bodyEnd + 1] !== 0) break;
      if (size > this.maxMessageBytes) break;
      position = bodyEnd + 2;
      onMessage(bytes, bodyEnd - size, bodyEnd);
    }
    return position;
  }

  private fail(length: number): never {
    this.state = 'FAILED';
    // The parts are let go; `bufferedBytes` still tells how much had been accepted.
    this.firstBytes = null;
    this.moreParts.length = 0;
    this.failure = new ProtocolError(
      `Bolt message of at least ${length} bytes exceeds the limit of ${this.maxMessageBytes} bytes`,
      { status: Status.RequestInvalidFormat },
    );
    throw this.failure;
  }

  private emit(onMessage: MessageSink): void {
    const first = this.firstBytes;
    if (first === null) return;
    if (this.moreParts.length === 0) {
      const start = this.firstStart;
      const end = this.firstEnd;
      this.firstBytes = null;
      this.messageLength = 0;
      onMessage(first, start, end);
      return;
    }
    const message = this.assemble(first);
    this.dropMessage();
    onMessage(message, 0, message.length);
  }

  private dropMessage(): void {
    this.firstBytes = null;
    if (this.moreParts.length > 0) this.moreParts.length = 0;
    this.messageLength = 0;
  }

  private assemble(first: Uint8Array): Uint8Array {
    const message = new Uint8Array(this.messageLength);
    message.set(first.subarray(this.firstStart, this.firstEnd), 0);
    let offset = this.firstEnd - this.firstStart;
    for (const part of this.moreParts) {
      message.set(part, offset);
      offset += part.length;
    }
    return message;
  }
}
