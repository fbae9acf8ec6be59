import { expectFieldCount } from './fields.js';
import type { GoodbyeMessage } from './request.js';

const MESSAGE: GoodbyeMessage = Object.freeze({ kind: 'GOODBYE' });

/**
 * GOODBYE `0x02` (Bolt 3+): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeGoodbye(fields: readonly unknown[]): GoodbyeMessage {
  expectFieldCount('GOODBYE', fields, 0);
  return MESSAGE;
}
