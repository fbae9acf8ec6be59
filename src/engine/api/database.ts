import type { ProcedureDefinition } from '../../execution/index.js';
import { DatabaseEngine, type DatabaseEngineOptions } from '../database-engine.js';
import { Session } from './session.js';

export interface DatabaseOptions extends DatabaseEngineOptions {
  /** Keep everything in memory (no files). The only mode until durability lands. */
  readonly inMemory?: boolean;
}

/**
 * The embedded, in-process API: `const db = await Database.open(); const session = db.session();
 * for await (const record of session.run('MATCH (n) RETURN n')) …`.
 */
export class Database {
  readonly engine: DatabaseEngine;

  private constructor(engine: DatabaseEngine) {
    this.engine = engine;
  }

  static open(options: DatabaseOptions = {}): Promise<Database> {
    return Promise.resolve(new Database(new DatabaseEngine(options)));
  }

  session(): Session {
    return new Session(this.engine);
  }

  /** Adds a procedure (replacing one of the same name). */
  registerProcedure(definition: ProcedureDefinition): void {
    this.engine.procedures.register(definition);
  }

  close(): Promise<void> {
    for (const transaction of this.engine.activeTransactions) transaction.rollback();
    return Promise.resolve();
  }
}
