import { isProtocolAtLeast, type ProtocolVersion } from './protocol-version.js';
import { createHydration, type Hydration } from './hydration/index.js';
import { BoltStateMachine } from './state-machine/machine.js';
import type { BoltState } from './state-machine/states.js';
import { ChunkDecoder, ServerHandshake, type HandshakeStep } from './transport/index.js';
import { readStreamRequest } from './messages/stream-request.js';
import { getBoltVersion } from './versions/index.js';
import {
  bindChannel,
  type ByteChannel,
  type ChannelListener,
  type EventSource,
} from './connection/byte-channel.js';
import { ChannelOutput } from './connection/channel-output.js';
import { MessageReader } from './connection/message-reader.js';
import {
  resolveConnectionOptions,
  type BoltConnectionOptions,
  type ResolvedConnectionOptions,
} from './connection/options.js';

/**
 * One Bolt connection over a byte channel: bytes in → handshake → chunks → message structs → state machine
 * → responses → coalesced channel writes. The flow, in order:
 * 1. HANDSHAKE: bytes go to the ServerHandshake; its reply (the whole manifest included) leaves in one write;
 *    a failure ends the channel; bytes after the handshake (a pipelined HELLO) go on to the chunk decoder.
 * 2. OPEN: the ChunkDecoder (maximum message size) yields message bodies; each is read with the negotiated
 *    version's hydration and handed to the machine, which queues it (a RESET interrupts at once, when it is
 *    read off the wire). Undecodable input is passed on as such: FAILURE `Request.InvalidFormat` in turn,
 *    then the machine closes; nothing after it is read.
 * 3. Output: the machine writes into a {@link ChannelOutput}; the connection writes whatever is pending
 *    when the machine has answered everything it was sent, so one batch of pipelined requests, or one
 *    batch of 64 KiB of records, costs one write: at once, or at the end of the event loop's turn while
 *    other connections are busy too (`ReplyTiming`). Back-pressure reaches the machine through `flush`.
 * 4. Input back-pressure: reading pauses while too many requests are queued unanswered.
 * Nothing here throws into the caller: every failure ends this connection only.
 */
export class BoltConnection implements ChannelListener {
  readonly id: string;
  private readonly channel: ByteChannel;
  private readonly options: BoltConnectionOptions;
  private readonly settings: ResolvedConnectionOptions;
  private readonly handshake: ServerHandshake;
  private phase: 'HANDSHAKE' | 'OPEN' | 'CLOSED' = 'HANDSHAKE';
  private open: OpenSession | null = null;
  private inputBroken = false;
  private waitingForIdle = false;
  private readAheadScheduled = false;
  private queuedSinceIdle = 0;
  private inputPaused = false;
  /** The reply to the latest read waits for the end of the event loop's turn (see ReplyTiming). */
  private deferReply = false;
  /** The bytes of the read being decoded. */
  private input: Uint8Array = NO_BYTES;
  private readonly timers = new ConnectionTimers();

  constructor(channel: ByteChannel, options: BoltConnectionOptions) {
    this.id = options.connectionId;
    this.channel = channel;
    this.options = options;
    this.settings = resolveConnectionOptions(options);
    this.handshake = new ServerHandshake({
      supportedVersions: this.settings.versions,
      offerManifest: this.settings.offerManifest,
    });
    if (this.settings.handshakeTimeoutMs > 0) {
      this.timers.handshake = setTimeout(() => {
        if (this.phase === 'HANDSHAKE') this.finish('handshake timeout', 'destroy');
      }, this.settings.handshakeTimeoutMs).unref();
    }
  }

  /** The negotiated version, once the handshake agreed. */
  get version(): ProtocolVersion | null {
    return this.open?.machine.version ?? null;
  }

  /** The machine's spec state, or `null` until the handshake agreed on a version. */
  get state(): BoltState | null {
    return this.open?.machine.state ?? null;
  }

  /** Whether the connection is over. */
  get isClosed(): boolean {
    return this.phase === 'CLOSED';
  }

