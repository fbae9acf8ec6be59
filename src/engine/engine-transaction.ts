import { printExpression, type Expression } from '../cypher/index.js';
import { DatabaseError, Status, TransactionTerminatedError } from '../errors/index.js';
import {
  TransactionMemoryTracker,
  implicitTransactionRequired,
  type ExecutingUser,
} from '../execution/index.js';
import type { StoreTransaction } from '../storage/index.js';
import type { CypherMap, CypherValue } from '../values/index.js';
import { readClock } from './clock.js';
import { CommandResult } from './command-result.js';
import { DumpResult } from './dump/index.js';
import type { CompiledCommand, CompiledStatement } from './compile.js';
import type { DatabaseEngine } from './database-engine.js';
import { createExecutionContext, type StatementEnvironment } from './execution-context.js';
import { BatchTransactions } from './inner-transactions.js';
import { parameterNotProvided } from './parameter-not-provided.js';
import { QueryStatementResult } from './query-result.js';
import { runSchemaCommand } from './schema-commands.js';
import { drainResult, type StatementResult } from './statement-result.js';

const NONE_MISSING: readonly string[] = [];

/** The parameters `names` that `parameters` lacks (the common case, none, allocates nothing). */
function missingParameters(names: ReadonlySet<string>, parameters: CypherMap): readonly string[] {
  let missing: string[] | undefined;
  for (const name of names) {
    if (!Object.hasOwn(parameters, name)) (missing ??= []).push(name);
  }
  return missing ?? NONE_MISSING;
}

/** Numbers transaction ids; process-wide, so ids stay unique across databases and engines. */
let transactionNumber = 0;

/** Options of a new engine transaction. */
export interface EngineTransactionOptions {
  readonly readOnly?: boolean;
  /**
   * An implicit (auto-commit) transaction: it holds one query, and only such a transaction can run
   * `CALL { … } IN TRANSACTIONS`.
   */
  readonly implicit?: boolean;
  /** Milliseconds after which the transaction is terminated; undefined or 0 = no limit. */
  readonly timeoutMs?: number;
  readonly metadata?: CypherMap;
  /**
   * Who runs the transaction (the Bolt connection's authenticated user). Undefined: authentication is
   * disabled, as in the embedded API; Neo4j then reports an empty user name.
   */
  readonly user?: ExecutingUser;
}

/**
 * A transaction of one database: runs statements (each with its own lazy result; several may be open at
 * once), then commits or rolls back. A statement that fails fails the whole transaction, as in Neo4j: it is
 * rolled back and later calls are refused.
 */
export class EngineTransaction {
  readonly engine: DatabaseEngine;
  private readonly number: number;
  /** The client's transaction metadata (BEGIN's `tx_metadata`), replaced by `CALL tx.setMetaData(…)`. */
  metadata: CypherMap;
  readonly startedAt = Date.now();
  /** The user running it; undefined when authentication is disabled. */
  readonly user: ExecutingUser | undefined;
  /** The estimated memory its statements hold (the memory guard; SHOW TRANSACTIONS). */
  readonly memory: TransactionMemoryTracker;
  private readonly tx: StoreTransaction;
  private readonly environment: StatementEnvironment;
  private readonly deadline: number;
  /** Results not yet exhausted or closed (few: usually none or one, so an array rather than a Set). */
  private readonly open: StatementResult[] = [];
  private statements = 0;
  /** Whether a statement that may write ran: schema changes are then refused, as in Neo4j. */
  private wrote = false;
  private failure: unknown;
  private terminated: DatabaseError | undefined;
  private state: 'ACTIVE' | 'COMMITTED' | 'ROLLED_BACK' = 'ACTIVE';
  private query = '';
  /** The batches of `CALL { … } IN TRANSACTIONS` (implicit transactions only). */
  private readonly batches: BatchTransactions | undefined;

