/**
 * A real Bolt server on 127.0.0.1 with an ephemeral port and the in-memory TestBackend, plus a raw TCP
 * client that speaks bytes (for transcripts, malformed input and flow-control tests). Logs are collected,
 * never printed, so tests can assert that nothing unexpected was logged.
 */
import { connect, type Socket } from 'node:net';
import {
  startBoltServer,
  type BoltServer,
  type BoltServerOptions,
  type ServerLogger,
} from '../../src/server/index.js';
import { fromHex } from '../../src/util/index.js';
import { TestBackend, type TestBackendOptions } from './test-backend.js';

/** Log lines a test server collected. */
export interface CollectedLogs extends ServerLogger {
  readonly lines: {
    readonly level: 'info' | 'warn' | 'error';
    readonly message: string;
    readonly error?: unknown;
  }[];
  /** The error-level lines (unexpected errors). */
  errors(): { readonly message: string; readonly error?: unknown }[];
}

export function collectLogs(): CollectedLogs {
  const lines: CollectedLogs['lines'] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message, error) => lines.push({ level: 'error', message, error }),
    errors: () => lines.filter((line) => line.level === 'error'),
  };
}

export interface TestServerOptions extends Partial<Omit<BoltServerOptions, 'backend'>> {
  /** A backend to serve instead of a fresh TestBackend. */
  readonly backend?: TestBackend;
  readonly backendOptions?: TestBackendOptions;
}

export interface TestServer {
  readonly server: BoltServer;
  readonly backend: TestBackend;
  readonly port: number;
  readonly logs: CollectedLogs;
  /** `bolt://127.0.0.1:<port>` */
  readonly boltUrl: string;
  /** `neo4j://127.0.0.1:<port>` */
  readonly neo4jUrl: string;
  close(): Promise<void>;
}

/** Starts a server on an ephemeral port; `t_first`/`t_last` are frozen at 0 so bytes are deterministic. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { backend: given, backendOptions, ...serverOptions } = options;
  const backend = given ?? new TestBackend(backendOptions);
  const logs = collectLogs();
  const server = await startBoltServer({
    host: '127.0.0.1',
    port: 0,
    logger: logs,
    now: () => 0,
    ...serverOptions,
    backend: backend,
  });
  return {
    server,
    backend,
    port: server.port,
    logs,
    boltUrl: `bolt://127.0.0.1:${server.port}`,
    neo4jUrl: `neo4j://127.0.0.1:${server.port}`,
    close: () => server.close(),
  };
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `condition` every few milliseconds until it holds (rejects after `timeoutMs`). */
export async function waitFor(condition: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await delay(5);
  }
}

/**
 * A raw TCP client: writes bytes (or hex), reads exact byte counts. Incoming bytes are buffered; `read`
 * waits for them. With `paused`, nothing is read from the socket until `resumeReading()` (slow readers).
 */
export class RawClient {
  readonly socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;
  private ended = false;
  /** Resolves when the server closed the connection (or it failed). */
  readonly closed: Promise<void>;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      socket.once('close', () => {
        this.ended = true;
        this.wake();
        resolve();
      });
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number, options: { readonly paused?: boolean } = {}): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        const client = new RawClient(socket);
        if (options.paused === true) socket.pause();
        resolve(client);
      });
    });
  }

  /** Writes bytes, or hex text (spaces and `#` comments allowed). */
  write(data: Uint8Array | string): void {
    this.socket.write(typeof data === 'string' ? fromHex(data.replace(/#[^\n]*/g, '')) : data);
  }

  /** Reads exactly `count` bytes (rejects if the connection closes first or after `timeoutMs`). */
  async read(count: number, timeoutMs = 3000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffer.length < count) {
      if (this.ended) throw new Error(`Connection closed after ${this.buffer.length} of ${count} bytes`);
      if (Date.now() > deadline) throw new Error(`Timed out with ${this.buffer.length} of ${count} bytes`);
      await this.waitForData(deadline - Date.now());
    }
    const out = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return out;
  }

  /** Reads one chunked message and returns its body (NOOP chunks are skipped). */
  async readMessage(timeoutMs = 3000): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (;;) {
      const size = (await this.read(2, timeoutMs)).readUInt16BE(0);
      if (size === 0) {
        if (parts.length > 0) return Buffer.concat(parts);
        continue;
      }
      parts.push(await this.read(size, timeoutMs));
    }
  }

  /** Reads everything until the server closes the connection. */
  async readToEnd(timeoutMs = 3000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for the server to close');
      await this.waitForData(deadline - Date.now());
    }
    const out = this.buffer;
    this.buffer = Buffer.alloc(0);
    return out;
  }

  /** Bytes received and not read yet. */
  get bufferedBytes(): number {
    return this.buffer.length;
  }

  get isClosed(): boolean {
    return this.ended;
  }

  resumeReading(): void {
    this.socket.resume();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private waitForData(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.waiter = null;
          resolve();
        },
        Math.max(1, timeoutMs),
      );
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
