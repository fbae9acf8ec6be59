import type { Duplex } from 'node:stream';
import { DatabaseError, ProtocolError, Status } from '../../errors/index.js';
import { Packer } from '../../packstream/index.js';
import { MessageReader, type MessageStruct } from '../connection/message-reader.js';
import { createHydration, type Hydration } from '../hydration/index.js';
import { formatProtocolVersion, isProtocolAtLeast, type ProtocolVersion } from '../protocol-version.js';
import { ChunkDecoder, MessageWriter } from '../transport/index.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../versions/index.js';
import {
  ClientHandshake,
  DEFAULT_PROPOSALS,
  encodeHandshakeRequest,
  type VersionProposal,
} from './client-handshake.js';
import { openChannel, type ClientTlsOptions } from './open-channel.js';
import { BoltResponseError, type BoltResponse } from './response-error.js';

/** Options of {@link BoltClient.connect}. */
export interface BoltClientOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  readonly port: number;
  /** `tcp` (default) or `websocket` (Bolt inside binary WebSocket frames, as browser drivers do). */
  readonly transport?: 'tcp' | 'websocket';
  /** TLS settings, or `true` for TLS with Node's CA store. */
  readonly tls?: ClientTlsOptions | boolean;
  /** The four handshake proposals (default: manifest, 5.8–5.0, 4.4–4.2, 3.0, like the newest drivers). */
  readonly proposals?: readonly VersionProposal[];
  /** Versions this client may choose from a manifest (default: every version Quiver implements from 3.0). */
  readonly versions?: readonly ProtocolVersion[];
  /** `user_agent` of INIT/HELLO (default `quiver-client/0`). */
  readonly userAgent?: string;
  /** Default 10 000 ms for the connection and the Bolt handshake. */
  readonly connectTimeoutMs?: number;
}

/** Response messages (`0x70` SUCCESS, `0x71` RECORD, `0x7E` IGNORED, `0x7F` FAILURE). */
const SUCCESS = 0x70;
const RECORD = 0x71;
const IGNORED = 0x7e;
const FAILURE = 0x7f;

/** Receives each RECORD's values as it arrives (instead of collecting them). */
export type RecordCallback = (values: readonly unknown[]) => void;

interface PendingRequest {
  readonly resolve: (response: BoltResponse) => void;
  readonly reject: (error: unknown) => void;
  readonly records: (readonly unknown[])[];
  readonly onRecord: RecordCallback | undefined;
}

/**
 * The request/response core of the Bolt client: handshake, chunking, PackStream, and matching responses to
 * requests in order (requests may be pipelined: every `send` is queued and answered in turn). Message
 * helpers (HELLO, RUN, PULL, …) live in {@link BoltClient}, which extends this.
 */
export class BoltClientCore {
  readonly version: ProtocolVersion;
  /** Whether the version was chosen from a manifest. */
  readonly viaManifest: boolean;
  protected readonly userAgent: string;
  private readonly stream: Duplex;
  private hydration: Hydration;
  private readonly writer: MessageWriter;
  private readonly reader: MessageReader;
  private readonly decoder = new ChunkDecoder();
  private readonly pending: PendingRequest[] = [];
  private writeScheduled = false;
  private closedError: DatabaseError | null = null;
  /** Resolves when the connection is closed (by either side). */
  readonly closed: Promise<void>;

  protected constructor(stream: Duplex, version: ProtocolVersion, viaManifest: boolean, userAgent: string) {
    this.stream = stream;
    this.version = version;
    this.viaManifest = viaManifest;
    this.userAgent = userAgent;
    this.hydration = createHydration({ version, role: 'client' });
    this.writer = new MessageWriter(
      new Packer({
        dehydrate: (value) => this.hydration.dehydrate(value),
        writeObject: (value, packer) => {
          this.hydration.writeObject(value, packer);
        },
      }),
    );
    this.reader = new MessageReader({
      hydrate: (tag, fields) => this.hydration.hydrate(tag, fields),
      readUuid: (bytes) => this.hydration.readUuid(bytes),
    });
    this.closed = new Promise((resolve) => {
      stream.once('close', () => {
        this.failAll(new DatabaseError(Status.DatabaseUnavailable, 'The connection was closed'));
        resolve();
      });
    });
    // The server ended its side (e.g. after a failed login): everything it sent has been read, and a WebSocket
    // stream would otherwise wait for our end before it emits 'close'.
    stream.once('end', () => {
      stream.destroy();
    });
    stream.on('error', (error) => {
      this.failAll(new DatabaseError(Status.DatabaseUnavailable, `Connection error: ${error.message}`));
    });
    stream.on('data', (bytes: Buffer) => {
      this.receive(bytes);
    });
  }

