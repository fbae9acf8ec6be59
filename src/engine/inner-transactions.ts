import {
  StoreEntities,
  TransactionMemoryTracker,
  emptyStatistics,
  type ExecutionContext,
  type InnerTransaction,
  type InnerTransactions,
} from '../execution/index.js';
import type { DatabaseEngine } from './database-engine.js';

/**
 * The transactions of `CALL { … } IN TRANSACTIONS` batches, for one implicit (auto-commit) transaction.
 * Each batch's store transaction commits synchronously in memory, so the next batch and other clients see
 * it at once; its durability (the WAL's fsync) is awaited by `settled()`, which the outer transaction's
 * commit waits for before it acknowledges anything.
 */
export class BatchTransactions implements InnerTransactions {
  private readonly engine: DatabaseEngine;
  private readonly nextId: () => string;
  private readonly durableWrites: Promise<void>[] = [];
  private failure: Error | undefined;

  /** @param nextId names a new transaction (`<database>-transaction-<n>`, numbered with the others) */
  constructor(engine: DatabaseEngine, nextId: () => string) {
    this.engine = engine;
    this.nextId = nextId;
  }

  begin(outer: ExecutionContext): InnerTransaction {
    outer.checkInterrupt();
    const engine = this.engine;
    const tx = engine.store.begin({ readOnly: false });
    const memory = new TransactionMemoryTracker({
      limit: engine.transactionMemoryMax,
      ...(engine.memoryPool === undefined ? {} : { pool: engine.memoryPool }),
    });
    const context: ExecutionContext = {
      ...outer,
      tx,
      entities: new StoreEntities(tx, outer.tokens, outer.entities.databaseId),
      statistics: emptyStatistics(),
      memory,
    };
    let open = true;
    return {
      id: this.nextId(),
      context,
      commit: () => {
        // A conflict throws here, before anything changed: the caller then rolls back.
        const committed = tx.commit();
        open = false;
        memory.releaseAll();
        if (committed !== undefined) this.track(committed);
      },
      rollback: () => {
        if (!open) return;
        open = false;
        memory.releaseAll();
        if (tx.status === 'ACTIVE') tx.rollback();
      },
    };
  }

  /** Whether a batch committed with durability still to wait for (most implicit transactions run none). */
  get pending(): boolean {
    return this.durableWrites.length > 0;
  }

  durable(): Promise<void> | undefined {
    if (this.durableWrites.length === 0) return undefined;
    return Promise.all(this.durableWrites).then(() => undefined);
  }

  /** Resolves once every committed batch is durable; rejects with the first batch that could not be. */
  async settled(): Promise<void> {
    await Promise.all(this.durableWrites);
    if (this.failure !== undefined) throw this.failure;
  }

  private track(committed: Promise<unknown>): void {
    // Caught at once: a failure is reported by `settled()`, never as an unhandled rejection.
    this.durableWrites.push(
      committed.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= error instanceof Error ? error : new Error(String(error));
        },
      ),
    );
  }
}
