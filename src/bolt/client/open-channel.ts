import net from 'node:net';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { DatabaseError, Status } from '../../errors/index.js';

/** TLS settings of a client connection (`bolt+s`, `bolt+ssc`, `wss`). */
export interface ClientTlsOptions {
  /** Trusted certificates (PEM); default: Node's CA store. */
  readonly ca?: string | Buffer;
  /** Verify the server certificate (default true; false is `bolt+ssc`: encrypted, not verified). */
  readonly rejectUnauthorized?: boolean;
  /** SNI and certificate host name (default: the host). */
  readonly servername?: string;
}

/** Where and how to connect. */
export interface ChannelAddress {
  readonly host: string;
  readonly port: number;
  /** Raw Bolt over TCP (the drivers' Node channel) or Bolt inside WebSocket binary frames (browsers). */
  readonly transport: 'tcp' | 'websocket';
  readonly tls: ClientTlsOptions | null;
  readonly connectTimeoutMs: number;
}

function unavailable(message: string, cause?: unknown): DatabaseError {
  return new DatabaseError(Status.DatabaseUnavailable, message, cause === undefined ? {} : { cause });
}

/**
 * Opens a byte stream to a Bolt server; resolves once it is connected (TLS and WebSocket handshakes done).
 * `ws` and `node:tls` are loaded only by the connections that use them: a process that merely imports the
 * client (the server reaches it through bolt/index.ts) does not pay their start-up time.
 */
export async function openChannel(address: ChannelAddress): Promise<Duplex> {
  const { host, port } = address;
  const target = `${host}:${port}`;
  const webSocket = address.transport === 'websocket' ? await import('ws') : undefined;
  return new Promise<Duplex>((resolve, reject) => {
    let stream: Duplex;
    let readyEvent: string;
    let emitter: NodeJS.EventEmitter;
    if (webSocket !== undefined) {
      const scheme = address.tls === null ? 'ws' : 'wss';
      const host6 = net.isIPv6(host) ? `[${host}]` : host;
      const socket = new webSocket.WebSocket(`${scheme}://${host6}:${port}/`, {
        ...(address.tls === null ? {} : tlsOptions(address.tls, host)),
        handshakeTimeout: address.connectTimeoutMs,
      });
      socket.binaryType = 'nodebuffer';
      stream = webSocket.createWebSocketStream(socket);
      emitter = socket;
      readyEvent = 'open';
    } else if (address.tls !== null) {
      stream = process.getBuiltinModule('node:tls').connect({ host, port, ...tlsOptions(address.tls, host) });
      emitter = stream;
      readyEvent = 'secureConnect';
    } else {
      stream = net.connect({ host, port });
      emitter = stream;
      readyEvent = 'connect';
    }
    const timer = setTimeout(() => {
      fail(unavailable(`Connecting to ${target} timed out`));
    }, address.connectTimeoutMs);
    const fail = (error: unknown): void => {
      clearTimeout(timer);
      stream.destroy();
      reject(error instanceof DatabaseError ? error : unavailable(`Cannot connect to ${target}`, error));
    };
    stream.once('error', fail);
    emitter.once(readyEvent, () => {
      clearTimeout(timer);
      stream.removeListener('error', fail);
      resolve(stream);
    });
  });
}

function tlsOptions(options: ClientTlsOptions, host: string): tls.ConnectionOptions {
  return {
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    // SNI must not be an IP address.
    ...(options.servername !== undefined
      ? { servername: options.servername }
      : net.isIP(host) === 0
        ? { servername: host }
        : {}),
  };
}
