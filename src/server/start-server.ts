import { directoryStorage, inMemoryStorage, type DatabaseEngineOptions } from '../engine/index.js';
import { EngineBoltBackend } from './bolt-backend.js';
import type { BoltServerOptions } from './config.js';
import { DatabaseManager } from './databases.js';
import { serverSettings } from './settings.js';
import { consoleLogger } from './logging.js';
import type { DurabilityMetricsSource } from './observability/durability-metrics.js';
import { prepareObservability, type ObservabilityOptions } from './observability/observability.js';
import { startBoltServer, type BoltServer } from './start-bolt-server.js';

/** Options of a whole Quiver server: the Bolt listener's (minus the backend) and the databases'. */
export interface ServerOptions
  extends Omit<BoltServerOptions, 'backend'>, DatabaseEngineOptions, ObservabilityOptions {
  /** The default database's name (`neo4j`). */
  readonly defaultDatabase?: string;
  /** No files at all (tests, throw-away servers). */
  readonly inMemory?: boolean;
  /**
   * Where databases live (`<dataDir>/databases/<name>/`), recovered at start. Without it (or with
   * `inMemory`) nothing is written to disk; `quiver serve` defaults it to `./data`.
   */
  readonly dataDir?: string;
  /** How commits are made durable; ignored with `inMemory`. */
  readonly durability?: ServerDurabilityOptions;
  /** Timeout of transactions whose client sets none (Neo4j `db.transaction.timeout`); default 0, none. */
  readonly transactionTimeoutMs?: number;
}

/** Durability settings of every database of a server (see docs/adr on durability). */
export interface ServerDurabilityOptions {
  /** `commit` (default): fsync before a commit is acknowledged. `relaxed`: fsync every interval. */
  readonly syncPolicy?: 'commit' | 'relaxed';
  readonly relaxedSyncIntervalMs?: number;
  /** Take a snapshot this often (0: only by WAL size and at shutdown). */
  readonly snapshotIntervalMs?: number;
  /** Take a snapshot once this much WAL accumulated since the last one. */
  readonly snapshotAfterWalBytes?: number;
  /** Rotate WAL segments at this size. */
  readonly walSegmentBytes?: number;
}

/** A running Quiver server: the Bolt listener and the databases behind it. */
export interface QuiverServer extends BoltServer {
  readonly databases: DatabaseManager;
  /** `bolt://host:port`. */
  readonly url: string;
  /** `http://host:port/metrics` when the metrics endpoint is on. */
  readonly metricsUrl: string | undefined;
}

/** Starts a server in-process (tests, embedding applications); `quiver serve` uses it too. */
export async function startServer(options: ServerOptions = {}): Promise<QuiverServer> {
  // In-process servers keep data in memory unless given a data directory; `quiver serve` always gives one.
  const storage =
    options.inMemory === true || options.dataDir === undefined
      ? inMemoryStorage()
      : directoryStorage(options.dataDir, {
          ...options.durability,
          ...(options.logger === undefined ? {} : { logger: options.logger }),
        });
  const databases = await DatabaseManager.open({ ...options, storage });
  let address = `${options.host ?? 'localhost'}:${options.port ?? 7687}`;
  // Observability (ops): query log and metrics wrap the backend; nothing is loaded when both are off.
  const observability = await prepareObservability(
    options,
    options.logger ?? consoleLogger,
    durabilityFigures(databases),
  );
  const backend = observability.observe(
    new EngineBoltBackend({
      databases,
      advertisedAddress: () => address,
      ...(options.transactionTimeoutMs === undefined
        ? {}
        : { defaultTransactionTimeoutMs: options.transactionTimeoutMs }),
    }),
  );
  let bolt: BoltServer;
  let metricsUrl: string | undefined;
  try {
    bolt = await startBoltServer({ ...options, backend });
    try {
      metricsUrl = await observability.start(bolt);
    } catch (error) {
      await bolt.close();
      throw error;
    }
  } catch (error) {
    await observability.close();
    await databases.close();
    throw error;
  }
  const host = bolt.address.includes(':') ? `[${bolt.address}]` : bolt.address;
  address = `${host}:${bolt.port}`;
  databases.address = address;
  databases.settingsSource = () => serverSettings(options, address);
  return {
    address: bolt.address,
    port: bolt.port,
    url: `bolt://${address}`,
    metricsUrl,
    databases,
    connections: () => bolt.connections(),
    close: async () => {
      try {
        await bolt.close();
      } finally {
        await observability.close();
        await databases.close();
      }
    },
  };
}

/** The durability figures of every open database, summed, for the metrics endpoint (read on scrape). */
function durabilityFigures(databases: DatabaseManager): DurabilityMetricsSource {
  const stats = () =>
    databases
      .storeHandles()
      .flatMap(([, handle]) => (handle.durable === undefined ? [] : [handle.durable.stats()]));
  const sum = (figure: (each: ReturnType<typeof stats>[number]) => number): number =>
    stats().reduce((total, each) => total + figure(each), 0);
  return {
    walBytesWritten: () => sum((each) => each.wal.bytesWritten),
    walSyncs: () => sum((each) => each.wal.syncs),
    snapshotsTaken: () => sum((each) => each.snapshotsTaken),
    lastSnapshotDurationSeconds: () => {
      const latest = stats()
        .map((each) => each.lastSnapshot)
        .filter((snapshot) => snapshot !== undefined)
        .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
      return latest === undefined ? undefined : latest.durationMs / 1000;
    },
  };
}
