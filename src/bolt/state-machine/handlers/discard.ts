import type { DiscardMessage } from '../../messages/request.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { consumeResult } from './consume-result.js';

/**
 * DISCARD (Bolt 4.0+): like PULL, but the records are executed and dropped instead of sent. STREAMING →
 * STREAMING or READY (auto-commit committed); TX_STREAMING → TX_STREAMING or TX_READY.
 */
export function handleDiscard(context: HandlerContext, message: DiscardMessage): MaybePromise<BoltState> {
  return consumeResult(context, message.qid, message.n, 'discard');
}
