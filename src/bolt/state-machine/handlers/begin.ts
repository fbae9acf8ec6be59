import type { BeginMessage } from '../../messages/request.js';
import { writeSuccess } from '../../messages/success.js';
import { effectiveNotificationFilter } from '../../session/notifications.js';
import { OpenTransaction } from '../../session/open-transaction.js';
import { toTransactionRequest } from '../../session/transaction-request.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen } from '../maybe-promise.js';
import type { BoltState } from '../states.js';

/**
 * BEGIN (Bolt 3+): opens an explicit transaction with the extra's options. READY → TX_READY with
 * `SUCCESS {}`, or `{db}` on 5.8+ when the client named no database (home-database resolution).
 */
export function handleBegin(context: HandlerContext, message: BeginMessage): MaybePromise<BoltState> {
  const { session, descriptor } = context;
  const filter = effectiveNotificationFilter(session.notifications, message.extra.notifications);
  const begun = context.backend.beginTransaction(
    toTransactionRequest(session, message.extra, 'explicit', filter),
  );
  return andThen(begun, (transaction) => {
    session.transaction = new OpenTransaction(transaction, filter);
    const reportDb = descriptor.dbInBeginAndRun && message.extra.db === null;
    context.respond((packer) => {
      writeSuccess(packer, reportDb ? { db: transaction.database } : {});
    });
    return 'TX_READY';
  });
}
