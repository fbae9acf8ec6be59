import { writeSuccess } from '../../messages/success.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import { andThen } from '../maybe-promise.js';
import type { BoltState } from '../states.js';

/**
 * RESET, processed in queue order after its interrupt already jumped ahead (bolt-spec-digest §8.4): counts
 * down the pending interrupts, rolls back every open result and transaction, answers `SUCCESS {}`. Leads to
 * READY (the machine keeps INTERRUPTED while further RESETs are queued). User and HELLO settings survive.
 */
export function handleReset(context: HandlerContext): MaybePromise<BoltState> {
  const session = context.session;
  if (session.pendingInterrupts > 0) session.pendingInterrupts--;
  const closing = session.closeAll((error) => {
    context.reportUnexpected(error);
  });
  return andThen(closing, () => {
    context.respond((packer) => {
      writeSuccess(packer, {});
    });
    // With further RESETs queued, the machine keeps the state INTERRUPTED (it checks after every handler).
    return 'READY';
  });
}
