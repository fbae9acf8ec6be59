import type { CommitLog } from '../commit-log.js';
import { TransactionManager } from '../mvcc/transaction-manager.js';
import { GarbageCollector } from './garbage-collector.js';
import { GraphState } from './graph-state.js';
import { ConstraintCatalog } from './constraint-catalog.js';
import { IndexCatalog } from './index-catalog.js';

/** The internals a `GraphStore` shares with its transactions. */
export class StoreContext {
  readonly state: GraphState;
  readonly manager = new TransactionManager();
  readonly gc = new GarbageCollector();
  readonly commitLog: CommitLog | undefined;
  readonly indexCatalog: IndexCatalog;
  readonly constraintCatalog: ConstraintCatalog;

  constructor(databaseId: string, commitLog: CommitLog | undefined) {
    this.state = new GraphState(databaseId);
    this.commitLog = commitLog;
    this.indexCatalog = new IndexCatalog(this);
    this.constraintCatalog = new ConstraintCatalog(this, this.indexCatalog);
  }

  /** Runs garbage collection up to the oldest running snapshot (cheap when nothing is due). */
  collectGarbage(): void {
    this.gc.collect(this.state, this.manager.oldestReadTs());
  }
}
