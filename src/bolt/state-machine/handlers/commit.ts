import { invariant } from '../../../errors/index.js';
import { writeSuccess } from '../../messages/success.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen } from '../maybe-promise.js';
import type { QueryStatement } from '../../session/statement.js';
import type { BoltState } from '../states.js';

/**
 * COMMIT (Bolt 3+): commits the explicit transaction. TX_READY (and, as in Neo4j 5, TX_STREAMING on 4.0+)
 * → READY with `SUCCESS {bookmark}`. Results still open are first executed to the end, exactly as DISCARD
 * would, so that a committed transaction contains all the writes its queries asked for.
 */
export function handleCommit(context: HandlerContext): MaybePromise<BoltState> {
  const session = context.session;
  const transaction = session.transaction;
  invariant(transaction !== null, 'COMMIT without an open transaction');
  const open = transaction.hasOpenResults ? transaction.takeOpenStatements() : [];
  return andThen(discardAll(open, 0), () =>
    andThen(transaction.backend.commit(), (bookmark) => {
      session.transaction = null;
      context.respond((packer) => {
        writeSuccess(packer, { bookmark });
      });
      return 'READY';
    }),
  );
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
