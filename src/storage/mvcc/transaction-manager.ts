import { invariant } from '../../errors/index.js';
import { TransactionState } from './transaction-state.js';

/** A commit handed to the log and waiting for its turn to become visible. */
interface PendingCommit {
  readonly tx: TransactionState;
  state: 'WAITING' | 'LOGGED' | 'FAILED';
  readonly publish: () => void;
  readonly fail: () => void;
}

/**
 * Timestamps, the table of running transactions, and the order in which commits become visible.
 *
 * One logical clock serves both snapshots and commits. A transaction's snapshot (`readTs`) is the newest
 * *published* commit; a commit takes the next timestamp when it is prepared, and is published (made visible)
 * only once the commit log acknowledged it AND every commit with a smaller timestamp has been published or
 * has failed. Publishing in timestamp order is what keeps snapshots stable: if commit 11 became visible
 * before commit 10, a snapshot taken in between (readTs 11) would see 10 appear later. Several commits may
 * wait on one log flush (group commit); they are then published together, in order.
 */
export class TransactionManager {
  private lastAssigned = 0;
  private lastPublished = 0;
  private nextSerial = 1;
  /** Running transactions (ACTIVE or COMMITTING), in begin order, which is also `readTs` order. */
  private readonly active = new Map<number, TransactionState>();
  private readonly pending: PendingCommit[] = [];

  /** The newest published commit timestamp: the snapshot a transaction beginning now gets. */
  get publishedTs(): number {
    return this.lastPublished;
  }

  /** The number of running transactions. */
  get activeCount(): number {
    return this.active.size;
  }

  /** The number of commits handed to the log and not yet published or failed. */
  get committingCount(): number {
    return this.pending.length;
  }

  /** Starts a transaction with a snapshot of everything published so far. */
  begin(readOnly: boolean): TransactionState {
    const tx = new TransactionState(this.nextSerial++, this.lastPublished, readOnly);
    this.active.set(tx.serial, tx);
    return tx;
  }

  /** Removes a finished transaction from the running set. */
  end(tx: TransactionState): void {
    this.active.delete(tx.serial);
  }

  /**
   * The oldest snapshot any running transaction reads. A change committed at or before it is seen by every
   * running and future transaction, so its undo information is garbage.
   */
  oldestReadTs(): number {
    for (const tx of this.active.values()) return tx.readTs;
    return this.lastPublished;
  }

  /** Whether any running transaction other than `except` exists. */
  hasOtherActive(except: TransactionState): boolean {
    return this.active.size > (this.active.has(except.serial) ? 1 : 0);
  }

  /** Gives a prepared transaction its commit timestamp (not visible yet). */
  assignCommitTs(tx: TransactionState): number {
    tx.commitTs = ++this.lastAssigned;
    tx.status = 'COMMITTING';
    tx.stamp.preparing = true;
    return tx.commitTs;
  }

  /**
   * Calls `visit` for every transaction that has a commit timestamp but is not published yet and has not
   * failed: it will become visible after every snapshot taken so far.
   */
  forEachCommitting(visit: (tx: TransactionState) => void): void {
    for (const entry of this.pending) if (entry.state !== 'FAILED') visit(entry.tx);
  }

  /** Queues a prepared transaction for publication; `acknowledge` it when the log answered. */
  enqueue(tx: TransactionState, publish: () => void, fail: () => void): PendingCommit {
    const entry: PendingCommit = { tx, state: 'WAITING', publish, fail };
    this.pending.push(entry);
    return entry;
  }

  /** Records the log's answer for `entry`, then publishes (or fails) every commit whose turn has come. */
  acknowledge(entry: PendingCommit, succeeded: boolean): void {
    invariant(entry.state === 'WAITING', 'A commit was acknowledged twice');
    entry.state = succeeded ? 'LOGGED' : 'FAILED';
    for (let head = this.pending[0]; head !== undefined && head.state !== 'WAITING'; head = this.pending[0]) {
      this.pending.shift();
      if (head.state === 'LOGGED') {
        this.lastPublished = head.tx.commitTs;
        // This single store makes every change of the transaction visible at once.
        head.tx.stamp.commitTs = head.tx.commitTs;
        head.tx.status = 'COMMITTED';
        this.end(head.tx);
        head.publish();
      } else {
        this.end(head.tx);
        head.fail();
      }
    }
  }

  /**
   * Moves the clock to a replayed commit's timestamp (recovery), so new commits continue after it. Only
   * allowed while nothing runs.
   */
  advanceTo(commitTs: number): void {
    invariant(
      this.active.size === 0 && this.pending.length === 0,
      'Commits can only be replayed while no transaction runs',
    );
    invariant(
      commitTs > this.lastPublished,
      `Replayed commit ${commitTs} is not newer than ${this.lastPublished}`,
    );
    this.lastAssigned = commitTs;
    this.lastPublished = commitTs;
  }

  /**
   * Takes a timestamp for a change that is not a data transaction (schema changes, recovery) and publishes
   * it at once. Only allowed while no commit is waiting, so publication order is kept.
   */
  publishImmediately(): number {
    invariant(this.pending.length === 0, 'An immediate publication must not overtake waiting commits');
    this.lastAssigned++;
    this.lastPublished = this.lastAssigned;
    return this.lastPublished;
  }
}

export type { PendingCommit };
