import type { CypherMap } from '../../values/index.js';
import type { EngineTransaction } from '../engine-transaction.js';
import { Result } from './result.js';

/** An explicit transaction of the embedded API. */
export class Transaction {
  private readonly transaction: EngineTransaction;

  constructor(transaction: EngineTransaction) {
    this.transaction = transaction;
  }

  /** Runs a statement in this transaction; several results may be open at once. */
  run(query: string, parameters: CypherMap = {}): Result {
    return new Result(
      () => this.transaction.run(query, parameters),
      () => Promise.resolve(),
    );
  }

  /** Commits; resolves with the bookmark of the commit. */
  commit(): Promise<string> {
    return Promise.resolve(this.transaction.commit());
  }

  rollback(): Promise<void> {
    this.transaction.rollback();
    return Promise.resolve();
  }

  get isOpen(): boolean {
    return this.transaction.isOpen;
  }
}
