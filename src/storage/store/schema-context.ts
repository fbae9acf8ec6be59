import type { CommitLog } from '../commit-log.js';
import type { TransactionManager } from '../mvcc/transaction-manager.js';
import type { GraphState } from './graph-state.js';

/** What the schema catalogs need from the store (a slice of `StoreContext`, which satisfies it). */
export interface SchemaContext {
  readonly state: GraphState;
  readonly manager: TransactionManager;
  readonly commitLog: CommitLog | undefined;
}
