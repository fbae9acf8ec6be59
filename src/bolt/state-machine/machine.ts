import { performance } from 'node:perf_hooks';
import { invariant, ProtocolError } from '../../errors/index.js';
import type { Packer } from '../../packstream/index.js';
import type { BoltBackend, MaybePromise, RecordSink } from '../backend.js';
import { isUnexpectedError, toFailureMetadata, writeFailure } from '../messages/failure.js';
import { writeIgnored } from '../messages/ignored.js';
import { writeRecord } from '../messages/record.js';
import { writeSuccess } from '../messages/success.js';
import type { RequestKind, RequestMessage } from '../messages/request.js';
import { formatProtocolVersion, type ProtocolVersion } from '../protocol-version.js';
import { ReadAhead } from '../session/read-ahead.js';
import { BoltSession } from '../session/session.js';
import type { BoltVersionDescriptor, RequestSpec } from '../versions/index.js';
import type { HandlerContext, MachineSettings } from './context.js';
import { handleGoodbye } from './handlers/goodbye.js';
import { runHandler } from './handlers/index.js';
import { isPromise } from './maybe-promise.js';
import type { BoltOutput } from './output.js';
import { isAuthenticatedState, type BoltState } from './states.js';
import { transitionsFor, type Outcome, type TransitionLookup } from './transitions.js';

/** What moved the machine: a request, RESET's jump-ahead interrupt, or the connection going away. */
export type TransitionTrigger = RequestKind | '<INTERRUPT>' | '<DISCONNECT>' | '<INVALID>';

/** Options of {@link BoltStateMachine}. */
export interface BoltMachineOptions {
  /** The negotiated version. */
  readonly version: BoltVersionDescriptor;
  readonly backend: BoltBackend;
  readonly output: BoltOutput;
  /** `connection_id` of HELLO's SUCCESS, e.g. `bolt-7`. */
  readonly connectionId: string;
  /** The manifest handshake was used (5.7+ HELLO SUCCESS then names the `protocol_version`). */
  readonly manifest?: boolean;
  /** Offer `telemetry.enabled: true` (5.4+). Default false: drivers then send no TELEMETRY. */
  readonly telemetryEnabled?: boolean;
  /** Offer `ssr.enabled` (5.8+); omitted when undefined. */
  readonly ssrEnabled?: boolean;
  /** Records per backend pull before the output is flushed (default 1000). */
  readonly pullBatchSize?: number;
  /**
   * Encode the next batch of an auto-commit result while the client reads the last one (read-ahead, ADR
   * 0016; the connection calls {@link BoltStateMachine.readAhead}). Default true; needs an output with
   * `createDetachedWriter` and `appendFramed`.
   */
  readonly readAhead?: boolean;
  /** A monotonic millisecond clock (default `performance.now`); tests pass a fixed one. */
  readonly now?: () => number;
  /** Errors clients only see as `UnknownError`; the server logs them. */
  readonly onUnexpectedError?: (error: unknown) => void;
  /** HELLO/INIT succeeded; `utcPatch` tells the connection to hydrate DateTimes the UTC way (4.3/4.4). */
  readonly onHelloAccepted?: (agreement: { readonly utcPatch: boolean }) => void;
  /** Every state change, for logs and tests. */
  readonly onTransition?: (from: BoltState, trigger: TransitionTrigger, to: BoltState) => void;
}

/** The table's answer for a request the state handles. */
type HandleOutcome = Extract<Outcome, { readonly kind: 'handle' }>;

type QueueItem =
  | { readonly type: 'message'; readonly message: RequestMessage }
  | { readonly type: 'invalid'; readonly kind: RequestKind; readonly error: unknown }
  | { readonly type: 'fatal'; readonly error: unknown }
  | { readonly type: 'disconnected' };

const DEFAULT_PULL_BATCH_SIZE = 1000;
/** Structure tags are 0…127 (the unpacker refuses larger ones). */
const STRUCT_TAGS = 128;

function isStreamRequest(kind: RequestKind): boolean {
  return kind === 'PULL' || kind === 'DISCARD' || kind === 'PULL_ALL' || kind === 'DISCARD_ALL';
}

