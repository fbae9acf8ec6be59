import type { BeginMessage } from '../../messages/request.js';
import { writeEmptySuccess, writeSuccess } from '../../messages/success.js';
import { effectiveNotificationFilter } from '../../session/notifications.js';
import { OpenTransaction } from '../../session/open-transaction.js';
import { toTransactionRequest } from '../../session/transaction-request.js';
import type { BackendTransaction, MaybePromise, NotificationFilter } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { isPromise } from '../maybe-promise.js';
import type { BoltState } from '../states.js';

/**
 * BEGIN (Bolt 3+): opens an explicit transaction with the extra's options. READY → TX_READY with
 * `SUCCESS {}`, or `{db}` on 5.8+ when the client named no database (home-database resolution).
 */
export function handleBegin(context: HandlerContext, message: BeginMessage): MaybePromise<BoltState> {
  const session = context.session;
  const filter = effectiveNotificationFilter(session.notifications, message.extra.notifications);
  const begun = context.backend.beginTransaction(
    toTransactionRequest(session, message.extra, 'explicit', filter),
  );
  if (isPromise(begun)) return begun.then((transaction) => begin(context, message, filter, transaction));
  return begin(context, message, filter, begun);
}

function begin(
  context: HandlerContext,
  message: BeginMessage,
  filter: NotificationFilter,
  transaction: BackendTransaction,
): BoltState {
  context.session.transaction = new OpenTransaction(transaction, filter);
  if (context.descriptor.dbInBeginAndRun && message.extra.db === null) {
    context.respond(writeSuccess, { db: transaction.database });
  } else {
    context.respond(writeEmptySuccess);
  }
  return 'TX_READY';
}
