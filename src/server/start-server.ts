import type { DatabaseEngineOptions } from '../engine/index.js';
import { EngineBoltBackend } from './bolt-backend.js';
import type { BoltServerOptions } from './config.js';
import { DatabaseManager } from './databases.js';
import { startBoltServer, type BoltServer } from './start-bolt-server.js';

/** Options of a whole Quiver server: the Bolt listener's (minus the backend) and the databases'. */
export interface ServerOptions extends Omit<BoltServerOptions, 'backend'>, DatabaseEngineOptions {
  /** The default database's name (`neo4j`). */
  readonly defaultDatabase?: string;
  /** No files at all (tests, throw-away servers). */
  readonly inMemory?: boolean;
  /** Where databases live (`<dataDir>/databases/<name>/`); default `./data`. Ignored with `inMemory`. */
  readonly dataDir?: string;
  /** How commits are made durable; ignored with `inMemory`. */
  readonly durability?: ServerDurabilityOptions;
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
}

/** Starts a server in-process (tests, embedding applications); `quiver serve` uses it too. */
export async function startServer(options: ServerOptions = {}): Promise<QuiverServer> {
  const databases = new DatabaseManager(options);
  let address = `${options.host ?? 'localhost'}:${options.port ?? 7687}`;
  const backend = new EngineBoltBackend({ databases, advertisedAddress: () => address });
  const bolt = await startBoltServer({ ...options, backend });
  const host = bolt.address.includes(':') ? `[${bolt.address}]` : bolt.address;
  address = `${host}:${bolt.port}`;
  databases.address = address;
  return {
    address: bolt.address,
    port: bolt.port,
    url: `bolt://${address}`,
    databases,
    connections: () => bolt.connections(),
    close: () => bolt.close(),
  };
}