/**
 * The Bolt server state machine of one connection. The generic behaviour is written here once:
 * - requests are queued and processed strictly in order, one at a time; responses are written in order;
 * - the transition table decides per state and message: run the handler, answer IGNORED (FAILED and
 *   INTERRUPTED), close on GOODBYE, or treat the message as a protocol violation (FAILURE, then close);
 * - a failing handler rolls back whatever is open and answers FAILURE; the state becomes FAILED, or DEFUNCT
 *   (connection closed) where the table says so (INIT/HELLO/LOGON failures);
 * - RESET jumps ahead: when it is received, the open transactions are terminated and the state becomes
 *   INTERRUPTED, so every request queued before it is IGNORED; its handler then rolls back and returns READY.
 * Input: message structs (`receive`) or typed messages. Output: response messages into a {@link BoltOutput}.
 * While the backend answers synchronously, a request is processed without promises (see maybe-promise.ts):
 * the same steps in the same order, minus the microtask ticks.
 */
export class BoltStateMachine {
  private currentState: BoltState;
  private readonly descriptor: BoltVersionDescriptor;
  private readonly output: BoltOutput;
  private readonly session = new BoltSession();
  /** A RESET interrupted a streaming result: the client may still send that result one PULL or DISCARD. */
  private streamEndedByReset = false;
  private readonly transitions: TransitionLookup;
  /** The version's requests by tag, as a dense array (the descriptor's record is a slow keyed lookup). */
  private readonly requestSpecs: readonly (RequestSpec | undefined)[];
  /** The table's row for the current state (kept with it: one lookup per request instead of two). */
  private stateRow: ReadonlyMap<RequestKind, Outcome> | undefined;
  private readonly context: HandlerContext;
  private readonly onUnexpectedError: (error: unknown) => void;
  private readonly onTransition: BoltMachineOptions['onTransition'];
  private queue: QueueItem[] = [];
  private head = 0;
  private draining = false;
  /** Requests of one socket read are being queued (see {@link receiveBatch}); processing waits for the end. */
  private batching = false;
  private outputClosed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(options: BoltMachineOptions) {
    this.descriptor = options.version;
    this.output = options.output;
    this.currentState = options.version.initialState;
    this.transitions = transitionsFor(options.version.version);
    this.stateRow = this.transitions.get(this.currentState);
    const requests = options.version.requests;
    this.requestSpecs = Array.from({ length: STRUCT_TAGS }, (_, tag) => requests[tag]);
    this.onUnexpectedError = options.onUnexpectedError ?? (() => undefined);
    this.onTransition = options.onTransition;
    const settings: MachineSettings = {
      connectionId: options.connectionId,
      manifest: options.manifest ?? false,
      telemetryEnabled: options.telemetryEnabled ?? false,
      ssrEnabled: options.ssrEnabled,
      pullBatchSize: options.pullBatchSize ?? DEFAULT_PULL_BATCH_SIZE,
    };
    invariant(settings.pullBatchSize >= 1, 'pullBatchSize must be at least 1');
    this.context = this.createContext(options.backend, settings, options);
    const output = options.output;
    if (
      options.readAhead !== false &&
      output.createDetachedWriter !== undefined &&
      output.appendFramed !== undefined
    ) {
      this.session.readAhead = new ReadAhead(output.createDetachedWriter(), settings.pullBatchSize);
    }
  }

  /** The current spec state. */
  get state(): BoltState {
    return this.currentState;
  }

  /** The negotiated version. */
  get version(): ProtocolVersion {
    return this.descriptor.version;
  }

  /**
   * Takes one request struct off the wire: decodes it for the negotiated version and queues it. A RESET
   * raises the interrupt right away. An unknown tag is queued as a fatal protocol violation; fields that do
   * not decode are queued as a request that fails (or is IGNORED where the state ignores that message).
   */
  receive(tag: number, fields: readonly unknown[]): void {
    if (this.currentState === 'DEFUNCT') return;
    const spec = this.requestSpecs[tag];
    if (spec === undefined) {
      const name = formatProtocolVersion(this.descriptor.version);
      const hex = tag.toString(16).toUpperCase().padStart(2, '0');
      this.enqueue({
        type: 'fatal',
        error: new ProtocolError(`Message 0x${hex} is not a Bolt ${name} request`),
      });
      return;
    }
    let message: RequestMessage;
    try {
      message = spec.decode(fields, this.descriptor.features);
    } catch (error) {
      this.enqueue({ type: 'invalid', kind: spec.kind, error });
      return;
    }
    this.receiveMessage(message);
  }

