import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import {
  serveBolt,
  type BoltConnection,
  type BoltConnectionOptions,
  type BoltState,
  type ProtocolVersion,
} from '../bolt/index.js';
import type { ResolvedServerConfig } from './config.js';
import { sniffStream } from './sniff.js';
import type { WebSocketGateway } from './websocket.js';

/** The per-connection Bolt options the listener does not decide itself. */
export type SharedConnectionOptions = Omit<
  BoltConnectionOptions,
  'connectionId' | 'handshakeTimeoutMs' | 'onClosed' | 'onUnexpectedError' | 'maxMessageBytes'
>;

/** What the server can tell about one open connection. */
export interface ConnectionInfo {
  readonly id: string | null;
  readonly transport: 'pending' | 'bolt' | 'websocket';
  readonly secure: boolean;
  readonly version: ProtocolVersion | null;
  readonly state: BoltState | null;
  /** Output held for this connection: framed, plus queued in the stream. */
  readonly bufferedBytes: number;
  readonly remoteAddress: string | undefined;
}

interface Tracked {
  readonly socket: Socket;
  readonly acceptedAt: number;
  timer: NodeJS.Timeout | undefined;
  transport: 'pending' | 'bolt' | 'websocket';
  secure: boolean;
  bolt: BoltConnection | null;
  webSocket: WebSocket | null;
}

/**
 * ONE TCP port for raw Bolt, WebSocket and TLS (Neo4j `TransportSelectionHandler`, bolt-spec-digest §2.1):
 * each accepted socket is sniffed (first bytes): `60 60 B0 17` → Bolt; `GET ` → HTTP/WebSocket upgrade, then
 * Bolt in binary frames; a TLS ClientHello → TLS (if configured), then sniffed again inside; anything else
 * (PROXY headers included) → closed. A connection that has not agreed on a Bolt version within the
 * handshake timeout is destroyed; above `maxConnections` new sockets are closed at once (Node's
 * `server.maxConnections`). Every error path ends its own socket only.
 */
/**
 * The address the listener binds for the configured `host`. The name `localhost` (the default) binds the
 * IPv4 loopback, 127.0.0.1, without a name lookup: Neo4j binds the same wherever localhost has an IPv4
 * address (the JVM prefers IPv4 addresses), drivers that resolve localhost to ::1 first go on to
 * 127.0.0.1, and the lookup costs start-up several milliseconds (a thread-pool round trip, and Node's first
 * IPv6 address check compiling a large regular expression). `--host ::1` binds the IPv6 loopback. Any
 * other host is bound as given.
 */
export function bindAddressOf(host: string): string {
  return host.toLowerCase() === 'localhost' ? '127.0.0.1' : host;
}

export class BoltListener {
  private readonly server: Server;
  private readonly tracked = new Set<Tracked>();
  private readonly bySocket = new WeakMap<Duplex, Tracked>();
  /** Made on the first WebSocket connection: `ws` and `node:http` are not loaded before (start-up time). */
  private gateway: Promise<WebSocketGateway> | undefined;
  private readonly config: ResolvedServerConfig;
  private readonly shared: SharedConnectionOptions;
  private nextId = 1;
  private closing = false;
  private droppedSinceWarning = 0;
  private lastDropWarning = 0;

  constructor(config: ResolvedServerConfig, shared: SharedConnectionOptions) {
    this.config = config;
    this.shared = shared;
    this.server = createServer((socket) => {
      this.accept(socket);
    });
    this.server.maxConnections = config.maxConnections;
    this.server.on('drop', () => {
      this.warnDropped();
    });
  }

