import type { AuthenticatedUser, BackendTransaction, MaybePromise } from '../backend.js';
import { INHERITED_NOTIFICATIONS } from '../messages/notification-config.js';
import type { NotificationConfig, RoutingContext } from '../messages/request.js';
import type { OpenTransaction } from './open-transaction.js';
import type { ReadAhead } from './read-ahead.js';
import type { OpenResult } from './statement.js';

/**
 * The per-connection state the handlers share besides the spec state: who is logged in, HELLO's settings,
 * the open result of STREAMING and the open explicit transaction. RESET, a failure and GOODBYE all end with
 * {@link BoltSession.closeAll}: results and transactions do not survive them; user and settings do.
 */
export class BoltSession {
  user: AuthenticatedUser | null = null;
  /** HELLO's notification filter (5.2+), the default of every transaction. */
  notifications: NotificationConfig = INHERITED_NOTIFICATIONS;
  routing: RoutingContext | null = null;
  /** The result the STREAMING state streams (auto-commit, or any query of a Bolt 1/2 pseudo transaction). */
  streaming: OpenResult | null = null;
  /** The explicit transaction (BEGIN, or Bolt 1/2 `RUN "BEGIN"`). */
  transaction: OpenTransaction | null = null;
  /** An auto-commit transaction whose query is being started (not yet a result in `streaming`). */
  startingTransaction: BackendTransaction | null = null;
  /** RESETs read off the wire whose processing is still to come (bolt-spec-digest §8.4). */
  pendingInterrupts = 0;
  /** Records of the auto-commit result encoded ahead of its next PULL; null when the output cannot. */
  readAhead: ReadAhead | null = null;

  /** `<INTERRUPT>`: asks every open transaction to stop what it is doing. */
  terminateAll(): void {
    for (const transaction of this.openTransactions()) transaction.terminate();
  }

  /**
   * Rolls back and forgets every open result and transaction. Rollback errors go to `onError` (they must
   * not turn a RESET into a failure: the transaction is gone either way). Returns a promise only when a
   * rollback answers with one (the machine's synchronous fast path); it never rejects.
   */
  closeAll(onError: (error: unknown) => void): void | Promise<void> {
    const transactions = this.openTransactions();
    this.readAhead?.clear();
    this.streaming = null;
    this.transaction = null;
    this.startingTransaction = null;
    for (let index = 0; index < transactions.length; index++) {
      const transaction = transactions[index];
      if (transaction === undefined) continue;
      let rollback: MaybePromise<void>;
      try {
        rollback = transaction.rollback();
      } catch (error) {
        onError(error);
        continue;
      }
      if (rollback instanceof Promise)
        return finishRollbacks(rollback, transactions.slice(index + 1), onError);
    }
  }

  private openTransactions(): BackendTransaction[] {
    const transactions: BackendTransaction[] = [];
    if (this.startingTransaction !== null) transactions.push(this.startingTransaction);
    if (this.transaction !== null) transactions.push(this.transaction.backend);
    const streaming = this.streaming;
    if (streaming?.kind === 'query' && streaming.commitsOnEnd) transactions.push(streaming.transaction);
    return transactions;
  }
}

/** The asynchronous rest of `closeAll`: waits for `pending`, then rolls back the others one by one. */
async function finishRollbacks(
  pending: Promise<void>,
  rest: readonly BackendTransaction[],
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    await pending;
  } catch (error) {
    onError(error);
  }
  for (const transaction of rest) {
    try {
      await transaction.rollback();
    } catch (error) {
      onError(error);
    }
  }
}
