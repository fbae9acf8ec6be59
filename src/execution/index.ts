/**
 * execution: runs plans with pull-based operators over a store transaction; compiles expressions into
 * closures; the built-in functions and the procedure contract.
 * Inputs: `QueryPlan` from planner, an `ExecutionContext` from the engine. Outputs: row cursors.
 * Must not know: Cypher syntax (only the AST types the planner re-exports), Bolt, durability.
 */
export type { Row, RowCursor } from './runtime/row.js';
export type {
  ExecutionContext,
  ExecutingUser,
  InnerTransaction,
  InnerTransactions,
  StatementClock,
} from './runtime/context.js';
export { implicitTransactionRequired } from './operators/transaction-apply.js';
export {
  MemoryPool,
  TransactionMemoryTracker,
  NO_MEMORY_TRACKING,
  formatBytes,
  type MemoryTracker,
  type TransactionMemoryLimits,
} from './runtime/memory-tracker.js';
export { estimateValueSize, estimateRowSize } from './runtime/value-size.js';
export { cosineSimilarity, euclideanSimilarity, vectorCoordinates } from './functions/vector-similarity.js';
export { writeProperty } from './operators/property-writes.js';
export { emptyStatistics, containsUpdates, type QueryStatistics } from './runtime/statistics.js';
export { StoreEntities, StoreNode, StoreRelationship, materialize } from './runtime/store-entities.js';
export type { Evaluator, CompileScope, CompiledSubquery } from './expressions/compile-scope.js';
export type {
  FunctionDefinition,
  Aggregator,
  AggregateFunctionDefinition,
} from './functions/function-definition.js';
export type { ProcedureDefinition, ProcedureField, ProcedureRegistry } from './procedures/procedure.js';
export { runPlan, DEFAULT_RUNTIME, type PlanCursor, type PlanRuntime } from './run-plan.js';
export { allFunctions, allAggregates } from './functions/registry.js';
