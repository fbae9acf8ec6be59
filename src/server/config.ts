import type { SecureContext } from 'node:tls';
import {
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
  type BoltBackend,
  type ProtocolVersion,
} from '../bolt/index.js';
import type { AuthConfig } from './auth.js';
import { consoleLogger, type ServerLogger } from './logging.js';

/** TLS for the Bolt port (`bolt+s`, `bolt+ssc`, `neo4j+s`, `wss`): certificate and key in PEM. */
export interface TlsConfig {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** Refuse unencrypted connections (Neo4j `server.bolt.tls_level=REQUIRED`); default false (OPTIONAL). */
  readonly required?: boolean;
}

/** Options of {@link startBoltServer}. Durations are milliseconds; 0 switches a timeout off. */
export interface BoltServerOptions {
  readonly backend: BoltBackend;
  /** Default `127.0.0.1` (like Neo4j, only local clients until configured otherwise). */
  readonly host?: string;
  /** Default 7687; 0 picks a free port. */
  readonly port?: number;
  /** Users and whether login is required; without it the backend's own `authenticate` decides. */
  readonly auth?: AuthConfig;
  readonly tls?: TlsConfig;
  /** Serve WebSocket on the same port (default true). */
  readonly websocket?: boolean;
  /**
   * Open TCP connections at most (default 1000). Above it, new connections are closed at once without a
   * byte, as Neo4j does when it cannot take a connection; drivers report ServiceUnavailable and retry.
   */
  readonly maxConnections?: number;
  /** Largest request message (default 64 MiB). */
  readonly maxMessageBytes?: number;
  /** From accept to an agreed Bolt version, TLS and WebSocket upgrade included (default 10 000). */
  readonly handshakeTimeoutMs?: number;
  /** Close connections idle this long (default 0: never, like Neo4j). */
  readonly idleTimeoutMs?: number;
  /** Versions to negotiate (default: all Quiver implements). */
  readonly versions?: readonly ProtocolVersion[];
  /** Answer manifest handshake requests (default true). */
  readonly offerManifest?: boolean;
  readonly telemetryEnabled?: boolean;
  readonly ssrEnabled?: boolean;
  /** Records per backend pull between flushes (default 1000). */
  readonly pullBatchSize?: number;
  /** Encode an auto-commit result's next batch while the client reads the last (default true; ADR 0016). */
  readonly readAhead?: boolean;
  /** Coalescing threshold of socket writes while streaming (default 64 KiB). */
  readonly writeBytes?: number;
  /** How long `close()` waits for connections to roll back and close before destroying them (default 2000). */
  readonly shutdownGraceMs?: number;
  /**
   * Idle polling: after each response the event loop polls the sockets without sleeping for this many
   * microseconds, so a client's next request is served without the wake-up latency of a sleeping thread
   * (see `IdlePoller`). Default 0 (off) for a server started in-process, which shares its thread and CPU
   * with the application; `quiver serve` turns it on (500 µs).
   */
  readonly idlePollMicros?: number;
  readonly logger?: ServerLogger;
  /** A monotonic millisecond clock for `t_first`/`t_last` (tests fix it). */
  readonly now?: () => number;
}

/** The options with defaults applied and the TLS context built. */
export interface ResolvedServerConfig {
  readonly host: string;
  readonly port: number;
  readonly secureContext: SecureContext | null;
  readonly tlsRequired: boolean;
  readonly websocket: boolean;
  readonly maxConnections: number;
  readonly maxMessageBytes: number;
  readonly handshakeTimeoutMs: number;
  readonly shutdownGraceMs: number;
  /** 0: no idle polling. */
  readonly idlePollMicros: number;
  readonly logger: ServerLogger;
}

export const DEFAULT_BOLT_PORT = 7687;
export const DEFAULT_MAX_CONNECTIONS = 1000;
/** The longest idle-polling window (10 ms): longer would be a busy server, not a latency setting. */
export const MAX_IDLE_POLL_MICROS = 10_000;

/**
 * Applies defaults and checks the options.
 * @throws TypeError for a nonsensical setting, and whatever `tls.createSecureContext` throws for a bad
 * certificate or key
 */
export function resolveServerConfig(options: BoltServerOptions): ResolvedServerConfig {
  const port = options.port ?? DEFAULT_BOLT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`Invalid port ${port}`);
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new TypeError(`maxConnections must be a positive integer, got ${maxConnections}`);
  }
  const idlePollMicros = options.idlePollMicros ?? 0;
  if (!Number.isFinite(idlePollMicros) || idlePollMicros < 0 || idlePollMicros > MAX_IDLE_POLL_MICROS) {
    throw new TypeError(
      `idlePollMicros must be between 0 and ${MAX_IDLE_POLL_MICROS} µs, got ${idlePollMicros}`,
    );
  }
  const tls = options.tls;
  return {
    host: options.host ?? '127.0.0.1',
    port,
    secureContext: tls === undefined ? null : createSecureContext(tls),
    tlsRequired: tls?.required ?? false,
    websocket: options.websocket ?? true,
    maxConnections,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    handshakeTimeoutMs: options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
    shutdownGraceMs: options.shutdownGraceMs ?? 2000,
    idlePollMicros,
    logger: options.logger ?? consoleLogger,
  };
}

/**
 * `node:tls` is loaded only for a server that has TLS configured: it costs a few milliseconds of start-up
 * (issue #6) that a plain server need not pay.
 */
function createSecureContext(tls: TlsConfig): SecureContext {
  return process.getBuiltinModule('node:tls').createSecureContext({ cert: tls.cert, key: tls.key });
}
