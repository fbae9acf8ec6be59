import type { RunMessage } from '../../messages/request.js';
import { effectiveNotificationFilter } from '../../session/notifications.js';
import { writeRunSuccess } from '../../session/run-success.js';
import type { OpenTransaction } from '../../session/open-transaction.js';
import type { BoltSession } from '../../session/session.js';
import { QueryStatement } from '../../session/statement.js';
import { toTransactionRequest } from '../../session/transaction-request.js';
import type { BackendTransaction, MaybePromise, NotificationFilter, QueryResult } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { isPromise } from '../maybe-promise.js';
import type { BoltState } from '../states.js';
import { pseudoStatementOf, runPseudoStatement } from './run-pseudo.js';

/**
 * RUN: starts a query.
 * - READY → STREAMING: an auto-commit transaction with the extra's options, committed by Bolt once the
 *   result is consumed (Bolt 1/2: inside the pseudo transaction when `RUN "BEGIN"` opened one).
 * - TX_READY/TX_STREAMING → TX_STREAMING: a statement of the explicit transaction, with a `qid` (4.0+).
 * Bolt 1/2 `RUN "BEGIN"|"COMMIT"|"ROLLBACK"` are handled by Bolt itself (READY → STREAMING).
 * Every auto-commit query comes through here: the steps are plain functions, called at once while the
 * backend answers at once (no closure per request), or once its promise settles.
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
    const running = transaction.backend.run(message.query, message.parameters);
    if (isPromise(running)) {
      return running.then((result) => openInTransaction(context, transaction, result, started));
    }
    return openInTransaction(context, transaction, running, started);
  }
  const filter = effectiveNotificationFilter(session.notifications, message.extra.notifications);
  const begun = context.backend.beginTransaction(
    toTransactionRequest(session, message.extra, 'auto-commit', filter),
  );
  if (isPromise(begun)) {
    return begun.then((autoCommit) => runAutoCommit(context, message, filter, autoCommit, started));
  }
  return runAutoCommit(context, message, filter, begun, started);
}

/** A statement of the explicit transaction (or of a Bolt 1/2 pseudo transaction) has its result. */
function openInTransaction(
  context: HandlerContext,
  transaction: OpenTransaction,
  result: QueryResult,
  started: number,
): BoltState {
  const { session, descriptor } = context;
  const firstMs = context.now() - started;
  if (descriptor.transactions === 'pseudo-statements') {
    session.streaming = new QueryStatement(0, result, transaction.backend, false, transaction.notifications);
    context.respond(writeRunSuccess, { descriptor, fields: result.fields, firstMs, qid: null, db: null });
    return 'STREAMING';
  }
  const statement = transaction.open(result);
  context.respond(writeRunSuccess, {
    descriptor,
    fields: result.fields,
    firstMs,
    qid: statement.qid,
    db: null,
  });
  return 'TX_STREAMING';
}

function runAutoCommit(
  context: HandlerContext,
  message: RunMessage,
  filter: NotificationFilter,
  autoCommit: BackendTransaction,
  started: number,
): MaybePromise<BoltState> {
  const session: BoltSession = context.session;
  // Known to the session while the query starts, so an interrupt terminates it and a failure rolls it back.
  session.startingTransaction = autoCommit;
  const running = autoCommit.run(message.query, message.parameters);
  if (isPromise(running)) {
    return running.then((result) => autoCommitStarted(context, message, filter, autoCommit, result, started));
  }
  return autoCommitStarted(context, message, filter, autoCommit, running, started);
}

function autoCommitStarted(
  context: HandlerContext,
  message: RunMessage,
  filter: NotificationFilter,
  autoCommit: BackendTransaction,
  result: QueryResult,
  started: number,
): BoltState {
  const session = context.session;
  session.startingTransaction = null;
  session.streaming = new QueryStatement(0, result, autoCommit, true, filter);
  const firstMs = context.now() - started;
  const db = message.extra.db === null ? autoCommit.database : null;
  context.respond(writeRunSuccess, {
    descriptor: context.descriptor,
    fields: result.fields,
    firstMs,
    qid: null,
    db,
  });
  return 'STREAMING';
}
