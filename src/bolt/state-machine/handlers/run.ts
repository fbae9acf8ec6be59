import type { RunMessage } from '../../messages/request.js';
import { effectiveNotificationFilter } from '../../session/notifications.js';
import { writeRunSuccess } from '../../session/run-success.js';
import { QueryStatement } from '../../session/statement.js';
import { toTransactionRequest } from '../../session/transaction-request.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen } from '../maybe-promise.js';
import type { BoltState } from '../states.js';
import { pseudoStatementOf, runPseudoStatement } from './run-pseudo.js';

/**
 * RUN: starts a query.
 * - READY → STREAMING: an auto-commit transaction with the extra's options, committed by Bolt once the
 *   result is consumed (Bolt 1/2: inside the pseudo transaction when `RUN "BEGIN"` opened one).
 * - TX_READY/TX_STREAMING → TX_STREAMING: a statement of the explicit transaction, with a `qid` (4.0+).
 * Bolt 1/2 `RUN "BEGIN"|"COMMIT"|"ROLLBACK"` are handled by Bolt itself (READY → STREAMING).
 */
export function handleRun(context: HandlerContext, message: RunMessage): MaybePromise<BoltState> {
  const { session, descriptor } = context;
  if (descriptor.transactions === 'pseudo-statements') {
    const pseudo = pseudoStatementOf(message.query);
    if (pseudo !== null) return runPseudoStatement(context, pseudo, message.parameters);
  }
  const started = context.now();
  const transaction = session.transaction;
  if (transaction !== null) {
    return andThen(transaction.backend.run(message.query, message.parameters), (result) => {
      const firstMs = context.now() - started;
      if (descriptor.transactions === 'pseudo-statements') {
        session.streaming = new QueryStatement(
          0,
          result,
          transaction.backend,
          false,
          transaction.notifications,
        );
        context.respond((packer) => {
          writeRunSuccess(packer, descriptor, { fields: result.fields, firstMs, qid: null, db: null });
        });
        return 'STREAMING';
      }
      const statement = transaction.open(result);
      context.respond((packer) => {
        writeRunSuccess(packer, descriptor, {
          fields: result.fields,
          firstMs,
          qid: statement.qid,
          db: null,
        });
      });
      return 'TX_STREAMING';
    });
  }
  const filter = effectiveNotificationFilter(session.notifications, message.extra.notifications);
  const begun = context.backend.beginTransaction(
    toTransactionRequest(session, message.extra, 'auto-commit', filter),
  );
  return andThen(begun, (autoCommit) => {
    // Known to the session while the query starts, so an interrupt terminates it and a failure rolls it back.
    session.startingTransaction = autoCommit;
    return andThen(autoCommit.run(message.query, message.parameters), (result) => {
      session.startingTransaction = null;
      session.streaming = new QueryStatement(0, result, autoCommit, true, filter);
      const firstMs = context.now() - started;
      const db = message.extra.db === null ? autoCommit.database : null;
      context.respond((packer) => {
        writeRunSuccess(packer, descriptor, { fields: result.fields, firstMs, qid: null, db });
      });
      return 'STREAMING';
    });
  });
}
