import { DatabaseEngine, type DatabaseEngineOptions } from '../engine/index.js';
import { DatabaseError, Status } from '../errors/index.js';

type DatabaseAdministration = NonNullable<DatabaseEngineOptions['administration']>;

/**
 * The databases one server hosts: a default one (`neo4j`) and `system`, plus any created later. It is
 * also every engine's administration port (SHOW DATABASES, CREATE/DROP DATABASE, SHOW TRANSACTIONS).
 */
export class DatabaseManager implements DatabaseAdministration {
  readonly defaultDatabase: string;
  /** The Bolt address for SHOW DATABASES (`host:port`); the server sets it once it listens. */
  address = 'localhost:7687';
  private readonly engines = new Map<string, DatabaseEngine>();
  private readonly options: DatabaseEngineOptions;
  private setup: ((engine: DatabaseEngine) => void) | undefined;

  constructor(options: DatabaseEngineOptions & { defaultDatabase?: string } = {}) {
    this.options = options;
    this.defaultDatabase = options.defaultDatabase ?? options.name ?? 'neo4j';
    this.engines.set(
      this.defaultDatabase,
      new DatabaseEngine({ ...options, name: this.defaultDatabase, administration: this }),
    );
    this.engines.set(
      'system',
      new DatabaseEngine({ ...withoutStore(options), name: 'system', administration: this }),
    );
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

  /**
   * What to do to every database created from now on (the server registers its procedures there).
   * Replaces any earlier setup: there is one server per manager.
   */
  setupNewDatabases(setup: (engine: DatabaseEngine) => void): void {
    this.setup = setup;
  }

  /** CREATE DATABASE. @throws ExistingDatabaseFound unless `ifNotExists` */
  create(name: string, ifNotExists = false): boolean {
    const resolved = name.toLowerCase();
    if (this.engines.has(resolved)) {
      if (ifNotExists) return false;
      throw new DatabaseError(
        Status.ExistingDatabaseFound,
        `Failed to create the specified database '${resolved}': Database already exists.`,
      );
    }
    const engine = new DatabaseEngine({
      ...withoutStore(this.options),
      name: resolved,
      administration: this,
    });
    this.setup?.(engine);
    this.engines.set(resolved, engine);
    return true;
  }

  /**
   * DROP DATABASE. Open transactions of the dropped database run on to their end (terminating them would
   * also fail the DROP itself when it runs in that database). @throws DatabaseNotFound unless `ifExists` */
  drop(name: string, ifExists = false): boolean {
    const resolved = name.toLowerCase();
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
    return this.engines.delete(resolved);
  }
}

function withoutStore(options: DatabaseEngineOptions): DatabaseEngineOptions {
  const rest = { ...options };
  delete (rest as { store?: unknown }).store;
  return rest;
}
