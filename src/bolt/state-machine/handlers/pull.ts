import type { PullMessage } from '../../messages/request.js';
import type { MaybePromise } from '../../backend.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { consumeResult } from './consume-result.js';

/**
 * PULL (Bolt 4.0+): streams `n` records of the result `qid` names. STREAMING → STREAMING (`has_more`) or
 * READY (exhausted, auto-commit committed); TX_STREAMING → TX_STREAMING or TX_READY.
 */
export function handlePull(context: HandlerContext, message: PullMessage): MaybePromise<BoltState> {
  return consumeResult(context, message.qid, message.n, 'pull');
}