  /** Output bytes held by this connection: framed but unwritten, plus the channel's queue. */
  get bufferedBytes(): number {
    return (this.open?.output.pendingBytes ?? 0) + this.channel.writableLength;
  }

  /** Incoming bytes (any split). */
  receive(bytes: Uint8Array): void {
    if (this.phase === 'CLOSED' || this.inputBroken) return;
    this.options.onReceived?.();
    try {
      this.timers.idle?.refresh();
      if (this.phase === 'HANDSHAKE') {
        this.receiveHandshake(bytes);
      } else {
        this.deferReply = this.options.replyTiming?.deferReply(this) ?? false;
        this.receiveMessages(bytes);
      }
    } catch (error) {
      this.abort(error);
    }
  }

  /** The channel emptied its buffer after a write returned false. */
  drained(): void {
    const open = this.open;
    if (open === null) return;
    open.output.drained();
  }

  /** The channel ended or failed: stop the running work and roll back (the machine's `<DISCONNECT>`). */
  channelClosed(error?: Error): void {
    if (error === undefined) this.finish('closed', 'none');
    else this.finish(`channel error: ${error.message}`, 'destroy');
  }

  /**
   * Server shutdown: stops the running work, rolls back open transactions (the machine's disconnect) and
   * ends the channel. Resolves when the rollbacks are done.
   */
  async shutdown(): Promise<void> {
    const open = this.open;
    if (open === null) {
      this.finish('server shutdown', 'destroy');
      return;
    }
    this.finish('server shutdown', 'end');
    await open.machine.whenIdle();
  }

  private receiveHandshake(bytes: Uint8Array): void {
    const step: HandshakeStep = this.handshake.push(bytes);
    // The reply, a manifest included, must leave in one write: the JS driver parses it from one read.
    if (step.reply !== null) this.channel.write(step.reply);
    switch (step.status) {
      case 'PENDING':
        return;
      case 'FAILED':
        this.finish(`handshake failed: ${step.reason}`, 'end');
        return;
      case 'AGREED':
        clearTimeout(this.timers.handshake);
        this.startSession(step.version, step.viaManifest);
        if (step.leftover.length > 0) this.receiveMessages(step.leftover);
    }
  }

  private startSession(version: ProtocolVersion, viaManifest: boolean): void {
    const options = this.options;
    const settings = this.settings;
    // Replaced when HELLO agrees on the `utc` patch; the codec hooks below always use the current one.
    let hydration: Hydration = createHydration({ version });
    const hydrate = (tag: number, fields: unknown[]): unknown => hydration.hydrate(tag, fields);
    const output = new ChannelOutput(this.channel, {
      dehydrate: (value) => hydration.dehydrate(value),
      writeObject: (value, packer) => {
        hydration.writeObject(value, packer);
      },
      writeBytes: settings.writeBytes,
      onWritten: options.onWritten,
      end: () => {
        this.endChannel();
      },
    });
    const machine = new BoltStateMachine({
      version: getBoltVersion(version),
      backend: options.backend,
      output,
      connectionId: options.connectionId,
      manifest: viaManifest,
      ...(options.telemetryEnabled === undefined ? {} : { telemetryEnabled: options.telemetryEnabled }),
      ...(options.ssrEnabled === undefined ? {} : { ssrEnabled: options.ssrEnabled }),
      ...(options.pullBatchSize === undefined ? {} : { pullBatchSize: options.pullBatchSize }),
      ...(options.readAhead === undefined ? {} : { readAhead: options.readAhead }),
      ...(options.now === undefined ? {} : { now: options.now }),
      onUnexpectedError: (error) => {
        if (error !== output.closedError) options.onUnexpectedError?.(error);
      },
      onHelloAccepted: ({ utcPatch }) => {
        // The 4.3/4.4 `utc` patch switches DateTime structs for the rest of the connection.
        if (utcPatch) hydration = createHydration({ version, utcPatch: true });
      },
    });
    this.open = {
      streamExtraMaps: isProtocolAtLeast(version, 4, 0),
      machine,
      output,
      decoder: new ChunkDecoder({ maxMessageBytes: settings.maxMessageBytes }),
      reader: new MessageReader({
        hydrate,
        readUuid: (bytes) => hydration.readUuid(bytes),
        ...(options.packStreamLimits === undefined ? {} : { limits: options.packStreamLimits }),
      }),
    };
    this.phase = 'OPEN';
    this.startTimers(version);
  }

