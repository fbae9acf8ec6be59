import { DatabaseEngine, type DatabaseEngineOptions } from '../engine/index.js';
import { DatabaseError, Status } from '../errors/index.js';

/** The databases one server hosts: a default one (`neo4j`) and `system`, plus any created later. */
export class DatabaseManager {
  readonly defaultDatabase: string;
  private readonly engines = new Map<string, DatabaseEngine>();
  private readonly options: DatabaseEngineOptions;

  constructor(options: DatabaseEngineOptions & { defaultDatabase?: string } = {}) {
    this.options = options;
    this.defaultDatabase = options.defaultDatabase ?? options.name ?? 'neo4j';
    this.engines.set(this.defaultDatabase, new DatabaseEngine({ ...options, name: this.defaultDatabase }));
    this.engines.set('system', new DatabaseEngine({ ...withoutStore(options), name: 'system' }));
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

  create(name: string): DatabaseEngine {
    const engine = new DatabaseEngine({ ...withoutStore(this.options), name });
    this.engines.set(name, engine);
    return engine;
  }

  drop(name: string): boolean {
    if (name === this.defaultDatabase || name === 'system') return false;
    return this.engines.delete(name);
  }
}

function withoutStore(options: DatabaseEngineOptions): DatabaseEngineOptions {
  const rest = { ...options };
  delete (rest as { store?: unknown }).store;
  return rest;
}
