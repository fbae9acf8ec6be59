import type { CypherMap } from '../../values/index.js';
import { isReadOnlyStatement, type DatabaseEngine } from '../database-engine.js';
import type { EngineTransaction, EngineTransactionOptions } from '../engine-transaction.js';
import { Result } from './result.js';
import { Transaction } from './transaction.js';

/**
 * A session of the embedded API: auto-commit queries with `run`, explicit transactions with
 * `beginTransaction`. An auto-commit query commits when its result has been consumed (iterated to the end or
 * summarised) and rolls back when it fails.
 */
export class Session {
  private readonly engine: DatabaseEngine;
  private readonly open = new Set<EngineTransaction>();
  private lastBookmark: string | undefined;

  constructor(engine: DatabaseEngine) {
    this.engine = engine;
  }

  /** Runs `query` in its own transaction. */
  run(query: string, parameters: CypherMap = {}, options: EngineTransactionOptions = {}): Result {
    let transaction: EngineTransaction | undefined;
    return new Result(
      () => {
        // Compiled once: to learn whether the query only reads (then the store skips read-set tracking)
        // and to run it. A query that does not compile runs by text, which reports the error.
        const compiled = options.readOnly === undefined ? this.engine.tryCompile(query) : undefined;
        const readOnly = options.readOnly ?? (compiled !== undefined && isReadOnlyStatement(compiled));
        transaction = this.engine.begin({ ...options, readOnly, implicit: true });
        this.open.add(transaction);
        return compiled === undefined
          ? transaction.run(query, parameters)
          : transaction.runCompiled(compiled, parameters);
      },
      async (error) => {
        if (transaction === undefined) return;
        this.open.delete(transaction);
        if (error !== undefined || !transaction.isOpen) {
          transaction.rollback();
          return;
        }
        this.lastBookmark = await transaction.commit();
      },
    );
  }

  beginTransaction(options: EngineTransactionOptions = {}): Transaction {
    const transaction = this.engine.begin(options);
    this.open.add(transaction);
    return new Transaction(transaction);
  }

  /** The bookmark of this session's last auto-commit. */
  get bookmark(): string | undefined {
    return this.lastBookmark;
  }

  /** Rolls back whatever this session left open. */
  close(): Promise<void> {
    for (const transaction of this.open) transaction.rollback();
    this.open.clear();
    return Promise.resolve();
  }
}
