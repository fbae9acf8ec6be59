/**
 * A BoltOutput for tests: keeps every response message (decoded, and as raw struct bytes) instead of
 * sending it, and counts flushes and closes. Uses the real Packer and Unpacker.
 */
import { Packer, Structure, Unpacker, type PackerOptions } from '../../src/packstream/index.js';
import type { BoltOutput } from '../../src/bolt/state-machine/output.js';
import { ChunkDecoder, MessageWriter } from '../../src/bolt/transport/index.js';

export type ResponseKind = 'SUCCESS' | 'RECORD' | 'IGNORED' | 'FAILURE';

/** A decoded response: its kind and its single field (metadata map, value list), if any. */
export interface RecordedResponse {
  readonly kind: ResponseKind;
  /** SUCCESS and FAILURE metadata. */
  readonly metadata: Record<string, unknown>;
  /** RECORD values. */
  readonly values: readonly unknown[];
  readonly fieldCount: number;
  /** The message struct bytes (no chunk framing). */
  readonly bytes: Uint8Array;
}

const KINDS: Readonly<Record<number, ResponseKind>> = {
  0x70: 'SUCCESS',
  0x71: 'RECORD',
  0x7e: 'IGNORED',
  0x7f: 'FAILURE',
};

export class RecordingOutput implements BoltOutput {
  readonly packer: Packer;
  readonly responses: RecordedResponse[] = [];
  flushes = 0;
  closed = false;
  /** When set, `flush()` returns this promise (back-pressure tests). */
  flushResult: Promise<void> | undefined;
  private start = -1;
  private readonly unpacker = new Unpacker();

  /** Present when constructed with `readAhead`: the machine then reads auto-commit results ahead. */
  readonly createDetachedWriter?: () => MessageWriter;
  readonly appendFramed?: (bytes: Uint8Array) => void;

  constructor(options: PackerOptions = {}, readAhead = false) {
    this.packer = new Packer(options);
    if (readAhead) {
      this.createDetachedWriter = () => new MessageWriter(new Packer(options));
      const decoder = new ChunkDecoder();
      this.appendFramed = (bytes) => {
        if (this.start >= 0) throw new Error('appendFramed() while a message is open');
        // Records are recorded one by one, as if each had been written with beginMessage/endMessage.
        decoder.push(bytes, (framed, start, end) => {
          const body = framed.subarray(start, end);
          this.packer.writeRaw(body);
          this.responses.push(this.decode(body.slice()));
        });
      };
    }
  }

  beginMessage(): void {
    if (this.start >= 0) throw new Error('beginMessage() while a message is open');
    this.start = this.packer.length;
  }

  endMessage(): void {
    if (this.start < 0) throw new Error('endMessage() without beginMessage()');
    const bytes = this.packer.view().slice(this.start);
    this.start = -1;
    this.responses.push(this.decode(bytes));
  }

  discardMessage(): void {
    if (this.start < 0) throw new Error('discardMessage() without beginMessage()');
    this.packer.truncate(this.start);
    this.start = -1;
  }

  flush(): void | Promise<void> {
    if (this.closed) throw new Error('flush() after close()');
    this.flushes++;
    this.packer.reset();
    return this.flushResult;
  }

  close(): void {
    this.closed = true;
  }

  /** The kinds of the responses so far. */
  kinds(): ResponseKind[] {
    return this.responses.map((response) => response.kind);
  }

  /** Forgets the responses recorded so far. */
  clear(): void {
    this.responses.length = 0;
  }

  private decode(bytes: Uint8Array): RecordedResponse {
    const message = this.unpacker.unpack(bytes);
    if (!(message instanceof Structure)) throw new Error('A response is not a structure');
    const kind = KINDS[message.tag];
    if (kind === undefined) throw new Error(`Unknown response tag ${message.tag}`);
    const field = message.fields[0];
    return {
      kind,
      metadata: kind === 'SUCCESS' || kind === 'FAILURE' ? (field as Record<string, unknown>) : {},
      values: kind === 'RECORD' ? (field as unknown[]) : [],
      fieldCount: message.fields.length,
      bytes,
    };
  }
}
