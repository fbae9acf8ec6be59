import type { ProcedureDefinition } from '../../execution/index.js';
import { DatabaseEngine, type DatabaseEngineOptions } from '../database-engine.js';
import { directoryStorage, type DurabilitySettings, type StoreHandle } from '../database-storage.js';
import { Session } from './session.js';

export interface DatabaseOptions extends DatabaseEngineOptions {
  /**
   * The data directory: the database lives in `<dataDir>/databases/<name>/` (the layout a server uses, so
   * `quiver serve --data-dir` opens it too), recovered on open and made durable by its write-ahead log.
   * Without it, everything stays in memory.
   */
  readonly dataDir?: string;
  /** Keep everything in memory even when `dataDir` is set. */
  readonly inMemory?: boolean;
  readonly durability?: DurabilitySettings;
}

/**
 * The embedded, in-process API: `const db = await Database.open(); const session = db.session();
 * for await (const record of session.run('MATCH (n) RETURN n')) …`.
 */
export class Database {
  readonly engine: DatabaseEngine;
  private readonly handle: StoreHandle | undefined;
  private closing: Promise<void> | undefined;

  private constructor(engine: DatabaseEngine, handle: StoreHandle | undefined) {
    this.engine = engine;
    this.handle = handle;
  }

  /** Opens a database: in memory, or recovered from `dataDir` (snapshot plus write-ahead log). */
  static async open(options: DatabaseOptions = {}): Promise<Database> {
    if (options.dataDir === undefined || options.inMemory === true || options.store !== undefined) {
      return new Database(new DatabaseEngine(options), undefined);
    }
    const handle = await directoryStorage(options.dataDir, options.durability).open(options.name ?? 'neo4j');
    return new Database(new DatabaseEngine({ ...options, store: handle.store }), handle);
  }

  session(): Session {
    return new Session(this.engine);
  }

  /** Adds a procedure (replacing one of the same name). */
  registerProcedure(definition: ProcedureDefinition): void {
    this.engine.procedures.register(definition);
  }

  /** Rolls back open transactions and, on disk, flushes the log and takes a snapshot. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const transaction of this.engine.activeTransactions) transaction.rollback();
      await this.handle?.close();
    })();
    return this.closing;
  }
}