  /** Starts listening; resolves with the bound address. */
  listen(): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => {
        reject(error);
      };
      this.server.once('error', onError);
      this.server.listen({ host: bindAddressOf(this.config.host), port: this.config.port }, () => {
        this.server.removeListener('error', onError);
        this.server.on('error', (error) => {
          this.config.logger.error('Bolt listener error', error);
        });
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** The open connections. */
  connections(): ConnectionInfo[] {
    return [...this.tracked].map((entry) => ({
      id: entry.bolt?.id ?? null,
      transport: entry.transport,
      secure: entry.secure,
      version: entry.bolt?.version ?? null,
      state: entry.bolt?.state ?? null,
      bufferedBytes: entry.bolt?.bufferedBytes ?? 0,
      remoteAddress: entry.socket.remoteAddress,
    }));
  }

  /**
   * Stops accepting, then closes every connection: Bolt connections stop their work and roll back (the
   * machine's disconnect) and end their stream; after `shutdownGraceMs` whatever is left is destroyed.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
    const shutdowns: Promise<void>[] = [];
    for (const entry of this.tracked) {
      if (entry.bolt === null) entry.socket.destroy();
      else shutdowns.push(entry.bolt.shutdown());
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.config.shutdownGraceMs);
    });
    await Promise.race([Promise.allSettled(shutdowns), grace]);
    clearTimeout(timer);
    for (const entry of this.tracked) entry.socket.destroy();
    await closed;
  }

  private accept(socket: Socket): void {
    // An 'error' without a listener would crash the process; the socket is closed after it anyway.
    socket.on('error', () => {
      socket.destroy();
    });
    if (this.closing) {
      socket.destroy();
      return;
    }
    // Responses are coalesced already: Nagle would only delay the last packet of each batch. Keep-alive
    // probes find peers that vanished without a FIN (Neo4j enables them on Bolt sockets too).
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    const entry: Tracked = {
      socket,
      acceptedAt: Date.now(),
      timer: undefined,
      transport: 'pending',
      secure: false,
      bolt: null,
      webSocket: null,
    };
    this.tracked.add(entry);
    this.bySocket.set(socket, entry);
    socket.once('close', () => {
      clearTimeout(entry.timer);
      this.tracked.delete(entry);
    });
    if (this.config.handshakeTimeoutMs > 0) {
      entry.timer = setTimeout(() => {
        if (entry.bolt === null) socket.destroy();
      }, this.config.handshakeTimeoutMs);
    }
    this.route(entry, socket, false).catch((error: unknown) => {
      this.config.logger.error('Failed to set up a connection', error);
      socket.destroy();
    });
  }

  /** Sniffs `stream` (the raw socket, or the TLS socket inside it) and hands it to the right handler. */
  private async route(entry: Tracked, stream: Duplex, secure: boolean): Promise<void> {
    const sniffed = await sniffStream(stream);
    if (sniffed.kind === 'CLOSED') return;
    const { config } = this;
    const plaintextRefused = config.tlsRequired && !secure;
    switch (sniffed.kind) {
      case 'BOLT':
        if (plaintextRefused) break;
        this.serveBoltStream(entry, stream, sniffed.bytes, 'bolt');
        return;
      case 'WEBSOCKET': {
        if (plaintextRefused || !config.websocket) break;
        const gateway = await this.webSocketGateway();
        // The stream stays paused meanwhile; it may have closed, or the server begun closing, while loading.
        if (this.closing || stream.destroyed) break;
        this.bySocket.set(stream, entry);
        gateway.accept(stream, sniffed.bytes);
        return;
      }
      case 'TLS': {
        if (secure || config.secureContext === null) break;
        stream.unshift(sniffed.bytes);
        // TLSSocket takes over the raw socket and first decrypts the bytes already read (the ClientHello).
        const { TLSSocket } = process.getBuiltinModule('node:tls'); // loaded already: a context exists
        const tlsSocket = new TLSSocket(entry.socket, {
          isServer: true,
          secureContext: config.secureContext,
        });
        tlsSocket.on('error', () => {
          tlsSocket.destroy();
          entry.socket.destroy();
        });
        entry.secure = true;
        await this.route(entry, tlsSocket, true);
        return;
      }
      case 'PROXY':
      case 'UNKNOWN':
        break;
    }
    stream.destroy();
    entry.socket.destroy();
  }

  private webSocketGateway(): Promise<WebSocketGateway> {
    this.gateway ??= import('./websocket.js').then(
      ({ WebSocketGateway }) =>
        new WebSocketGateway(
          (stream, webSocket, transportSocket) => {
            this.serveWebSocket(stream, webSocket, transportSocket);
          },
          // A frame may hold a whole maximal message plus its framing.
          { maxPayload: this.config.maxMessageBytes + 64 * 1024 },
        ),
    );
    return this.gateway;
  }

  private serveWebSocket(stream: Duplex, webSocket: WebSocket, transportSocket: Duplex): void {
    const entry = this.bySocket.get(transportSocket);
    if (entry === undefined || this.closing) {
      webSocket.terminate();
      return;
    }
    entry.webSocket = webSocket;
    this.serveBoltStream(entry, stream, Buffer.alloc(0), 'websocket');
  }

  private serveBoltStream(
    entry: Tracked,
    stream: Duplex,
    bytes: Buffer,
    transport: 'bolt' | 'websocket',
  ): void {
    const id = `bolt-${this.nextId++}`;
    const { handshakeTimeoutMs, logger } = this.config;
    // The connection enforces the rest of the handshake deadline from here on.
    clearTimeout(entry.timer);
    const remaining =
      handshakeTimeoutMs > 0 ? Math.max(1, handshakeTimeoutMs - (Date.now() - entry.acceptedAt)) : 0;
    entry.transport = transport;
    stream.on('error', () => undefined);
    entry.bolt = serveBolt(
      stream,
      {
        ...this.shared,
        connectionId: id,
        handshakeTimeoutMs: remaining,
        maxMessageBytes: this.config.maxMessageBytes,
        onUnexpectedError: (error) => {
          logger.error(`${id}: unexpected error`, error);
        },
        onClosed: () => {
          // The raw socket follows its stream (TLS, WebSocket) when that closes.
          if (!entry.socket.destroyed && stream !== entry.socket) entry.socket.end();
        },
      },
      bytes,
    );
  }

  private warnDropped(): void {
    this.droppedSinceWarning++;
    const now = Date.now();
    if (now - this.lastDropWarning < 10_000) return;
    this.config.logger.warn(
      `Connection limit of ${this.config.maxConnections} reached: ${this.droppedSinceWarning} connection(s) refused`,
    );
    this.droppedSinceWarning = 0;
    this.lastDropWarning = now;
  }
}
