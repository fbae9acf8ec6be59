/**
 * bolt/session: the bookkeeping of one connection's work that the spec states do not hold: the logged-in
 * user, HELLO's settings, the open result of STREAMING, the explicit transaction with its results by `qid`,
 * and the metadata writers for RUN and the final PULL/DISCARD SUCCESS.
 * Input: backend transactions and results. Output: packed SUCCESS metadata, backend transaction options.
 * Must not know: the transition table, sockets, the engine.
 */
export { BoltSession } from './session.js';
export { ReadAhead, READ_AHEAD_MAX_BYTES, type DetachedWriter, type TakeOutcome } from './read-ahead.js';
export { OpenTransaction } from './open-transaction.js';
export { QueryStatement, PseudoStatement, type OpenResult } from './statement.js';
export { writeRunSuccess, type RunSuccess } from './run-success.js';
export {
  writeHasMoreSuccess,
  writePseudoSuccess,
  writeSummarySuccess,
  type SummarySuccess,
} from './summary-success.js';
export { effectiveNotificationFilter, filterNotifications } from './notifications.js';
export { toTransactionRequest } from './transaction-request.js';
