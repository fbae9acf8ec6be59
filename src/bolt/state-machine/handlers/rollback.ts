import { invariant } from '../../../errors/index.js';
import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * ROLLBACK (Bolt 3+): rolls the explicit transaction back, dropping open results. TX_READY (and
 * TX_STREAMING on 4.0+) → READY with `SUCCESS {}`.
 */
export async function handleRollback(context: HandlerContext): Promise<BoltState> {
  const session = context.session;
  const transaction = session.transaction;
  invariant(transaction !== null, 'ROLLBACK without an open transaction');
  session.transaction = null;
  await transaction.backend.rollback();
  context.respond((packer) => {
    writeSuccess(packer, {});
  });
  return 'READY';
}
