import type { DatabaseEngineOptions } from '../engine/index.js';
import { EngineBoltBackend } from './bolt-backend.js';
import type { BoltServerOptions } from './config.js';
import { DatabaseManager } from './databases.js';
import { startBoltServer, type BoltServer } from './start-bolt-server.js';

/** Options of a whole Quiver server: the Bolt listener's (minus the backend) and the databases'. */
export interface ServerOptions extends Omit<BoltServerOptions, 'backend'>, DatabaseEngineOptions {
  /** The default database's name (`neo4j`). */
  readonly defaultDatabase?: string;
  /** No files at all. Until durability lands every server is in-memory. */
  readonly inMemory?: boolean;
  readonly dataDir?: string;
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
