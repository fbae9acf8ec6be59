import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { consumeResult } from './consume-result.js';

/**
 * DISCARD_ALL (Bolt 1 … 3): executes the rest of the query without sending records. STREAMING → READY (auto-
 * commit committed, or a pseudo statement's SUCCESS); TX_STREAMING → TX_READY (Bolt 3).
 */
export function handleDiscardAll(context: HandlerContext): MaybePromise<BoltState> {
  return consumeResult(context, -1, -1, 'discard');
}
