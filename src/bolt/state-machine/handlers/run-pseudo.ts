import { ProtocolError } from '../../../errors/index.js';
import type { CypherMap } from '../../../values/index.js';
import { readString, readStringList } from '../../messages/fields.js';
import { DEFAULT_TRANSACTION_EXTRA } from '../../messages/transaction-extra.js';
import { effectiveNotificationFilter } from '../../session/notifications.js';
import { OpenTransaction } from '../../session/open-transaction.js';
import { writeRunSuccess } from '../../session/run-success.js';
import { PseudoStatement } from '../../session/statement.js';
import { toTransactionRequest } from '../../session/transaction-request.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/** The Bolt 1/2 transaction pseudo statements. */
export type PseudoStatementKind = 'BEGIN' | 'COMMIT' | 'ROLLBACK';

/** Neo4j 3.x's patterns: the keyword alone, any case, optional whitespace and one `;`. */
const PSEUDO_STATEMENT = /^\s*(BEGIN|COMMIT|ROLLBACK)\s*;?\s*$/i;

/** Which pseudo statement `query` is, or `null` for a real query. */
export function pseudoStatementOf(query: string): PseudoStatementKind | null {
  const match = PSEUDO_STATEMENT.exec(query);
  return match === null ? null : ((match[1] ?? '').toUpperCase() as PseudoStatementKind);
}

/**
 * Bolt 1/2 explicit transactions (bolt-spec-digest §6.8): `RUN "BEGIN" {bookmark?, bookmarks?}` opens a
 * transaction, `RUN "COMMIT"` commits it and keeps the bookmark for the SUCCESS of the PULL_ALL or
 * DISCARD_ALL that follows (JS sends PULL_ALL, neobolt DISCARD_ALL), `RUN "ROLLBACK"` rolls back (and is a
 * no-op without a transaction, since a failure already rolled it back). READY → STREAMING with
 * `SUCCESS {fields: [], result_available_after: 0}`.
 * @throws ProtocolError (Request.Invalid) for a nested BEGIN or a COMMIT without a transaction
 */
export async function runPseudoStatement(
  context: HandlerContext,
  kind: PseudoStatementKind,
  parameters: CypherMap,
): Promise<BoltState> {
  const session = context.session;
  const transaction = session.transaction;
  let bookmark: string | null = null;
  switch (kind) {
    case 'BEGIN': {
      if (transaction !== null)
        throw new ProtocolError('Cannot begin a transaction inside an open transaction');
      // JS 1.7 sends both `bookmark` (the newest) and `bookmarks` (all); older clients only `bookmark`.
      const bookmarks = readStringList(parameters, 'bookmarks', 'RUN "BEGIN" parameters');
      const single = readString(parameters, 'bookmark', 'RUN "BEGIN" parameters');
      const extra = {
        ...DEFAULT_TRANSACTION_EXTRA,
        bookmarks: bookmarks ?? (single === null ? [] : [single]),
      };
      const filter = effectiveNotificationFilter(session.notifications, extra.notifications);
      const opened = await context.backend.beginTransaction(
        toTransactionRequest(session, extra, 'explicit', filter),
      );
      session.transaction = new OpenTransaction(opened, filter);
      break;
    }
    case 'COMMIT':
      if (transaction === null) {
        throw new ProtocolError('There is no open transaction to commit');
      }
      bookmark = await transaction.backend.commit();
      session.transaction = null;
      break;
    case 'ROLLBACK':
      session.transaction = null;
      if (transaction !== null) await transaction.backend.rollback();
      break;
  }
  session.streaming = new PseudoStatement(bookmark);
  context.respond(writeRunSuccess, {
    descriptor: context.descriptor,
    fields: [],
    firstMs: 0,
    qid: null,
    db: null,
  });
  return 'STREAMING';
}
