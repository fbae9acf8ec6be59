import { expectFieldCount } from './fields.js';
import type { PullAllMessage } from './request.js';

const MESSAGE: PullAllMessage = Object.freeze({ kind: 'PULL_ALL' });

/**
 * PULL_ALL `0x3f` (Bolt 1 … 3): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodePullAll(fields: readonly unknown[]): PullAllMessage {
  expectFieldCount('PULL_ALL', fields, 0);
  return MESSAGE;
}