  /** Queues a decoded request (RESET also raises the interrupt at once). */
  receiveMessage(message: RequestMessage): void {
    if (this.currentState === 'DEFUNCT') return;
    if (message.kind === 'RESET') this.interrupt();
    this.enqueue({ type: 'message', message });
  }

  /** The byte stream could not be decoded (PackStream or chunking): FAILURE in turn, then close. */
  receiveUndecodable(error: unknown): void {
    if (this.currentState === 'DEFUNCT') return;
    this.enqueue({ type: 'fatal', error });
  }

  /** The peer closed the connection: stop the running work, drop queued requests, roll back, DEFUNCT. */
  disconnected(): void {
    if (this.currentState === 'DEFUNCT') return;
    this.outputClosed = true;
    this.session.terminateAll();
    this.queue = [];
    this.head = 0;
    this.enqueue({ type: 'disconnected' });
  }

  /**
   * Queues every request of one socket read (`receiveAll` calls {@link receive} for each), then starts
   * processing them at once, in this call, instead of on a microtask: a RESET among them has raised its
   * interrupt before the first is processed, as with separate calls, and a reply whose backend answers
   * synchronously is ready when this returns (see {@link isIdle}).
   */
  receiveBatch(receiveAll: () => void): void {
    const outer = this.batching;
    this.batching = true;
    try {
      receiveAll();
    } finally {
      this.batching = outer;
    }
    if (outer || this.draining || this.head >= this.queue.length) return;
    this.draining = true;
    this.drain();
  }

  /** Whether every queued request has been processed and the output flushed. */
  get isIdle(): boolean {
    return !this.draining && this.head >= this.queue.length;
  }

  /** Resolves once every queued request has been processed and the output flushed. */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Whether {@link readAhead} has work: a PULL left records in an auto-commit result. */
  get isReadAheadDue(): boolean {
    return this.session.readAhead?.isDue === true;
  }

  /**
   * Encodes the next records of the auto-commit result that the last PULL left open, to answer the next
   * PULL at once (ADR 0016). The connection calls it once the reply has been written; it does nothing
   * unless the machine is idle in STREAMING and the client is reading. Requests that arrive while a
   * backend answers asynchronously wait, as behind any request.
   */
  readAhead(): void {
    const readAhead = this.session.readAhead;
    if (readAhead === null || !readAhead.isDue || !this.isIdle || this.outputClosed) return;
    const streaming = this.session.streaming;
    if (this.currentState !== 'STREAMING' || streaming?.kind !== 'query') return;
    const writable = this.output.whenWritable?.();
    if (writable !== undefined) {
      // The client is not reading (or the output is gone: then the promise rejects, and nobody waits).
      writable.catch(() => undefined);
      return;
    }
    const filling = readAhead.fill(streaming, () => this.context.now());
    if (filling === undefined) return;
    this.draining = true;
    void filling.then(() => {
      this.drain();
    });
  }

  /** `<INTERRUPT>`: only meaningful once authenticated (before, RESET simply fails and closes). */
  private interrupt(): void {
    if (!isAuthenticatedState(this.currentState)) return;
    if (this.currentState === 'STREAMING' || this.currentState === 'TX_STREAMING')
      this.streamEndedByReset = true;
    this.session.pendingInterrupts++;
    this.session.terminateAll();
    this.setState('INTERRUPTED', '<INTERRUPT>');
  }

  private enqueue(item: QueueItem): void {
    this.queue.push(item);
    if (this.draining || this.batching) return;
    this.draining = true;
    // A microtask, so that every request of one socket read is queued (and a RESET among them has raised
    // its interrupt) before the first is processed.
    queueMicrotask(() => {
      this.drain();
    });
  }

