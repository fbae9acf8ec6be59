import { expectFieldCount } from './fields.js';
import type { DiscardAllMessage } from './request.js';

const MESSAGE: DiscardAllMessage = Object.freeze({ kind: 'DISCARD_ALL' });

/**
 * DISCARD_ALL `0x2f` (Bolt 1 … 3): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeDiscardAll(fields: readonly unknown[]): DiscardAllMessage {
  expectFieldCount('DISCARD_ALL', fields, 0);
  return MESSAGE;
}
