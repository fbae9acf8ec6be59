import { invariant } from '../../errors/index.js';
import type { Packer } from '../../packstream/index.js';

/**
 * Bolt chunk framing, output side (bolt-spec-digest §3), built for speed: messages are packed straight
 * into the Packer's buffer behind a reserved 2-byte chunk header, so a message is never copied to be
 * framed. Many messages (a stream of RECORDs) accumulate in the same buffer and leave in one socket write.
 *
 *   beginMessage()  reserve the header           [?? ??]
 *   (caller packs)                               [?? ?? B1 71 91 01]
 *   endMessage()    patch header, end marker     [00 04 B1 71 91 01 00 00]
 *
 * A message longer than one chunk (rare) is split in place: its tail is shifted right with `copyWithin` to
 * make room for the extra headers.
 */

/** Largest chunk the 2-byte header can describe. */
export const MAX_CHUNK_SIZE = 0xffff;

/** Options of {@link MessageWriter}. */
export interface MessageWriterOptions {
  /** Largest chunk to emit, 1…65 535 (default 65 535). Smaller values exist for tests. */
  readonly maxChunkSize?: number;
}

/** Frames outgoing Bolt messages into chunks inside the buffer of the Packer it owns. */
export class MessageWriter {
  /** The packer to pack message structs with, between `beginMessage` and `endMessage`. */
  readonly packer: Packer;
  private readonly maxChunkSize: number;
  /** Offset of the open message's chunk header, or -1 between messages. */
  private headerOffset = -1;

  constructor(packer: Packer, options: MessageWriterOptions = {}) {
    const maxChunkSize = options.maxChunkSize ?? MAX_CHUNK_SIZE;
    invariant(
      Number.isInteger(maxChunkSize) && maxChunkSize >= 1 && maxChunkSize <= MAX_CHUNK_SIZE,
      `Chunk size must be 1..65535, got ${maxChunkSize}`,
    );
    invariant(packer.length === 0, 'MessageWriter needs an empty packer');
    this.packer = packer;
    this.maxChunkSize = maxChunkSize;
  }

  /** Bytes waiting for {@link takeOutput} (including an open message). */
  get pendingBytes(): number {
    return this.packer.length;
  }

  /** Whether a message has been begun and not yet ended or discarded. */
  get isMessageOpen(): boolean {
    return this.headerOffset >= 0;
  }

  /** Starts a message: reserves its first chunk header; pack the message struct next. */
  beginMessage(): void {
    invariant(this.headerOffset < 0, 'beginMessage() while a message is open');
    this.headerOffset = this.packer.reserve(2);
  }

  /** Ends the open message: writes the chunk header(s) and the end marker `00 00`. */
  endMessage(): void {
    const headerOffset = this.headerOffset;
    invariant(headerOffset >= 0, 'endMessage() without beginMessage()');
    const bodyStart = headerOffset + 2;
    const bodyLength = this.packer.length - bodyStart;
    // An empty body would read as a NOOP on the other side.
    invariant(bodyLength > 0, 'A Bolt message cannot be empty');
    if (bodyLength <= this.maxChunkSize) {
      this.packer.setUint16At(headerOffset, bodyLength);
    } else {
      this.splitIntoChunks(headerOffset, bodyLength);
    }
    this.packer.reserve(2); // reserve() zero-fills: this is the end marker
    this.headerOffset = -1;
  }

  /** Drops the open message (e.g. a value failed to encode), keeping the messages before it. */
  discardMessage(): void {
    invariant(this.headerOffset >= 0, 'discardMessage() without beginMessage()');
    this.packer.truncate(this.headerOffset);
    this.headerOffset = -1;
  }

  /**
   * Begins a message, runs `pack`, ends it; if `pack` throws, the partial message is discarded and the
   * error rethrown, so the output never holds half a message.
   */
  writeMessage(pack: (packer: Packer) => void): void {
    this.beginMessage();
    try {
      pack(this.packer);
    } catch (error) {
      this.discardMessage();
      throw error;
    }
    this.endMessage();
  }

  /** {@link takeOutput} as a Node Buffer (see `ByteBuffer.takeBuffer`): what a server hands its socket. */
  takeOutputBuffer(): Buffer {
    invariant(this.headerOffset < 0, 'takeOutput() while a message is open');
    return this.packer.takeBuffer();
  }

  /**
   * Appends messages that another writer framed (whole messages, chunk headers and end markers included):
   * records encoded ahead of time are moved into the output with one copy.
   */
  appendFramed(bytes: Uint8Array): void {
    invariant(this.headerOffset < 0, 'appendFramed() inside a message');
    this.packer.writeRaw(bytes);
  }

  /** Appends a NOOP `00 00` (keep-alive). Only for connections on Bolt 4.1 or newer. */
  writeNoop(): void {
    invariant(this.headerOffset < 0, 'writeNoop() inside a message');
    this.packer.reserve(2);
  }

  /**
   * Returns everything written since the last call as one buffer, for ONE socket write, and empties the
   * writer. The buffer is a copy the caller owns (the socket may hold it while the packer is reused).
   */
  takeOutput(): Uint8Array {
    invariant(this.headerOffset < 0, 'takeOutput() while a message is open');
    return this.packer.takeBytes();
  }

  /**
   * Splits a body longer than one chunk. Working from the last chunk backwards, each chunk's bytes move
   * right by two bytes per header in front of it, so no byte is overwritten before it has been moved.
   */
  private splitIntoChunks(headerOffset: number, bodyLength: number): void {
    const chunkSize = this.maxChunkSize;
    const chunkCount = Math.ceil(bodyLength / chunkSize);
    const bodyStart = headerOffset + 2;
    this.packer.reserve((chunkCount - 1) * 2);
    const bytes = this.packer.view();
    for (let chunk = chunkCount - 1; chunk >= 1; chunk--) {
      const from = bodyStart + chunk * chunkSize;
      const size = Math.min(chunkSize, bodyLength - chunk * chunkSize);
      const to = from + chunk * 2;
      bytes.copyWithin(to, from, from + size);
      this.packer.setUint16At(to - 2, size);
    }
    this.packer.setUint16At(headerOffset, chunkSize);
  }
}
