/**
 * Runs a benchmark server (Quiver with the bench backend, or the replay server) in a worker thread, so the
 * server and the client under test run on different cores, as they would on different machines: the
 * client's throughput then shows whether the server keeps up, instead of the sum of both costs on one
 * event loop. The same file is the worker's entry point (it starts itself with its own URL).
 *
 * In the worker, `net.Socket#write` is wrapped to count the server's socket writes and their bytes, which
 * tells how well a server coalesces its output (BoltConnection keeps the same figures, but the server's
 * public `connections()` does not expose them).
 */
import { Socket } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  formatProtocolVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
  type ProtocolVersion,
} from '../../src/bolt/index.js';
import type { ServerLogger } from '../../src/server/index.js';
import { BENCH_QUERIES, BENCH_STREAMS, BenchBackend, RETURN_ONE_STREAM } from './bench-backend.js';
import { threadCpuNs } from './bolt-measure.js';
import { startReplayServer, type ReplayScenario } from './replay-server.js';

/** Which server to start. Replay scenarios name bench queries; `count` records each. */
export type ServerSpec =
  | { readonly kind: 'quiver'; readonly idlePollMicros?: number }
  | {
      readonly kind: 'replay';
      readonly version: ProtocolVersion;
      readonly streams: readonly { readonly query: string; readonly count: number }[];
      /** Idle polling after each reply, as Quiver's (default 0: off). */
      readonly idlePollMicros?: number;
    };

/** What a server worker reports. */
export interface ServerStats {
  /** Socket writes and bytes since the last `resetStats()`. */
  readonly writes: number;
  readonly bytes: number;
  /**
   * CPU time of the server's thread since the last `resetStats()`, in nanoseconds (Linux
   * `/proc/thread-self/schedstat`; `null` elsewhere). Unlike throughput it does not depend on how busy the
   * machine is, so it tells what the server costs per record even on a shared machine.
   */
  readonly cpuNs: number | null;
  /** The versions of the Bolt connections the server has open (Quiver only). */
  readonly versions: readonly string[];
}

/** The main thread's handle on a server worker. */
export interface ServerWorker {
  readonly port: number;
  stats(): Promise<ServerStats>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

/** The newest version Quiver negotiates: what a 6.x driver agrees on with it. */
export const QUIVER_NEWEST_VERSION: ProtocolVersion = SUPPORTED_PROTOCOL_VERSIONS[
  SUPPORTED_PROTOCOL_VERSIONS.length - 1
] ?? { major: 5, minor: 0 };

interface WorkerInput {
  readonly quiverBenchServer: ServerSpec;
}

interface Request {
  readonly id: number;
  readonly type: 'stats' | 'reset' | 'close';
}
interface Reply {
  readonly id: number;
  readonly stats?: ServerStats;
}

/** Starts a server worker and waits until it listens. */
export function startServerWorker(spec: ServerSpec): Promise<ServerWorker> {
  const input: WorkerInput = { quiverBenchServer: spec };
  const worker = new Worker(new URL(import.meta.url), { workerData: input });
  let nextId = 1;
  const pending = new Map<number, (reply: Reply) => void>();
  const call = (type: Request['type']): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ id, type } satisfies Request);
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { readonly port?: number } & Partial<Reply>) => {
      if (message.port !== undefined) {
        worker.off('error', reject);
        worker.on('error', (error) => {
          console.error('bench server worker failed', error);
        });
        resolve({
          port: message.port,
          stats: async () =>
            (await call('stats')).stats ?? { writes: 0, bytes: 0, cpuNs: null, versions: [] },
          resetStats: async () => {
            await call('reset');
          },
          close: async () => {
            await call('close');
            await worker.terminate();
          },
        });
        return;
      }
      if (message.id !== undefined) {
        const resolveCall = pending.get(message.id);
        pending.delete(message.id);
        resolveCall?.({ id: message.id, ...(message.stats === undefined ? {} : { stats: message.stats }) });
      }
    });
  });
}

const writeCounter = { writes: 0, bytes: 0 };
let cpuAtReset = threadCpuNs();

function countSocketWrites(): void {
  const prototype = Socket.prototype as unknown as {
    write: (this: Socket, chunk: unknown, ...rest: unknown[]) => boolean;
  };
  const original = prototype.write;
  prototype.write = function countedWrite(this: Socket, chunk: unknown, ...rest: unknown[]): boolean {
    writeCounter.writes++;
    if (chunk instanceof Uint8Array) writeCounter.bytes += chunk.byteLength;
    else if (typeof chunk === 'string') writeCounter.bytes += Buffer.byteLength(chunk);
    return original.call(this, chunk, ...rest);
  };
}

const quietLogger: ServerLogger = {
  info: () => undefined,
  warn: (message) => {
    console.warn(message);
  },
  error: (message, error) => {
    console.error(message, error);
  },
};

function cpuSinceReset(): number | null {
  const now = threadCpuNs();
  return now === null || cpuAtReset === null ? null : now - cpuAtReset;
}

async function serve(spec: ServerSpec): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  countSocketWrites();
  let close: () => Promise<void>;
  let versions: () => string[] = () => [];
  let listening: number;
  if (spec.kind === 'quiver') {
    const { startBoltServer } = await import('../../src/server/index.js');
    const server = await startBoltServer({
      backend: new BenchBackend(),
      port: 0,
      logger: quietLogger,
      idlePollMicros: spec.idlePollMicros ?? 0,
    });
    listening = server.port;
    close = () => server.close();
    versions = () =>
      server
        .connections()
        .flatMap((connection) =>
          connection.version === null ? [] : [formatProtocolVersion(connection.version)],
        );
  } else {
    const scenarios: ReplayScenario[] = [
      { query: BENCH_QUERIES.returnOne, count: 1, stream: RETURN_ONE_STREAM, checkN: false },
      ...spec.streams.map(({ query, count }) => {
        const stream = BENCH_STREAMS.get(query);
        if (stream === undefined) throw new TypeError(`No bench stream for ${query}`);
        return { query, count, stream };
      }),
    ];
    const server = await startReplayServer({
      scenarios,
      version: spec.version,
      idlePollMicros: spec.idlePollMicros ?? 0,
    });
    listening = server.port;
    close = () => server.close();
  }
  port.on('message', (request: Request) => {
    const reply = (extra: Partial<Reply> = {}): void => {
      port.postMessage({ id: request.id, ...extra });
    };
    switch (request.type) {
      case 'stats':
        reply({ stats: { ...writeCounter, cpuNs: cpuSinceReset(), versions: versions() } });
        return;
      case 'reset':
        writeCounter.writes = 0;
        writeCounter.bytes = 0;
        cpuAtReset = threadCpuNs();
        reply();
        return;
      case 'close':
        void close().then(() => {
          reply();
        });
    }
  });
  port.postMessage({ port: listening });
}

const input = workerData as Partial<WorkerInput> | null;
if (!isMainThread && input?.quiverBenchServer !== undefined) {
  await serve(input.quiverBenchServer);
}
