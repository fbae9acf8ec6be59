/**
 * engine: the database facade. Wires the stages (compile.ts: parse -> analyze -> plan, with a query cache),
 * runs statements in transactions over the store, and offers the embedded API (`Database`, `Session`,
 * `Transaction`, `Result`) and the lower-level `DatabaseEngine`/`EngineTransaction`/`StatementResult` the
 * Bolt backend drives.
 * Inputs: query text and parameters. Outputs: lazy results (records of materialized values) and summaries.
 * Must not know: Bolt, PackStream, sockets, the server.
 */
export { Database, type DatabaseOptions } from './api/database.js';
export { Session } from './api/session.js';
export { Transaction } from './api/transaction.js';
export { Result } from './api/result.js';
export { QueryRecord } from './api/query-record.js';
export { DatabaseEngine, isReadOnlyStatement, type DatabaseEngineOptions } from './database-engine.js';
export { EngineTransaction, type EngineTransactionOptions } from './engine-transaction.js';
export type {
  StatementResult,
  StatementSummary,
  QueryType,
  RecordSink,
  MaybePromise,
} from './statement-result.js';
export { compile, QueryCache, type CompiledStatement, type CompilationTimings } from './compile.js';
export type { ProcedureDefinition, ProcedureField, QueryStatistics } from '../execution/index.js';
export { MemoryPool, type ExecutingUser } from '../execution/index.js';
export type { PlanDescription } from '../planner/index.js';
export type { DatabaseAdministration } from './show/administration.js';
export { durationSetting, engineSettings, type Setting } from './show/settings-table.js';
export {
  checkDatabaseName,
  directoryStorage,
  inMemoryStorage,
  type DatabaseStorage,
  type DurabilitySettings,
  type StoreHandle,
} from './database-storage.js';
export type { QueryNotification } from './notifications/index.js';
/** The snapshot encoder, for online backups served by the server (`quiver.backup()`). */
export { encodeSnapshotChunks, type SnapshotChunkOptions } from '../durability/index.js';