  private receiveMessages(bytes: Uint8Array): void {
    const open = this.open;
    if (open === null) return;
    this.input = bytes;
    open.machine.receiveBatch(this.decodeInput);
    this.input = NO_BYTES;
    this.afterReceive(open);
  }

  /** Hands every message of {@link input} to the machine (one closure per connection, not per read). */
  private readonly decodeInput = (): void => {
    const open = this.open;
    if (open === null) return;
    try {
      open.decoder.push(this.input, this.receiveMessage);
    } catch (error) {
      // Broken framing, PackStream or structures: the machine answers FAILURE in turn and closes. The
      // rest of the input cannot be trusted, so nothing more is read.
      this.inputBroken = true;
      this.channel.pause();
      open.machine.receiveUndecodable(error);
    }
  };

  private readonly receiveMessage = (body: Uint8Array, start: number, end: number): void => {
    const open = this.open;
    if (open === null) return;
    this.queuedSinceIdle++;
    // PULL and DISCARD (4.0+, one per query) are read straight from their bytes when they are plain.
    const stream = open.streamExtraMaps ? readStreamRequest(body, start, end) : null;
    if (stream !== null) {
      open.machine.receiveMessage(stream);
      return;
    }
    const { tag, fields } = open.reader.read(body, start, end);
    // RESET (0x0F in every version) interrupts at once; a stream blocked on a congested channel must
    // see the interrupt now, not after the slow reader has caught up.
    if (tag === RESET_TAG) open.output.releaseWaiters();
    open.machine.receive(tag, fields);
  };

  private afterReceive(open: OpenSession): void {
    if (this.waitingForIdle) {
      // The machine is still busy with earlier requests; its idle promise is already awaited.
    } else if (open.machine.isIdle) {
      // Everything was answered synchronously (the usual case): no promise and no microtask.
      this.machineIdle();
      return;
    } else {
      this.waitingForIdle = true;
      open.machine.whenIdle().then(
        () => {
          this.machineIdle();
        },
        (error: unknown) => {
          this.abort(error);
        },
      );
    }
    // Reading goes on while the output is congested (a RESET must still get through to a slow reader's
    // stream); only a backlog of unanswered requests pauses it, which bounds what queues up.
    if (this.queuedSinceIdle > this.settings.maxPipelinedRequests && !this.inputPaused && !this.inputBroken) {
      this.inputPaused = true;
      this.channel.pause();
    }
  }

  /**
   * The machine answered everything it was sent: write the remainder (now, or at the end of this turn of
   * the event loop when other connections are busy too: see `ReplyTiming`), read again.
   */
  private machineIdle(): void {
    this.waitingForIdle = false;
    this.queuedSinceIdle = 0;
    const open = this.open;
    if (this.phase === 'CLOSED' || open === null) return;
    if (this.deferReply) open.output.writeSoon();
    else open.output.writePending();
    if (this.inputPaused) this.resumeInput();
    if (open.machine.isReadAheadDue) this.scheduleReadAhead(open);
  }

  /**
   * Read-ahead (ADR 0016) in the check phase of this turn of the event loop: after the reply has left
   * (also when it waits for the end of the turn, see `ReplyTiming`), before the next socket read.
   */
  private scheduleReadAhead(open: OpenSession): void {
    if (this.readAheadScheduled) return;
    this.readAheadScheduled = true;
    setImmediate(() => {
      this.readAheadScheduled = false;
      if (this.open === open && this.phase !== 'CLOSED') open.machine.readAhead();
    });
  }

  private resumeInput(): void {
    this.inputPaused = false;
    if (!this.inputBroken && this.phase !== 'CLOSED') this.channel.resume();
  }

