import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * ACK_FAILURE (Bolt 1/2): acknowledges a FAILURE. FAILED → READY. (The failed work was already rolled
 * back when the FAILURE was sent.)
 */
export function handleAckFailure(context: HandlerContext): BoltState {
  context.respond((packer) => {
    writeSuccess(packer, {});
  });
  return 'READY';
}
