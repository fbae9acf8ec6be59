import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DurabilityMetricsSource } from './durability-metrics.js';
import type { ServerObserver } from './server-observer.js';

/** What the metrics read from the running server when scraped. */
export interface MetricsSources {
  /** Open Bolt connections (the listener's count). */
  readonly openConnections: () => number;
  readonly durability?: DurabilityMetricsSource | undefined;
}

/** A server's metrics: the observer feeding them and the exposition text. */
export interface ServerMetrics {
  readonly observer: ServerObserver;
  /** Counts connections accepted on the Bolt port from now on. */
  watchBoltPort(port: number): void;
  /** The Prometheus text exposition: the server's metrics and the process's (memory, CPU, event loop). */
  text(): Promise<string>;
  readonly contentType: string;
  /** Stops counting connections. */
  close(): void;
}

/** Query latency buckets (seconds): from sub-millisecond point reads to half-minute analytics. */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Node's channel announcing every socket any `net.Server` of the process accepts. */
const ACCEPT_CHANNEL = 'net.server.socket';

/** Process metrics are per process, not per server: collected once, shared by every server's endpoint. */
let processRegistry: Registry | undefined;

/**
 * Creates a server's metrics (this module imports prom-client: load it only when metrics are enabled).
 * Each server has its own registry, so several servers in one process (tests) do not share counters.
 */
export function createServerMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  const shared = processRegistry;
  new Gauge({
    name: 'quiver_bolt_connections',
    help: 'Open Bolt connections',
    registers,
    collect() {
      this.set(sources.openConnections());
    },
  });
  const accepted = new Counter({
    name: 'quiver_bolt_connections_accepted_total',
    help: 'Connections accepted on the Bolt port',
    registers,
  });
  const queries = new Counter({
    name: 'quiver_queries_total',
    help: 'Finished queries by summary type (unknown: failed before it had one) and outcome',
    labelNames: ['type', 'outcome'],
    registers,
  });
  const durations = new Histogram({
    name: 'quiver_query_duration_seconds',
    help: 'Query time from RUN to the end of its result',
    labelNames: ['outcome'],
    buckets: DURATION_BUCKETS,
    registers,
  });
  const transactions = new Counter({
    name: 'quiver_transactions_total',
    help: 'Ended transactions by outcome',
    labelNames: ['outcome'],
    registers,
  });
  const active = new Gauge({
    name: 'quiver_transactions_active',
    help: 'Open transactions',
    registers,
  });
  if (sources.durability !== undefined) registerDurabilityMetrics(sources.durability, registers);

  let boltPort: number | undefined;
  const onAccept = (message: unknown): void => {
    const { socket } = message as { socket?: Socket };
    if (socket !== undefined && socket.localPort === boltPort) accepted.inc();
  };
  subscribe(ACCEPT_CHANNEL, onAccept);

  return {
    observer: {
      queryFinished: (event) => {
        queries.inc({ type: event.type ?? 'unknown', outcome: event.outcome });
        durations.observe({ outcome: event.outcome }, event.durationMs / 1000);
      },
      transactionBegun: () => {
        active.inc();
      },
      transactionEnded: (_database, outcome) => {
        active.dec();
        transactions.inc({ outcome });
      },
    },
    watchBoltPort: (port) => {
      boltPort = port;
    },
    text: async () => `${await registry.metrics()}\n${await shared.metrics()}`,
    contentType: registry.contentType,
    close: () => {
      unsubscribe(ACCEPT_CHANNEL, onAccept);
    },
  };
}

/** The WAL and snapshot figures, read from `source` at every scrape. */
function registerDurabilityMetrics(source: DurabilityMetricsSource, registers: Registry[]): void {
  // Monotonic totals are counters (so `rate()` works); the source keeps them, the scrape copies them.
  const totals: readonly (readonly [string, string, () => number])[] = [
    [
      'quiver_wal_written_bytes_total',
      'Bytes appended to the write-ahead log',
      () => source.walBytesWritten(),
    ],
    ['quiver_wal_syncs_total', 'fsync calls on the write-ahead log', () => source.walSyncs()],
    ['quiver_snapshots_total', 'Snapshots taken', () => source.snapshotsTaken()],
  ];
  for (const [name, help, read] of totals) {
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }
  new Gauge({
    name: 'quiver_snapshot_last_duration_seconds',
    help: 'Duration of the latest snapshot (absent before the first)',
    registers,
    collect() {
      const seconds = source.lastSnapshotDurationSeconds();
      if (seconds === undefined) this.reset();
      else this.set(seconds);
    },
  });
}