  constructor(engine: DatabaseEngine, options: EngineTransactionOptions = {}) {
    this.engine = engine;
    this.number = ++transactionNumber;
    this.metadata = options.metadata ?? {};
    this.user = options.user;
    this.memory = new TransactionMemoryTracker({
      limit: engine.transactionMemoryMax,
      ...(engine.memoryPool === undefined ? {} : { pool: engine.memoryPool }),
    });
    this.tx = engine.store.begin({ readOnly: options.readOnly ?? false });
    this.batches =
      options.implicit === true
        ? new BatchTransactions(engine, () => `${engine.name}-transaction-${String(++transactionNumber)}`)
        : undefined;
    const timeout = options.timeoutMs ?? 0;
    this.deadline = timeout > 0 ? this.startedAt + timeout : Infinity;
    this.environment = {
      tx: this.tx,
      tokens: engine.store.tokens,
      databaseId: engine.store.databaseId,
      procedures: engine.procedures,
      transactionStart: readClock(),
      defaultTimeZone: engine.defaultTimeZone,
      importDirectory: engine.importDirectory,
      checkInterrupt: () => {
        this.checkInterrupt();
      },
      memory: this.memory,
      user: this.user,
      innerTransactions: this.batches,
      databaseNameOf: engine.databaseNameOf,
      setTransactionMetadata: (metadata) => {
        this.metadata = metadata;
      },
    };
  }

  /** Neo4j-style id for SHOW/TERMINATE TRANSACTIONS: `<database>-transaction-<n>` (made when asked for). */
  get id(): string {
    return `${this.engine.name}-transaction-${String(this.number)}`;
  }

  /**
   * The name SHOW TRANSACTIONS and `dbms.showCurrentUser` report: the user's, or the empty string when
   * authentication is disabled (Neo4j's auth-disabled subject has that name).
   */
  get username(): string {
    return this.user?.username ?? '';
  }

  /** The text of the statement run last (SHOW TRANSACTIONS' currentQuery). */
  get currentQuery(): string {
    return this.query;
  }

  /** Why the transaction was terminated, if it was. */
  get terminationReason(): DatabaseError | undefined {
    return this.terminated;
  }

  get isOpen(): boolean {
    return this.state === 'ACTIVE';
  }

  /** Compiles and starts a statement. Throws syntax, semantic and missing-parameter errors at once. */
  run(text: string, parameters: CypherMap = {}): StatementResult {
    this.assertUsable();
    this.query = text;
    return this.start(this.engine.compile(text), parameters);
  }

  /**
   * Starts a statement the caller compiled already through this engine's `compile` (the Bolt backend
   * compiles an auto-commit query once to learn whether it only reads, then runs that compilation).
   */
  runCompiled(compiled: CompiledStatement, parameters: CypherMap = {}): StatementResult {
    this.assertUsable();
    this.query = compiled.text;
    return this.start(compiled, parameters);
  }

  private start(compiled: CompiledStatement, parameters: CypherMap): StatementResult {
    const missing = missingParameters(compiled.analyzed.parameters, parameters);
    // EXPLAIN runs nothing, so it needs no values: Neo4j plans it and warns instead (01N60).
    const explainOnly = compiled.kind !== 'command' && compiled.mode === 'EXPLAIN';
    if (missing.length > 0 && !explainOnly) {
      throw new DatabaseError(Status.ParameterMissing, `Expected parameter(s): ${missing.join(', ')}`, {
        detail: 'MissingParameter',
      });
    }
    if (compiled.kind === 'command') return this.track(this.runCommand(compiled, parameters));
    if (compiled.plan.innerTransactions && this.batches === undefined && compiled.mode !== 'EXPLAIN') {
      throw implicitTransactionRequired();
    }
    if (this.tx.isReadOnly && compiled.plan.queryType !== 'r' && compiled.mode !== 'EXPLAIN') {
      throw new DatabaseError(Status.AccessMode, 'Writing in read access mode not allowed.');
    }
    if (this.statements++ > 0) this.tx.advanceCommand();
    if (compiled.plan.queryType !== 'r') this.wrote = true;
    const context = createExecutionContext(this.environment, parameters);
    const warnings = missing.length > 0 ? [parameterNotProvided(missing)] : [];
    const result: StatementResult = new QueryStatementResult(
      compiled,
      context,
      this.engine.name,
      (error) => {
        this.statementFinished(result, error);
      },
      warnings,
    );
    return this.track(result);
  }

