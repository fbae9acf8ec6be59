import { invariant } from '../../errors/index.js';
import type { NotificationFilter, TransactionRequest } from '../backend.js';
import type { TransactionExtra } from '../messages/request.js';
import type { BoltSession } from './session.js';

/** Builds the backend's transaction options from BEGIN's or auto-commit RUN's extra. */
export function toTransactionRequest(
  session: BoltSession,
  extra: TransactionExtra,
  type: TransactionRequest['type'],
  notifications: NotificationFilter,
): TransactionRequest {
  const user = session.user;
  invariant(user !== null, 'A transaction was requested before authentication');
  return {
    user,
    type,
    database: extra.db,
    mode: extra.mode,
    bookmarks: extra.bookmarks,
    timeoutMs: extra.txTimeout,
    metadata: extra.txMetadata,
    impersonatedUser: extra.impUser,
    notifications,
  };
}
