import {
  StoreEntities,
  emptyStatistics,
  type ExecutingUser,
  type ExecutionContext,
  type InnerTransactions,
  type MemoryTracker,
  type ProcedureRegistry,
} from '../execution/index.js';
import type { StoreTransaction, TokenRegistries } from '../storage/index.js';
import type { CypherMap } from '../values/index.js';
import { statementClock, type ClockReading } from './clock.js';

/** What the engine knows about the transaction a statement runs in. */
export interface StatementEnvironment {
  readonly tx: StoreTransaction;
  readonly tokens: TokenRegistries;
  readonly databaseId: string;
  readonly procedures: ProcedureRegistry;
  /** When the transaction started (temporal functions' transaction clock). */
  readonly transactionStart: ClockReading;
  readonly defaultTimeZone: string;
  /** The absolute directory LOAD CSV resolves `file:///` URLs against (the engine's default when absent). */
  readonly importDirectory?: string;
  /** Throws when the transaction was terminated or timed out. */
  readonly checkInterrupt: () => void;
  /** The transaction's memory tracker, shared by its statements. */
  readonly memory: MemoryTracker;
  /** The authenticated user; undefined when authentication is disabled (and embedded). */
  readonly user: ExecutingUser | undefined;
  /** The batches of `CALL { … } IN TRANSACTIONS`; undefined in an explicit transaction. */
  readonly innerTransactions: InnerTransactions | undefined;
  readonly databaseNameOf: (databaseId: string) => string | null;
  readonly setTransactionMetadata: (metadata: CypherMap) => void;
}

/** A fresh execution context for one statement. */
export function createExecutionContext(
  environment: StatementEnvironment,
  parameters: CypherMap,
): ExecutionContext {
  return {
    tx: environment.tx,
    tokens: environment.tokens,
    entities: new StoreEntities(environment.tx, environment.tokens, environment.databaseId),
    parameters,
    statistics: emptyStatistics(),
    procedures: environment.procedures,
    clock: statementClock(environment.transactionStart),
    defaultTimeZone: environment.defaultTimeZone,
    // Always the same members (absent ones as undefined): one object shape for every statement.
    importDirectory: environment.importDirectory,
    checkInterrupt: environment.checkInterrupt,
    memory: environment.memory,
    user: environment.user,
    innerTransactions: environment.innerTransactions,
    databaseNameOf: environment.databaseNameOf,
    setTransactionMetadata: environment.setTransactionMetadata,
  };
}
