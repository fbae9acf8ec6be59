import type { PackStreamLimits } from '../../packstream/index.js';
import type { BoltBackend } from '../backend.js';
import type { ProtocolVersion } from '../protocol-version.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../transport/index.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../versions/index.js';
import type { ReplyTiming } from './reply-timing.js';

/** What a connection reports to the server around it (logs, metrics); every callback is optional. */
export interface ConnectionEvents {
  /** An error the client only saw as `UnknownError` (or did not see at all): log it. */
  readonly onUnexpectedError?: (error: unknown) => void;
  /** The connection ended, for whatever reason (`reason` is for logs). */
  readonly onClosed?: (reason: string) => void;
  /**
   * The connection handed response bytes to its channel (called once per socket write, on the write's
   * path: keep it to a few instructions). The server's idle polling starts its window here.
   */
  readonly onWritten?: () => void;
  /** Bytes arrived from the client (called once per read, before they are decoded; keep it small too). */
  readonly onReceived?: () => void;
}

/** Options of a Bolt connection. Durations are milliseconds; 0 switches a timeout off. */
export interface BoltConnectionOptions extends ConnectionEvents {
  readonly backend: BoltBackend;
  /** `connection_id` of HELLO's SUCCESS, e.g. `bolt-7`. */
  readonly connectionId: string;
  /** Versions the handshake may agree on (default: every version Quiver implements). */
  readonly versions?: readonly ProtocolVersion[];
  /** Answer a manifest request (default true; needed for Bolt 6). */
  readonly offerManifest?: boolean;
  /** Largest request message (default 64 MiB); larger ones fail with `Request.InvalidFormat` and close. */
  readonly maxMessageBytes?: number;
  /** PackStream limits for request fields (default: the packstream defaults). */
  readonly packStreamLimits?: Partial<PackStreamLimits>;
  /**
   * Time from the first byte to an agreed Bolt version (default 10 000). Neo4j drops connections that do not
   * finish the handshake in time; 10 s is generous for a 20-byte exchange and bounds idle sockets from scanners.
   */
  readonly handshakeTimeoutMs?: number;
  /**
   * Close a connection that has had no request in flight and no traffic for this long (default 0: never).
   * Neo4j has no server-side idle timeout either: drivers manage their pools and check liveness themselves.
   */
  readonly idleTimeoutMs?: number;
  /**
   * Send a NOOP chunk when a request has been running this long without output (default 0: never). Only
   * for Bolt 4.1+, and only useful when HELLO advertises `connection.recv_timeout_seconds`.
   */
  readonly keepAliveIntervalMs?: number;
  /** Coalescing threshold of socket writes while streaming (default 64 KiB). */
  readonly writeBytes?: number;
  /** Records per backend pull between flushes (default: the machine's, 1000). */
  readonly pullBatchSize?: number;
  /** Encode an auto-commit result's next batch while the client reads the last (default true; ADR 0016). */
  readonly readAhead?: boolean;
  /**
   * Requests queued but not yet answered above which the connection stops reading (default 1000). Drivers
   * pipeline a handful; this only bounds memory against a client that floods without reading.
   */
  readonly maxPipelinedRequests?: number;
  readonly telemetryEnabled?: boolean;
  readonly ssrEnabled?: boolean;
  /** A monotonic millisecond clock for `t_first`/`t_last` (tests fix it). */
  readonly now?: () => number;
  /**
   * Shared by a server's connections: whether a reply is written at once or with the other connections'
   * replies at the end of the event loop's turn (default: a timing of this connection alone, so at once).
   */
  readonly replyTiming?: ReplyTiming;
}

/** {@link BoltConnectionOptions} with the defaults filled in. */
export interface ResolvedConnectionOptions {
  readonly versions: readonly ProtocolVersion[];
  readonly offerManifest: boolean;
  readonly maxMessageBytes: number;
  readonly handshakeTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly keepAliveIntervalMs: number;
  readonly writeBytes: number;
  readonly maxPipelinedRequests: number;
}

export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
export const DEFAULT_WRITE_BYTES = 64 * 1024;
export const DEFAULT_MAX_PIPELINED_REQUESTS = 1000;

/** Fills in the defaults. */
export function resolveConnectionOptions(options: BoltConnectionOptions): ResolvedConnectionOptions {
  return {
    versions: options.versions ?? SUPPORTED_PROTOCOL_VERSIONS,
    offerManifest: options.offerManifest ?? true,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? 0,
    keepAliveIntervalMs: options.keepAliveIntervalMs ?? 0,
    writeBytes: options.writeBytes ?? DEFAULT_WRITE_BYTES,
    maxPipelinedRequests: options.maxPipelinedRequests ?? DEFAULT_MAX_PIPELINED_REQUESTS,
  };
}
