import { expectFieldCount } from './fields.js';
import type { ResetMessage } from './request.js';

const MESSAGE: ResetMessage = Object.freeze({ kind: 'RESET' });

/**
 * RESET `0x0f` (all versions): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeReset(fields: readonly unknown[]): ResetMessage {
  expectFieldCount('RESET', fields, 0);
  return MESSAGE;
}