  /** Opens a connection and runs the Bolt handshake. */
  protected static async open(
    options: BoltClientOptions,
  ): Promise<{ stream: Duplex; version: ProtocolVersion; viaManifest: boolean; leftover: Uint8Array }> {
    const host = options.host ?? '127.0.0.1';
    const tls =
      options.tls === true ? {} : options.tls === false || options.tls === undefined ? null : options.tls;
    const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    const stream = await openChannel({
      host,
      port: options.port,
      transport: options.transport ?? 'tcp',
      tls,
      connectTimeoutMs,
    });
    const proposals = options.proposals ?? DEFAULT_PROPOSALS;
    const acceptable = options.versions ?? SUPPORTED_PROTOCOL_VERSIONS.filter((v) => v.major >= 3);
    const handshake = new ClientHandshake(proposals, acceptable);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        finish(new DatabaseError(Status.DatabaseUnavailable, 'The Bolt handshake timed out'));
      }, connectTimeoutMs);
      const finish = (error: unknown): void => {
        clearTimeout(timer);
        stream.removeListener('data', onData);
        stream.removeListener('close', onClose);
        stream.removeListener('error', finish);
        if (error === null) return;
        stream.destroy();
        reject(
          error instanceof DatabaseError
            ? error
            : new ProtocolError('Bolt handshake failed', { cause: error }),
        );
      };
      const onClose = (): void => {
        finish(
          new DatabaseError(
            Status.DatabaseUnavailable,
            'The server closed the connection during the handshake',
          ),
        );
      };
      const onData = (bytes: Buffer): void => {
        const step = handshake.push(bytes);
        if (step.status === 'PENDING') return;
        if (step.reply !== null) stream.write(step.reply);
        if (step.status === 'FAILED') {
          finish(step.error);
          return;
        }
        finish(null);
        resolve({ stream, version: step.version, viaManifest: step.viaManifest, leftover: step.leftover });
      };
      stream.on('data', onData);
      stream.once('close', onClose);
      stream.once('error', finish);
      stream.write(encodeHandshakeRequest(proposals));
    });
  }

  /** Whether the negotiated version is `major.minor` or newer. */
  isAtLeast(major: number, minor: number): boolean {
    return isProtocolAtLeast(this.version, major, minor);
  }

  /** The negotiated version as Bolt writes it (`"5.8"`). */
  get versionText(): string {
    return formatProtocolVersion(this.version);
  }

  /**
   * Sends one request message (tag + fields) and resolves with its response, whatever its kind; records that
   * arrive before the summary are collected or passed to `onRecord`. Requests are written in the order of
   * the calls; calls in one tick leave in one write (pipelining). Rejects only if the connection is lost.
   */
  send(tag: number, fields: readonly unknown[], onRecord?: RecordCallback): Promise<BoltResponse> {
    if (this.closedError !== null) return Promise.reject(this.closedError);
    this.writer.writeMessage((packer) => {
      packer.writeStructHeader(fields.length, tag);
      for (const field of fields) packer.packValue(field);
    });
    this.scheduleWrite();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, records: [], onRecord });
    });
  }

  /** Sends a message that has no response (GOODBYE). */
  protected sendWithoutResponse(tag: number): void {
    this.writer.writeMessage((packer) => {
      packer.writeStructHeader(0, tag);
    });
    this.flushNow();
  }

  /** Sends a request and returns its SUCCESS metadata. @throws BoltResponseError for FAILURE and IGNORED */
  protected async request(
    tag: number,
    fields: readonly unknown[],
  ): Promise<Readonly<Record<string, unknown>>> {
    const response = await this.send(tag, fields);
    if (response.kind !== 'SUCCESS') throw new BoltResponseError(response);
    return response.metadata;
  }

  /** Switches value encoding to the UTC DateTime structs (Bolt 4.3/4.4 after HELLO agreed on the patch). */
  protected useUtcPatch(): void {
    this.hydration = createHydration({ version: this.version, role: 'client', utcPatch: true });
  }

  /** Ends the connection at once (use GOODBYE for a polite close). */
  close(): void {
    this.stream.destroy();
  }

  /** Ends the sending side after what was written. */
  protected end(): void {
    this.flushNow();
    this.stream.end();
  }

  /** Bytes received before the client took over the stream (after the handshake). */
  protected receive(bytes: Uint8Array): void {
    try {
      this.decoder.push(bytes, (body, start, end) => {
        this.dispatch(this.reader.read(body, start, end));
      });
    } catch (error) {
      this.failAll(new ProtocolError('The server sent undecodable data', { cause: error }));
      this.stream.destroy();
    }
  }

  private dispatch(message: MessageStruct): void {
    const head = this.pending[0];
    if (head === undefined) throw new ProtocolError(`Unexpected response 0x${message.tag.toString(16)}`);
    const metadata = (message.fields[0] ?? {}) as Record<string, unknown>;
    switch (message.tag) {
      case RECORD: {
        const values = (message.fields[0] ?? []) as readonly unknown[];
        if (head.onRecord === undefined) head.records.push(values);
        else head.onRecord(values);
        return;
      }
      case SUCCESS:
      case FAILURE:
        this.pending.shift();
        head.resolve({
          kind: message.tag === SUCCESS ? 'SUCCESS' : 'FAILURE',
          metadata,
          records: head.records,
        });
        return;
      case IGNORED:
        this.pending.shift();
        head.resolve({ kind: 'IGNORED', metadata: {}, records: head.records });
        return;
      default:
        throw new ProtocolError(`Unknown response 0x${message.tag.toString(16)}`);
    }
  }

  private scheduleWrite(): void {
    if (this.writeScheduled) return;
    this.writeScheduled = true;
    queueMicrotask(() => {
      this.flushNow();
    });
  }

  private flushNow(): void {
    this.writeScheduled = false;
    if (this.writer.pendingBytes === 0 || this.closedError !== null) return;
    this.stream.write(this.writer.takeOutput());
  }

  private failAll(error: DatabaseError): void {
    this.closedError ??= error;
    for (const request of this.pending.splice(0)) request.reject(error);
  }
}