  /**
   * Commits; returns the bookmark of the commit, at once when the store committed synchronously (nothing
   * written, or an in-memory store) or else as a promise. Open results are closed first. Failures are
   * always a rejected promise.
   */
  commit(): string | Promise<string> {
    try {
      this.assertUsable();
      this.closeOpenResults();
      this.state = 'COMMITTED';
      this.memory.releaseAll();
      this.engine.transactionEnded(this);
      const committed = this.tx.commit();
      if (this.batches?.pending === true) {
        // Batches of CALL { … } IN TRANSACTIONS committed on the way: acknowledged once durable too.
        const batches = this.batches.settled();
        return Promise.all([committed, batches]).then(() => this.engine.bookmark());
      }
      if (committed === undefined) return this.engine.bookmark();
      return committed.then(() => this.engine.bookmark());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Rolls back; safe after a failure or termination, and idempotent. */
  rollback(): void {
    this.closeOpenResults();
    if (this.state !== 'ACTIVE') return;
    this.state = 'ROLLED_BACK';
    this.memory.releaseAll();
    this.engine.transactionEnded(this);
    if (this.tx.status === 'ACTIVE') this.tx.rollback();
  }

  /** Marks the transaction terminated: running and later statements fail as soon as they check. */
  terminate(
    reason: DatabaseError = new TransactionTerminatedError('The transaction has been terminated.'),
  ): void {
    this.terminated ??= reason;
  }

  checkInterrupt(): void {
    if (this.terminated !== undefined) throw this.terminated;
    if (Date.now() > this.deadline) {
      this.terminated = new TransactionTerminatedError(
        'The transaction has been terminated because it ran longer than its timeout.',
        { status: Status.TransactionTimedOutClientConfiguration },
      );
      throw this.terminated;
    }
  }

  private runCommand(compiled: CompiledCommand, parameters: CypherMap): StatementResult {
    const statement = compiled.statement;
    switch (statement.kind) {
      case 'CreateIndex':
      case 'DropIndex':
      case 'CreateConstraint':
      case 'DropConstraint':
        if (this.wrote) {
          throw new DatabaseError(
            Status.ForbiddenDueToTransactionType,
            'Tried to execute Schema modification after executing Write query.',
          );
        }
        this.statements++;
        return new CommandResult({
          text: compiled.text,
          parameters,
          database: this.engine.name,
          fields: [],
          queryType: 's',
          // Without OPTIONS the command starts at once (no await before it reaches the store).
          run: () =>
            statement.kind === 'CreateIndex' && statement.options !== undefined
              ? this.evaluateOptions(statement.options, parameters).then((options) =>
                  runSchemaCommand(this.engine.store, statement, options),
                )
              : runSchemaCommand(this.engine.store, statement),
        });
      case 'DumpDatabase':
        return new DumpResult({
          store: this.engine.store,
          reader: this.tx,
          text: compiled.text,
          parameters,
          database: this.engine.name,
          checkInterrupt: () => {
            this.checkInterrupt();
          },
        });
      case 'ShowCommand':
      case 'Begin':
      case 'Commit':
      case 'Rollback':
      case 'CreateDatabase':
      case 'DropDatabase':
        return this.engine.runAdministrativeCommand(compiled, this, parameters);
    }
  }

  /**
   * A CREATE INDEX's OPTIONS map, evaluated as an expression (`toInteger($dimensions)` and the like, as
   * GenAI libraries write it) by running `RETURN <options>` in this transaction.
   */
  private async evaluateOptions(
    options: Expression,
    parameters: CypherMap,
  ): Promise<CypherValue | undefined> {
    const rows = await drainResult(this.run(`RETURN ${printExpression(options)}`, parameters));
    return rows[0]?.[0];
  }

  private track(result: StatementResult): StatementResult {
    if (!result.done) this.open.push(result);
    return result;
  }

  /** Closes every open result; each one's close removes it from `open` (statementFinished). */
  private closeOpenResults(): void {
    if (this.open.length === 0) return;
    for (const result of [...this.open]) result.close();
  }

  private statementFinished(result: StatementResult, error: unknown): void {
    const index = this.open.indexOf(result);
    if (index >= 0) this.open.splice(index, 1);
    if (error === undefined || this.failure !== undefined) return;
    this.failure = error;
    this.rollback();
  }

  private assertUsable(): void {
    if (this.terminated !== undefined) throw this.terminated;
    if (this.failure !== undefined) {
      throw new TransactionTerminatedError(
        'The transaction has been rolled back because a statement in it failed.',
        { cause: this.failure },
      );
    }
    if (this.state !== 'ACTIVE') {
      throw new TransactionTerminatedError(
        `The transaction has been ${this.state === 'COMMITTED' ? 'committed' : 'rolled back'}.`,
      );
    }
  }
}