  /**
   * Processes the queued requests in order, then settles the output. It runs synchronously while every
   * step answers at once (the usual case: no promise, no microtask); from the first step that returns a
   * promise it goes on once that settles ({@link drainAfter}).
   */
  private drain(): void {
    try {
      while (this.head < this.queue.length) {
        const item = this.queue[this.head++];
        if (item === undefined) break;
        if (this.currentState === 'DEFUNCT') continue;
        const processing = this.process(item);
        if (processing !== undefined) {
          this.drainAfter(processing, 'requests');
          return;
        }
        // Back-pressure per request: pipelined small PULLs must not pile up output while the client is not
        // reading; between requests nothing is written unless the output asks for a pause.
        const writable = this.output.whenWritable?.();
        if (writable !== undefined) {
          this.drainAfter(writable, 'requests');
          return;
        }
      }
      this.queue = [];
      this.head = 0;
      if (!this.outputClosed) {
        const flushed = this.output.settle === undefined ? this.output.flush() : this.output.settle();
        if (flushed !== undefined) {
          this.drainAfter(flushed, 'end');
          return;
        }
      }
    } catch (error) {
      void this.drainFailed(error);
      return;
    }
    this.drainEnded();
  }

  /** Goes on draining once `pending` settles: with the next request, or with the end of the drain. */
  private drainAfter(pending: Promise<void>, then: 'requests' | 'end'): void {
    pending.then(
      () => {
        if (then === 'requests') this.drain();
        else this.drainEnded();
      },
      (error: unknown) => this.drainFailed(error),
    );
  }

  /** Only the output can fail a drain (handlers' errors become FAILUREs): the connection is gone. */
  private async drainFailed(error: unknown): Promise<void> {
    this.onUnexpectedError(error);
    this.outputClosed = true;
    this.session.terminateAll();
    await this.session.closeAll(this.onUnexpectedError);
    this.setState('DEFUNCT', '<DISCONNECT>');
    this.drainEnded();
  }

