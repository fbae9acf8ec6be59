import type { BoltBackend } from '../../bolt/index.js';
import type { ServerLogger } from '../logging.js';
import type { DurabilityMetricsSource } from './durability-metrics.js';
import type { MetricsEndpoint, startMetricsEndpoint } from './metrics-endpoint.js';
import { observeBackend } from './observed-backend.js';
import { createQueryLog, type QueryLogOptions } from './query-log.js';
import type { ServerMetrics } from './server-metrics.js';
import { combineObservers, type ServerObserver } from './server-observer.js';

/** Settings of the Prometheus endpoint. */
export interface MetricsOptions {
  /** Port of `GET /metrics` (0 picks a free one). */
  readonly port: number;
  /** Address to listen on; default: the Bolt listener's. */
  readonly host?: string;
  /** WAL and snapshot figures; default: the server's own durable stores, if any. */
  readonly durability?: DurabilityMetricsSource;
}

/** The query log and metrics settings of a server (both off by default). */
export interface ObservabilityOptions {
  readonly queryLog?: QueryLogOptions;
  readonly metrics?: MetricsOptions;
}

/** A server's query log and metrics, set up around its Bolt backend and listener. */
export interface ServerObservability {
  /** The backend reporting to the query log and metrics (the backend itself when both are off). */
  observe(backend: BoltBackend): BoltBackend;
  /** Once Bolt listens: starts the metrics endpoint. Resolves with its URL (`undefined` when off). */
  start(bolt: BoltListenerView): Promise<string | undefined>;
  close(): Promise<void>;
}

/** What observability needs to know of the running Bolt listener. */
export interface BoltListenerView {
  readonly address: string;
  readonly port: number;
  connections(): readonly unknown[];
}

/**
 * Prepares the query log and the metrics. prom-client is imported only when metrics are on (start-up
 * time); with both off, nothing is wrapped and queries pay nothing.
 * @param durability the server's durability figures (used unless `options.metrics.durability` is given)
 */
export async function prepareObservability(
  options: ObservabilityOptions,
  logger: ServerLogger,
  durability?: DurabilityMetricsSource,
): Promise<ServerObservability> {
  const queryLog = options.queryLog === undefined ? undefined : createQueryLog(options.queryLog, logger);
  let bolt: BoltListenerView | undefined;
  let metrics: ServerMetrics | undefined;
  let startEndpoint: typeof startMetricsEndpoint | undefined;
  const metricsOptions = options.metrics;
  if (metricsOptions !== undefined) {
    const [{ createServerMetrics }, endpointModule] = await Promise.all([
      import('./server-metrics.js'),
      import('./metrics-endpoint.js'),
    ]);
    startEndpoint = endpointModule.startMetricsEndpoint;
    metrics = createServerMetrics({
      openConnections: () => bolt?.connections().length ?? 0,
      durability: metricsOptions.durability ?? durability,
    });
  }
  const observers: ServerObserver[] = [];
  if (queryLog !== undefined) observers.push(queryLog);
  if (metrics !== undefined) observers.push(metrics.observer);
  const observer = combineObservers(observers);
  let endpoint: MetricsEndpoint | undefined;
  return {
    observe: (backend) => (observer === undefined ? backend : observeBackend(backend, observer)),
    start: async (listener) => {
      bolt = listener;
      if (metrics === undefined || metricsOptions === undefined || startEndpoint === undefined) {
        return undefined;
      }
      metrics.watchBoltPort(listener.port);
      endpoint = await startEndpoint(
        metrics,
        metricsOptions.host ?? listener.address,
        metricsOptions.port,
        logger,
      );
      return endpoint.url;
    },
    close: async () => {
      metrics?.close();
      await endpoint?.close();
    },
  };
}
