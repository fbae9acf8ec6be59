import {
  checkDatabaseName,
  DatabaseEngine,
  engineSettings,
  inMemoryStorage,
  type DatabaseEngineOptions,
  type Setting,
  type DatabaseStorage,
  type StoreHandle,
} from '../engine/index.js';
import { DatabaseError, Status } from '../errors/index.js';

type DatabaseAdministration = NonNullable<DatabaseEngineOptions['administration']>;

/** Options of {@link DatabaseManager.open}. */
export interface DatabaseManagerOptions extends DatabaseEngineOptions {
  /** The default database's name (`neo4j`). */
  readonly defaultDatabase?: string;
  /** Where databases keep their data (default: in memory). */
  readonly storage?: DatabaseStorage;
}

/**
 * The databases one server hosts: a default one (`neo4j`) and `system`, plus any created later (on disk:
 * every database directory found at start). It is also every engine's administration port (SHOW
 * DATABASES, CREATE/DROP DATABASE, SHOW TRANSACTIONS). `system` keeps nothing: it lives in memory.
 */
export class DatabaseManager implements DatabaseAdministration {
  readonly defaultDatabase: string;
  /** The Bolt address for SHOW DATABASES (`host:port`); the server sets it once it listens. */
  address = 'localhost:7687';
  /** The configuration for SHOW SETTINGS and `dbms.listConfig`; the server sets it once it listens. */
  settingsSource: (() => readonly Setting[]) | undefined;
  readonly storage: DatabaseStorage;
  private readonly engines = new Map<string, DatabaseEngine>();
  private readonly handles = new Map<string, StoreHandle>();
  /** CREATE/DROP in progress, by name: a second one for the same name waits for the first. */
  private readonly pending = new Map<string, Promise<unknown>>();
  private readonly options: DatabaseEngineOptions;
  private setup: ((engine: DatabaseEngine) => void) | undefined;
  private closed = false;

  private constructor(options: DatabaseManagerOptions, storage: DatabaseStorage, defaultDatabase: string) {
    this.options = withoutStore(options);
    this.storage = storage;
    this.defaultDatabase = defaultDatabase;
    this.engines.set('system', new DatabaseEngine({ ...this.options, name: 'system', administration: this }));
  }

  settings(): readonly Setting[] {
    return this.settingsSource?.() ?? engineSettings(this.defaultDatabase);
  }

  /** Opens (recovers) every database the storage has, and the default one (created when missing). */
  static async open(options: DatabaseManagerOptions = {}): Promise<DatabaseManager> {
    const storage = options.storage ?? inMemoryStorage();
    const defaultDatabase = checkDatabaseName(options.defaultDatabase ?? options.name ?? 'neo4j');
    const manager = new DatabaseManager(options, storage, defaultDatabase);
    const names = new Set([defaultDatabase, ...(await storage.existing())]);
    names.delete('system');
    try {
      for (const name of [...names].sort()) {
        if (name === defaultDatabase && options.store !== undefined) {
          const store = options.store;
          manager.attach(name, { store, durable: undefined, close: () => Promise.resolve() });
        } else {
          manager.attach(name, await storage.open(name));
        }
      }
    } catch (error) {
      await manager.close();
      throw error;
    }
    return manager;
  }

  /** The database called `name` (`null`: the default one). @throws DatabaseNotFound */
  get(name: string | null): DatabaseEngine {
    const resolved = name === null || name === '' ? this.defaultDatabase : name.toLowerCase();
    const engine = this.engines.get(resolved);
    if (engine === undefined) {
      throw new DatabaseError(
        Status.DatabaseNotFound,
        `Database does not exist. Database name: '${resolved}'.`,
      );
    }
    return engine;
  }

  names(): readonly string[] {
    return [...this.engines.keys()];
  }

  /** Every database's engine. */
  all(): readonly DatabaseEngine[] {
    return [...this.engines.values()];
  }

  databases(): readonly DatabaseEngine[] {
    return this.all();
  }

  /** The open stores (durability figures for metrics and logs). */
  storeHandles(): readonly (readonly [name: string, handle: StoreHandle])[] {
    return [...this.handles.entries()];
  }

  /**
   * What to do to every database, those open now and those created later (the server registers its
   * procedures there). Replaces any earlier setup: there is one server per manager.
   */
  setupDatabases(setup: (engine: DatabaseEngine) => void): void {
    this.setup = setup;
    for (const engine of this.engines.values()) setup(engine);
  }

  /** CREATE DATABASE. @throws ExistingDatabaseFound unless `ifNotExists`; ArgumentError for a bad name */
  create(name: string, ifNotExists = false): Promise<boolean> {
    const resolved = checkDatabaseName(name);
    return this.serialize(resolved, async () => {
      if (this.engines.has(resolved)) {
        if (ifNotExists) return false;
        throw new DatabaseError(
          Status.ExistingDatabaseFound,
          `Failed to create the specified database '${resolved}': Database already exists.`,
        );
      }
      this.attach(resolved, await this.storage.open(resolved));
      return true;
    });
  }

  /**
   * DROP DATABASE: its transactions are rolled back, its store closed and its files deleted.
   * @throws DatabaseNotFound unless `ifExists`
   */
  drop(name: string, ifExists = false): Promise<boolean> {
    const resolved = name.toLowerCase();
    return this.serialize(resolved, async () => {
      const engine = this.engines.get(resolved);
      if (engine === undefined) {
        if (ifExists) return false;
        throw new DatabaseError(
          Status.DatabaseNotFound,
          `Failed to delete the specified database '${resolved}': Database does not exist.`,
        );
      }
      if (resolved === this.defaultDatabase || resolved === 'system') {
        throw new DatabaseError(
          Status.UnsupportedAdministrationCommand,
          `Failed to delete the specified database '${resolved}': it is the ${resolved === 'system' ? 'system' : 'default'} database.`,
        );
      }
      this.engines.delete(resolved);
      const handle = this.handles.get(resolved);
      this.handles.delete(resolved);
      // Open transactions of the dropped database fail from now on (their store is closed); the DROP
      // itself may run in one of them, so none is rolled back here.
      await handle?.close();
      await this.storage.remove(resolved);
      return true;
    });
  }

  /** Closes every database: running transactions roll back, WALs are flushed, snapshots taken. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled(this.pending.values());
    for (const engine of this.engines.values()) {
      for (const transaction of engine.activeTransactions) transaction.rollback();
    }
    const results = await Promise.allSettled([...this.handles.values()].map((handle) => handle.close()));
    this.handles.clear();
    const failure = results.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  }

  private attach(name: string, handle: StoreHandle): void {
    const engine = new DatabaseEngine({ ...this.options, name, store: handle.store, administration: this });
    this.setup?.(engine);
    this.engines.set(name, engine);
    this.handles.set(name, handle);
  }

  private serialize<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(new DatabaseError(Status.DatabaseUnavailable, 'The server is shutting down.'));
    }
    const previous = this.pending.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.pending.set(name, settled);
    void settled.then(() => {
      if (this.pending.get(name) === settled) this.pending.delete(name);
    });
    return next;
  }
}

function withoutStore(options: DatabaseEngineOptions): DatabaseEngineOptions {
  const rest = { ...options };
  delete (rest as { store?: unknown }).store;
  delete (rest as { storage?: unknown }).storage;
  delete (rest as { defaultDatabase?: unknown }).defaultDatabase;
  return rest;
}
