import type { StoreTransaction, TokenRegistries } from '../../storage/index.js';
import type { CypherMap } from '../../values/index.js';
import type { ProcedureRegistry } from '../procedures/procedure.js';
import type { MemoryTracker } from './memory-tracker.js';
import type { QueryStatistics } from './statistics.js';
import type { StoreEntities } from './store-entities.js';

/**
 * The statement clock: `datetime()`, `date()`, `timestamp()` and friends without arguments return the time
 * the statement started (`statement`), `.transaction()` variants the transaction's start, `.realtime()` the
 * wall clock now. Values are nanoseconds since the Unix epoch.
 */
export interface StatementClock {
  readonly statementEpochNanos: bigint;
  readonly transactionEpochNanos: bigint;
  realtimeEpochNanos(): bigint;
}

/**
 * Everything an operator or an expression needs while a statement runs. One context per statement
 * execution; shared by every operator of its plan (and of its subplans).
 */
export interface ExecutionContext {
  /** The store transaction the statement runs in (reads and writes). */
  readonly tx: StoreTransaction;
  /** Label, relationship type and property key names <-> ids. Writes use `getOrCreate`, reads `idOf`. */
  readonly tokens: TokenRegistries;
  /** Live node/relationship values over `tx` (see `StoreNode`). */
  readonly entities: StoreEntities;
  /** The query parameters (`$name`). A missing one is a `ParameterMissing` error raised at compile time. */
  readonly parameters: CypherMap;
  /** Side-effect counters the write operators increment. */
  readonly statistics: QueryStatistics;
  readonly procedures: ProcedureRegistry;
  readonly clock: StatementClock;
  /** The default time zone of temporal functions (an IANA id or an offset such as `Z`). */
  readonly defaultTimeZone: string;
  /**
   * The directory `LOAD CSV` resolves `file:///` URLs against (absolute). Undefined: `import` under the
   * process's working directory, the engine's default.
   */
  readonly importDirectory?: string | undefined;
  /**
   * Throws `TransactionTerminatedError` when the statement was interrupted (RESET, timeout, TERMINATE).
   * Long-running loops call it every few thousand iterations.
   */
  checkInterrupt(): void;
  /**
   * The transaction's memory tracker (shared by its statements). Undefined: nothing is tracked or limited.
   */
  readonly memory?: MemoryTracker;
  /** Who runs the statement (`dbms.showCurrentUser`); undefined when authentication is disabled. */
  readonly user?: ExecutingUser | undefined;
  /**
   * Begins the transactions of `CALL { … } IN TRANSACTIONS` batches; undefined in an explicit transaction,
   * which cannot run them.
   */
  readonly innerTransactions?: InnerTransactions | undefined;
  /** The name of the server's database with a store id (`db.nameFromElementId`); absent: none known. */
  readonly databaseNameOf?: ((databaseId: string) => string | null) | undefined;
  /** Replaces the metadata of the statement's transaction (`tx.setMetaData`); absent: not supported. */
  readonly setTransactionMetadata?: ((metadata: CypherMap) => void) | undefined;
}

/** What `CALL { … } IN TRANSACTIONS` needs from the engine: a transaction of its own per batch. */
export interface InnerTransactions {
  /** Begins a batch's transaction, for a statement running in `outer`. */
  begin(outer: ExecutionContext): InnerTransaction;
  /**
   * Resolves once every committed batch is durable (whatever its outcome); undefined when none is waiting.
   * A failing statement reports its error only then, so that what it committed is there to stay.
   */
  durable(): Promise<void> | undefined;
}

/** One batch's transaction. */
export interface InnerTransaction {
  /** Its id, as SHOW TRANSACTIONS would name it (`REPORT STATUS` shows it). */
  readonly id: string;
  /** The batch's statement context: its own transaction, entities, statistics and memory. */
  readonly context: ExecutionContext;
  /**
   * Commits: visible to later transactions at once, durable before the outer transaction's own commit
   * completes. @throws a conflict (the caller rolls back).
   */
  commit(): void;
  /** Rolls back; idempotent. */
  rollback(): void;
}

/** The authenticated user a statement runs as. */
export interface ExecutingUser {
  readonly username: string;
  /** Roles, when the server knows them; null as in Neo4j community edition. */
  readonly roles: readonly string[] | null;
  /** The user must change the password before doing anything else. */
  readonly passwordChangeRequired: boolean;
}
