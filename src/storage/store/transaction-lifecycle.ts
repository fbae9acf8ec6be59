import { DatabaseError, InternalError, Status } from '../../errors/index.js';
import type { CommitRecord } from '../commit-log.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import { buildCommitRecord } from './commit-record.js';
import { validateCommit } from './commit-validation.js';
import { validateReads } from './read-validation.js';
import { rollbackChanges } from './rollback.js';
import type { StoreContext } from './store-context.js';

/**
 * Commits `tx`: validate (reads, then constraints) → take a commit timestamp → hand the record to the
 * commit log → publish when the log acknowledged and every earlier commit is published (see
 * `TransactionManager`). Returns nothing when the commit is visible before this function returns (nothing
 * written, or a synchronous log or none with no earlier commit waiting), so a transaction begun right after
 * sees it; otherwise a promise that resolves once it is visible (see `CommitOutcome`).
 * Until publication the transaction keeps the heads of its chains, so concurrent writers of the same
 * entities conflict, and readers do not see it.
 */
export function commitTransaction(context: StoreContext, tx: TransactionState): void | Promise<void> {
  if (tx.deltas.length === 0) {
    // Nothing written: what it read was a consistent snapshot, so it never fails validation.
    tx.reads = undefined;
    tx.status = 'COMMITTED';
    context.manager.end(tx);
    context.collectGarbage();
    return undefined;
  }
  try {
    // Reads first: a transaction that read stale data made its decisions on it, so its constraint checks
    // would judge the wrong writes; the transient error makes the driver run it again on fresh data.
    validateReads(context, tx);
    tx.reads = undefined;
    validateCommit(context.state, tx);
  } catch (error) {
    rollbackTransaction(context, tx);
    return Promise.reject(error instanceof Error ? error : new InternalError(String(error)));
  }
  const commitTs = context.manager.assignCommitTs(tx);
  const log = context.commitLog;
  const record: CommitRecord | undefined =
    log === undefined ? undefined : buildCommitRecord(context.state, tx, commitTs);
  const outcome = new CommitOutcome();
  let failure: unknown;
  const entry = context.manager.enqueue(
    tx,
    () => {
      context.gc.enqueue(tx);
      context.collectGarbage();
      outcome.settle(undefined);
    },
    () => {
      undoAndRelease(context, tx);
      context.collectGarbage();
      outcome.settle(asLogError(failure));
    },
  );
  if (log === undefined || record === undefined) {
    context.manager.acknowledge(entry, true);
    return outcome.result();
  }
  let acknowledgement: void | Promise<void>;
  try {
    acknowledgement = log.append(record);
  } catch (error) {
    failure = error;
    context.manager.acknowledge(entry, false);
    return outcome.result();
  }
  if (acknowledgement instanceof Promise) {
    acknowledgement.then(
      () => {
        context.manager.acknowledge(entry, true);
      },
      (error: unknown) => {
        failure = error;
        context.manager.acknowledge(entry, false);
      },
    );
  } else {
    context.manager.acknowledge(entry, true);
  }
  return outcome.result();
}

/**
 * How a commit queued for publication ended. Publication is synchronous when the log acknowledged at once
 * and no earlier commit is still waiting (an in-memory store, a read-only transaction): the commit then
 * returns nothing, without a promise and the microtask ticks awaiting it costs each caller. Otherwise it
 * returns a promise that settles when the transaction is published or undone. A failure is always a
 * rejected promise, never a synchronous throw.
 */
class CommitOutcome {
  private settled = false;
  private error: DatabaseError | undefined;
  private resolve: (() => void) | undefined;
  private reject: ((error: DatabaseError) => void) | undefined;

  settle(error: DatabaseError | undefined): void {
    if (this.resolve !== undefined && this.reject !== undefined) {
      if (error === undefined) this.resolve();
      else this.reject(error);
      return;
    }
    this.settled = true;
    this.error = error;
  }

  result(): void | Promise<void> {
    if (this.settled) return this.error === undefined ? undefined : Promise.reject(this.error);
    return new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
}

/** Rolls back an ACTIVE transaction: undoes its changes and ends it. */
export function rollbackTransaction(context: StoreContext, tx: TransactionState): void {
  undoAndRelease(context, tx);
  context.manager.end(tx);
  context.collectGarbage();
}

function undoAndRelease(context: StoreContext, tx: TransactionState): void {
  if (tx.deltas.length > 0) context.gc.adopt(rollbackChanges(context.state, tx));
  tx.reads = undefined;
  tx.status = 'ABORTED';
}

/** The error a failed log write ends the commit with: the log's own `DatabaseError`, or TransactionLogError. */
function asLogError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  return new DatabaseError(
    Status.TransactionLogError,
    'The transaction could not be written to the commit log',
    {
      cause: error,
    },
  );
}
