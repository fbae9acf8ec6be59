import {
  CypherArgumentError,
  DatabaseError,
  InternalError,
  Status,
  TransactionTerminatedError,
} from '../../errors/index.js';
import type { TransactionApplyOp } from '../../planner/index.js';
import type { CypherMap, CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import { displayTypeName } from '../functions/type-errors.js';
import type { ExecutionContext, InnerTransactions } from '../runtime/context.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { addStatistics } from '../runtime/statistics.js';
import { materialize } from '../runtime/store-entities.js';
import type { BuildContext, Operator } from './operator.js';

/** Rows per inner transaction when the query names no batch size (Neo4j's default). */
const DEFAULT_BATCH_SIZE = 1000;

/** A batch that never started (after ON ERROR BREAK stopped the batches). */
const NOT_STARTED: CypherMap = Object.freeze({
  started: false,
  committed: false,
  transactionId: null,
  errorMessage: null,
});

/**
 * TransactionApply / TransactionForeach (`CALL { … } IN TRANSACTIONS`): reads up to a batch of left rows,
 * runs the subquery for each of them in a new transaction, commits it, then hands the batch's rows on. A
 * failing batch is rolled back; ON ERROR FAIL fails the query (batches committed before stay committed),
 * CONTINUE goes on with the next batch and BREAK runs no more batches, both handing the failed batch's rows
 * on with the subquery's columns null. REPORT STATUS adds each row's batch status.
 */
class TransactionApplyCursor implements RowCursor {
  private readonly plan: TransactionApplyOp;
  private readonly build: BuildContext;
  private readonly transactions: InnerTransactions;
  private readonly outer: RowCursor;
  private readonly batchSize: number;
  private ready: Row[] = [];
  private position = 0;
  private exhausted = false;
  /** ON ERROR BREAK saw a failure: later batches do not run. */
  private stopped = false;

  constructor(plan: TransactionApplyOp, build: BuildContext, outer: RowCursor, batchSize: number) {
    this.plan = plan;
    this.build = build;
    this.outer = outer;
    this.batchSize = batchSize;
    const transactions = build.context.innerTransactions;
    if (transactions === undefined) throw implicitTransactionRequired();
    this.transactions = transactions;
  }

  next(): Row | null {
    for (;;) {
      if (this.position < this.ready.length) return this.ready[this.position++] ?? null;
      if (this.exhausted) return null;
      const batch: Row[] = [];
      while (batch.length < this.batchSize) {
        const row = this.outer.next();
        if (row === null) {
          this.exhausted = true;
          break;
        }
        batch.push(row);
      }
      this.ready = batch.length === 0 ? [] : this.runBatch(batch);
      this.position = 0;
    }
  }

  close(): void {
    this.ready = [];
    this.exhausted = true;
    this.outer.close();
  }

  /** Runs one batch in its own transaction; the rows to hand on. */
  private runBatch(batch: readonly Row[]): Row[] {
    if (this.stopped) return batch.map((row) => this.withoutResult(row, NOT_STARTED));
    const outerContext = this.build.context;
    const transaction = this.transactions.begin(outerContext);
    const produced: Row[] = [];
    try {
      const builder = this.build.forContext(transaction.context);
      const subquery = builder.build(this.plan.right);
      for (const row of batch) this.runSubquery(subquery, row, produced);
      builder.deferred.run();
      transaction.commit();
    } catch (error) {
      transaction.rollback();
      if (this.plan.onError === 'FAIL' || !isBatchFailure(error)) throw error;
      if (this.plan.onError === 'BREAK') this.stopped = true;
      const status = statusMap(true, false, transaction.id, (error as Error).message);
      return batch.map((row) => this.withoutResult(row, status));
    }
    addStatistics(outerContext.statistics, transaction.context.statistics);
    const status = this.plan.status === undefined ? undefined : statusMap(true, true, transaction.id, null);
    if (status !== undefined) for (const row of produced) row[this.plan.status ?? -1] = status;
    return produced;
  }

  /** Runs the subquery for one left row; its rows (copies, values detached from the batch's transaction). */
  private runSubquery(subquery: Operator, row: Row, into: Row[]): void {
    const cursor = subquery.open(row);
    try {
      if (this.plan.unit) {
        while (cursor.next() !== null);
        into.push(row.slice());
        return;
      }
      for (let result = cursor.next(); result !== null; result = cursor.next()) {
        const out = result.slice();
        // Entities the subquery returns outlive its transaction: keep snapshots of them.
        for (const slot of this.plan.nullSlots) out[slot] = materialize(out[slot] ?? null);
        into.push(out);
      }
    } finally {
      cursor.close();
    }
  }

  /** A left row of a batch that failed or never ran: the subquery's columns null. */
  private withoutResult(row: Row, status: CypherMap): Row {
    const out = row.slice();
    for (const slot of this.plan.nullSlots) out[slot] = null;
    if (this.plan.status !== undefined) out[this.plan.status] = status;
    return out;
  }
}

function statusMap(
  started: boolean,
  committed: boolean,
  transactionId: string,
  errorMessage: string | null,
): CypherMap {
  return { started, committed, transactionId, errorMessage };
}

/**
 * Whether an error is the batch's own (a constraint, a type error, a conflict…), which ON ERROR CONTINUE
 * and BREAK absorb. Termination (TERMINATE, timeouts, RESET) and internal errors always fail the query.
 */
function isBatchFailure(error: unknown): boolean {
  if (!(error instanceof DatabaseError)) return false;
  return !(error instanceof TransactionTerminatedError || error instanceof InternalError);
}

/** The error of `CALL { … } IN TRANSACTIONS` in an explicit transaction (Neo4j's, GQLSTATUS 25N17). */
export function implicitTransactionRequired(): DatabaseError {
  return new DatabaseError(
    Status.TransactionStartFailed,
    "A query with 'CALL { ... } IN TRANSACTIONS' can only be executed in an implicit transaction, " +
      'but tried to execute in an explicit transaction.',
    { gqlStatus: '25N17' },
  );
}

/** The batch size a query gives: a positive INTEGER. */
function batchSizeOf(evaluate: Evaluator | undefined, argument: Row, context: ExecutionContext): number {
  if (evaluate === undefined) return DEFAULT_BATCH_SIZE;
  const value: CypherValue = evaluate(argument, context);
  if (typeof value === 'bigint' && value > 0n) return value > 1_000_000_000n ? 1_000_000_000 : Number(value);
  const shown =
    typeof value === 'bigint' || typeof value === 'number' ? String(value) : displayTypeName(value);
  throw new CypherArgumentError(
    `Invalid input. '${shown}' is not a valid value. Must be a positive integer.`,
  );
}

export function buildTransactionApply(plan: TransactionApplyOp, build: BuildContext): Operator {
  const left = build.build(plan.left);
  const batchSize = plan.batchSize === undefined ? undefined : build.compile(plan.batchSize);
  return {
    open(argument: Row): RowCursor {
      const size = batchSizeOf(batchSize, argument, build.context);
      return new TransactionApplyCursor(plan, build, left.open(argument), size);
    },
  };
}
