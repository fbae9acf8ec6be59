import { invariant } from '../../../errors/index.js';
import { writeBookmarkSuccess } from '../../messages/success.js';
import type { MaybePromise } from '../../backend.js';
import type { OpenTransaction } from '../../session/open-transaction.js';
import type { HandlerContext } from '../context.js';
import { isPromise } from '../maybe-promise.js';
import type { QueryStatement } from '../../session/statement.js';
import type { BoltState } from '../states.js';

/**
 * COMMIT (Bolt 3+): commits the explicit transaction. TX_READY (and, as in Neo4j 5, TX_STREAMING on 4.0+)
 * → READY with `SUCCESS {bookmark}`. Results still open are first executed to the end, exactly as DISCARD
 * would, so that a committed transaction contains all the writes its queries asked for.
 */
export function handleCommit(context: HandlerContext): MaybePromise<BoltState> {
  const transaction = context.session.transaction;
  invariant(transaction !== null, 'COMMIT without an open transaction');
  if (transaction.hasOpenResults) {
    const discarded = discardAll(transaction.takeOpenStatements(), 0);
    if (discarded !== undefined) return discarded.then(() => commit(context, transaction));
  }
  return commit(context, transaction);
}

function commit(context: HandlerContext, transaction: OpenTransaction): MaybePromise<BoltState> {
  const committed = transaction.backend.commit();
  if (isPromise(committed)) return committed.then((bookmark) => committedWith(context, bookmark));
  return committedWith(context, committed);
}

function committedWith(context: HandlerContext, bookmark: string): BoltState {
  context.session.transaction = null;
  context.respond(writeBookmarkSuccess, bookmark);
  return 'READY';
}

/** Executes the open results from `from` on to their end, one after the other. */
function discardAll(statements: readonly QueryStatement[], from: number): MaybePromise<void> {
  for (let index = from; index < statements.length; index++) {
    const statement = statements[index];
    if (statement === undefined) continue;
    const discarded = statement.result.discard(Infinity);
    if (discarded instanceof Promise) return discarded.then(() => discardAll(statements, index + 1));
  }
}