  private startTimers(version: ProtocolVersion): void {
    const { idleTimeoutMs, keepAliveIntervalMs } = this.settings;
    if (idleTimeoutMs > 0) {
      this.timers.idle = setTimeout(() => {
        this.idleTimeout();
      }, idleTimeoutMs).unref();
    }
    // NOOP chunks exist from Bolt 4.1; older clients would read them as broken framing.
    if (keepAliveIntervalMs > 0 && isProtocolAtLeast(version, 4, 1)) {
      let lastBytes = -1;
      this.timers.keepAlive = setInterval(() => {
        const output = this.open?.output;
        if (output === undefined || !this.waitingForIdle) return;
        if (output.bytesWritten === lastBytes) output.writeNoop();
        lastBytes = output.bytesWritten;
      }, keepAliveIntervalMs).unref();
    }
  }

  private idleTimeout(): void {
    if (this.phase !== 'OPEN') return;
    // A request in flight (a long query, a slow reader) is not idleness.
    if (this.waitingForIdle) {
      this.timers.idle?.refresh();
      return;
    }
    this.finish(`idle for ${this.settings.idleTimeoutMs} ms`, 'end');
  }

  /** Ends the channel politely, and destroys it if the peer does not close its side in time. */
  private endChannel(): void {
    this.channel.end();
    const destroy = setTimeout(() => {
      this.channel.destroy();
    }, CLOSE_GRACE_MS);
    destroy.unref();
  }

  /**
   * Ends the connection once, whoever ends it: stops the timers and the input, fails waiting flushes, lets
   * the machine roll back (`<DISCONNECT>`), and ends (politely) or destroys the channel.
   */
  private finish(reason: string, channelAction: 'end' | 'destroy' | 'none'): void {
    if (this.phase === 'CLOSED') return;
    this.phase = 'CLOSED';
    this.inputBroken = true;
    this.timers.clear();
    this.open?.output.channelClosed();
    this.open?.machine.disconnected();
    if (channelAction === 'end') this.endChannel();
    else if (channelAction === 'destroy') this.channel.destroy();
    this.options.onClosed?.(reason);
  }

  /** A bug of ours: report it and drop this connection only. */
  private abort(error: unknown): void {
    this.options.onUnexpectedError?.(error);
    this.finish('internal error', 'destroy');
  }
}

const RESET_TAG = 0x0f;
const NO_BYTES = new Uint8Array(0);

/** How long a closed connection waits for the peer to close its side before the channel is destroyed. */
const CLOSE_GRACE_MS = 5000;

interface OpenSession {
  /** PULL and DISCARD carry `{n, qid}` maps (4.0+). */
  readonly streamExtraMaps: boolean;
  readonly machine: BoltStateMachine;
  readonly output: ChannelOutput;
  readonly decoder: ChunkDecoder;
  readonly reader: MessageReader;
}

/** The timers of one connection; all of them unref'd so they never keep the process alive. */
class ConnectionTimers {
  handshake: NodeJS.Timeout | undefined;
  idle: NodeJS.Timeout | undefined;
  keepAlive: NodeJS.Timeout | undefined;

  clear(): void {
    clearTimeout(this.handshake);
    clearTimeout(this.idle);
    clearInterval(this.keepAlive);
  }
}

/**
 * Serves Bolt on a Node stream (socket, TLS socket, WebSocket stream): creates the connection and wires the
 * stream's events to it. The stream must have no `'data'` listener yet; bytes already read from it
 * (transport sniffing) are passed as `initialBytes`.
 */
export function serveBolt(
  stream: ByteChannel & EventSource,
  options: BoltConnectionOptions,
  initialBytes?: Uint8Array,
): BoltConnection {
  const connection = new BoltConnection(stream, options);
  bindChannel(stream, connection);
  // The stream may have been paused by sniffing; its data events start after this tick, so the bytes
  // read before come first.
  stream.resume();
  if (initialBytes !== undefined && initialBytes.length > 0) connection.receive(initialBytes);
  return connection;
}
