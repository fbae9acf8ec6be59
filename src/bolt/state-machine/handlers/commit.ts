import { invariant } from '../../../errors/index.js';
import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * COMMIT (Bolt 3+): commits the explicit transaction. TX_READY (and, as in Neo4j 5, TX_STREAMING on 4.0+)
 * → READY with `SUCCESS {bookmark}`. Results still open are first executed to the end, exactly as DISCARD
 * would, so that a committed transaction contains all the writes its queries asked for.
 */
export async function handleCommit(context: HandlerContext): Promise<BoltState> {
  const session = context.session;
  const transaction = session.transaction;
  invariant(transaction !== null, 'COMMIT without an open transaction');
  for (const statement of transaction.takeOpenStatements()) await statement.result.discard(Infinity);
  const bookmark = await transaction.backend.commit();
  session.transaction = null;
  context.respond((packer) => {
    writeSuccess(packer, { bookmark });
  });
  return 'READY';
}