  private drainEnded(): void {
    if (this.currentState === 'DEFUNCT' && !this.outputClosed) {
      this.outputClosed = true;
      this.output.close();
    }
    if (this.head < this.queue.length) {
      // Requests that arrived during the final flush.
      queueMicrotask(() => {
        this.drain();
      });
      return;
    }
    this.draining = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Processes one queued item; returns a promise only when something on the way was asynchronous. */
  private process(item: QueueItem): void | Promise<void> {
    switch (item.type) {
      case 'message':
        return this.dispatch(item.message.kind, item.message, undefined);
      case 'invalid':
        return this.dispatch(item.kind, null, item.error);
      case 'fatal':
        return this.fail(item.error, 'DEFUNCT', '<INVALID>');
      case 'disconnected':
        return this.afterClosing(() => {
          this.setState('DEFUNCT', '<DISCONNECT>');
        });
    }
  }

  /** Rolls back whatever is open (`closeAll`), then runs `then`; a promise only if a rollback was one. */
  private afterClosing(then: () => void): void | Promise<void> {
    const closing = this.session.closeAll(this.onUnexpectedError);
    if (closing === undefined) {
      then();
      return;
    }
    return closing.then(then);
  }

  /**
   * Applies the transition table to a request: runs its handler (`message`), or, for a request whose
   * fields did not decode (`message` null), fails with `invalid` where the table would have run it.
   */
  private dispatch(
    kind: RequestKind,
    message: RequestMessage | null,
    invalid: unknown,
  ): void | Promise<void> {
    const state = this.currentState;
    const outcome: Outcome | undefined = this.stateRow?.get(kind);
    const streamEndedByReset = this.streamEndedByReset;
    if (kind !== 'RESET') this.streamEndedByReset = false;
    if (outcome === undefined && streamEndedByReset && state === 'READY' && isStreamRequest(kind)) {
      // A driver that closes a session while a result streams sends RESET, and the result's own reaction to
      // the `has_more` that crossed the RESET on the wire (PULL or DISCARD) arrives after it. Closing the
      // connection then strands the next session's pipelined RUN (JS 4.0–6.x, see test/drivers). The result
      // is already gone, so the request is answered as a stream that has ended, once.
      this.context.respond((packer) => {
        writeSuccess(packer, {});
      });
      return;
    }
    if (outcome === undefined) {
      const violation = new ProtocolError(
        `Message of type ${kind} cannot be handled by a session in the ${state} state.`,
      );
      return this.fail(violation, 'DEFUNCT', kind);
    }
    switch (outcome.kind) {
      case 'ignore':
        this.context.respond(writeIgnored);
        this.setState(state, kind);
        return;
      case 'disconnect': {
        const closing = handleGoodbye(this.context);
        if (isPromise(closing)) {
          return closing.then(() => {
            this.setState('DEFUNCT', kind);
          });
        }
        this.setState('DEFUNCT', kind);
        return;
      }
      case 'handle': {
        let next: MaybePromise<BoltState>;
        try {
          if (message === null) throw invalid;
          next = runHandler(this.context, message);
        } catch (error) {
          return this.fail(error, outcome.onFailure, kind);
        }
        if (isPromise(next)) return this.settle(next, outcome, state, kind);
        return this.handled(next, outcome, state, kind);
      }
    }
  }

  /** The asynchronous end of `dispatch`: the handler answered with a promise. */
  private async settle(
    pending: Promise<BoltState>,
    outcome: HandleOutcome,
    state: BoltState,
    kind: RequestKind,
  ): Promise<void> {
    let next: BoltState;
    try {
      next = await pending;
    } catch (error) {
      await this.fail(error, outcome.onFailure, kind);
      return;
    }
    const after = this.handled(next, outcome, state, kind);
    if (after !== undefined) await after;
  }

  /** A handler succeeded: checks the transition it chose against the table and enters it. */
  private handled(
    next: BoltState,
    outcome: HandleOutcome,
    state: BoltState,
    kind: RequestKind,
  ): void | Promise<void> {
    try {
      // The message is built only when the check fails: this runs for every request.
      if (!outcome.onSuccess.includes(next)) invariant(false, `${kind} in ${state} may not lead to ${next}`);
    } catch (error) {
      return this.fail(error, outcome.onFailure, kind);
    }
    this.enter(next, kind);
  }

  /** Rolls back, answers FAILURE, moves to FAILED (INTERRUPTED if a RESET is on its way) or DEFUNCT. */
  private fail(error: unknown, next: 'FAILED' | 'DEFUNCT', trigger: TransitionTrigger): void | Promise<void> {
    if (isUnexpectedError(error)) this.onUnexpectedError(error);
    return this.afterClosing(() => {
      const metadata = toFailureMetadata(error, this.descriptor.version);
      this.context.respond((packer) => {
        writeFailure(packer, metadata);
      });
      this.enter(next, trigger);
    });
  }

  private enter(next: BoltState, trigger: TransitionTrigger): void {
    // An interrupt that arrived while the handler ran wins: the queued RESET will clean up.
    const interrupted = this.session.pendingInterrupts > 0 && isAuthenticatedState(next);
    this.setState(interrupted ? 'INTERRUPTED' : next, trigger);
  }

  private setState(next: BoltState, trigger: TransitionTrigger): void {
    const from = this.currentState;
    if (next !== from) this.stateRow = this.transitions.get(next);
    this.currentState = next;
    this.onTransition?.(from, trigger, next);
  }

  private createContext(
    backend: BoltBackend,
    settings: MachineSettings,
    options: BoltMachineOptions,
  ): HandlerContext {
    const output = this.output;
    const packer: Packer = output.packer;
    const respond = (write: (packer: Packer, arg: never) => void, arg?: unknown): void => {
      output.beginMessage();
      try {
        write(packer, arg as never);
      } catch (error) {
        output.discardMessage();
        throw error;
      }
      output.endMessage();
    };
    const recordSink: RecordSink = (values) => {
      output.beginMessage();
      try {
        writeRecord(packer, values);
      } catch (error) {
        output.discardMessage();
        throw error;
      }
      output.endMessage();
    };
    const onHelloAccepted = options.onHelloAccepted;
    const now = options.now ?? (() => performance.now());
    return {
      descriptor: this.descriptor,
      backend,
      session: this.session,
      settings,
      now,
      respond,
      recordSink,
      flush: () => output.flush(),
      appendFramed: (bytes) => {
        output.appendFramed?.(bytes);
      },
      reportUnexpected: this.onUnexpectedError,
      helloAccepted: (agreement) => onHelloAccepted?.(agreement),
    };
  }
}
