import type { Packer } from '../../packstream/index.js';
import type { DetachedWriter } from '../session/read-ahead.js';

/**
 * Where the machine writes its responses. It matches the transport's `MessageWriter` (chunk framing inside
 * the packer's buffer) plus the socket side: `connection.ts` implements `flush` as one socket write of the
 * writer's output and `close` as ending the socket; tests record the messages instead.
 */
export interface BoltOutput {
  /** The packer a response struct is packed with, between `beginMessage` and `endMessage`. */
  readonly packer: Packer;
  beginMessage(): void;
  endMessage(): void;
  /** Drops the message begun last (a value could not be encoded), keeping the ones before it. */
  discardMessage(): void;
  /**
   * The responses written so far may be sent. Returns a promise when the machine should wait before
   * producing more (socket back-pressure); it rejects if the connection is gone.
   */
  flush(): void | Promise<void>;
  /**
   * Resolves when the client has read enough that more responses may be produced; `undefined` when it may go
   * on at once. Unlike `flush` it writes nothing, so the machine can ask after every request. Optional: an
   * output without back-pressure (tests) leaves it out.
   */
  whenWritable?(): void | Promise<void>;
  /**
   * The machine has answered everything it was sent. Optional: an output whose owner writes the pending
   * responses itself when it learns that the machine is idle (the connection, `machineIdle`) implements
   * it without scheduling a write of its own, and only returns the back-pressure wait; without it the
   * machine calls `flush`.
   */
  settle?(): void | Promise<void>;
  /** Closes the connection after what was flushed; the machine has flushed everything before calling it. */
  close(): void;
  /**
   * Optional, with {@link appendFramed}: a message buffer apart from the output, framed and value-encoded as
   * the output is, for records encoded before the client asks for them (read-ahead, ADR 0016).
   */
  createDetachedWriter?(): DetachedWriter;
  /** Appends whole framed messages from a {@link DetachedWriter} to the output. */
  appendFramed?(bytes: Uint8Array): void;
}
