import { DatabaseError, Status } from '../errors/index.js';
import { openDurableStore, nodeFileSystem, type DurableStore, type FileSystem } from '../durability/index.js';
import { GraphStore } from '../storage/index.js';

/** How commits of every database become durable (see docs/adr/0007-durability.md). */
export interface DurabilitySettings {
  readonly syncPolicy?: 'commit' | 'relaxed';
  readonly relaxedSyncIntervalMs?: number;
  readonly snapshotIntervalMs?: number;
  readonly snapshotAfterWalBytes?: number;
  readonly walSegmentBytes?: number;
  /** The file system the WAL and snapshots go through (crash tests inject a faulty one). */
  readonly fileSystem?: FileSystem;
  readonly logger?: { info(message: string): void; warn(message: string): void };
}

/** One open database's store and how to close it. */
export interface StoreHandle {
  readonly store: GraphStore;
  /** The durable side (WAL, snapshots), absent in memory. */
  readonly durable: DurableStore | undefined;
  /** Flushes and closes (a snapshot at clean shutdown); idempotent. */
  close(): Promise<void>;
}

/**
 * Where the databases of a server or of an embedded `Database` keep their data: nowhere (in memory) or one
 * directory per database under `<dataDir>/databases/<name>/`. A database exists on disk when its directory
 * does.
 */
export interface DatabaseStorage {
  readonly inMemory: boolean;
  /** The databases found on disk (none in memory), sorted. */
  existing(): Promise<string[]>;
  open(name: string): Promise<StoreHandle>;
  /** Deletes a closed database's files. */
  remove(name: string): Promise<void>;
}

/** Database names: 3 to 63 characters, a letter first, then letters, digits, dots and dashes (Neo4j's rule). */
const DATABASE_NAME = /^[a-z][a-z0-9.-]{2,62}$/;

/** @throws ArgumentError for a name that cannot be a database (and so never a path outside the data dir) */
export function checkDatabaseName(name: string): string {
  const resolved = name.toLowerCase();
  if (!DATABASE_NAME.test(resolved)) {
    throw new DatabaseError(
      Status.ArgumentError,
      `Database name '${name}' is invalid: a name has 3 to 63 characters, starts with a letter and contains only letters, digits, dots and dashes.`,
    );
  }
  return resolved;
}

/** Databases in memory only: nothing survives the process. */
export function inMemoryStorage(): DatabaseStorage {
  return {
    inMemory: true,
    existing: () => Promise.resolve([]),
    open: () => {
      const store = new GraphStore();
      return Promise.resolve({ store, durable: undefined, close: () => Promise.resolve() });
    },
    remove: () => Promise.resolve(),
  };
}

/** Databases under `<dataDir>/databases/`, each recovered on open and durable through its WAL. */
export function directoryStorage(dataDir: string, settings: DurabilitySettings = {}): DatabaseStorage {
  const fileSystem = settings.fileSystem ?? nodeFileSystem;
  const root = `${dataDir.replace(/\/+$/, '')}/databases`;
  const directoryOf = (name: string): string => `${root}/${checkDatabaseName(name)}`;
  return {
    inMemory: false,
    existing: async () => {
      const names = await fileSystem.list(root);
      return names.filter((name) => DATABASE_NAME.test(name));
    },
    open: async (name) => {
      await fileSystem.makeDirectory(root);
      const durable = await openDurableStore({
        directory: directoryOf(name),
        fileSystem,
        ...(settings.syncPolicy === undefined ? {} : { syncPolicy: settings.syncPolicy }),
        ...(settings.relaxedSyncIntervalMs === undefined
          ? {}
          : { relaxedSyncIntervalMs: settings.relaxedSyncIntervalMs }),
        ...(settings.snapshotIntervalMs === undefined
          ? {}
          : { snapshotIntervalMs: settings.snapshotIntervalMs }),
        ...(settings.snapshotAfterWalBytes === undefined
          ? {}
          : { snapshotAfterWalBytes: settings.snapshotAfterWalBytes }),
        ...(settings.walSegmentBytes === undefined ? {} : { walSegmentBytes: settings.walSegmentBytes }),
        ...(settings.logger === undefined ? {} : { logger: settings.logger }),
      });
      return { store: durable.store, durable, close: () => durable.close() };
    },
    remove: async (name) => {
      await fileSystem.removeTree(directoryOf(name));
      await fileSystem.syncDirectory(root);
    },
  };
}
