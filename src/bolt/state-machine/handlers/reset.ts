import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * RESET, processed in queue order after its interrupt already jumped ahead (bolt-spec-digest §8.4): counts
 * down the pending interrupts, rolls back every open result and transaction, answers `SUCCESS {}`. Leads to
 * READY (the machine keeps INTERRUPTED while further RESETs are queued). User and HELLO settings survive.
 */
export async function handleReset(context: HandlerContext): Promise<BoltState> {
  const session = context.session;
  if (session.pendingInterrupts > 0) session.pendingInterrupts--;
  await session.closeAll((error) => {
    context.reportUnexpected(error);
  });
  context.respond((packer) => {
    writeSuccess(packer, {});
  });
  // With further RESETs queued, the machine keeps the state INTERRUPTED (it checks after every handler).
  return 'READY';
}
