import { invariant } from '../../../errors/index.js';
import { writeSuccess } from '../../messages/success.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen } from '../maybe-promise.js';
import type { BoltState } from '../states.js';

/**
 * ROLLBACK (Bolt 3+): rolls the explicit transaction back, dropping open results. TX_READY (and
 * TX_STREAMING on 4.0+) → READY with `SUCCESS {}`.
 */
export function handleRollback(context: HandlerContext): MaybePromise<BoltState> {
  const session = context.session;
  const transaction = session.transaction;
  invariant(transaction !== null, 'ROLLBACK without an open transaction');
  session.transaction = null;
  return andThen(transaction.backend.rollback(), () => {
    context.respond((packer) => {
      writeSuccess(packer, {});
    });
    return 'READY';
  });
}
