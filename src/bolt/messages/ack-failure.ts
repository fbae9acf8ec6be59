import { expectFieldCount } from './fields.js';
import type { AckFailureMessage } from './request.js';

const MESSAGE: AckFailureMessage = Object.freeze({ kind: 'ACK_FAILURE' });

/**
 * ACK_FAILURE `0x0e` (Bolt 1, 2): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeAckFailure(fields: readonly unknown[]): AckFailureMessage {
  expectFieldCount('ACK_FAILURE', fields, 0);
  return MESSAGE;
}
