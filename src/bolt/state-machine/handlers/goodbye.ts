import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen } from '../maybe-promise.js';
import type { BoltState } from '../states.js';

/**
 * GOODBYE (Bolt 3+), in any state: rolls back whatever is open and leads to DEFUNCT without a response;
 * the machine then closes the connection.
 */
export function handleGoodbye(context: HandlerContext): MaybePromise<BoltState> {
  const closing = context.session.closeAll((error) => {
    context.reportUnexpected(error);
  });
  return andThen(closing, () => 'DEFUNCT');
}
