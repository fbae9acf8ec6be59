import { expectFieldCount } from './fields.js';
import type { LogoffMessage } from './request.js';

const MESSAGE: LogoffMessage = Object.freeze({ kind: 'LOGOFF' });

/**
 * LOGOFF `0x6b` (Bolt 5.1+): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeLogoff(fields: readonly unknown[]): LogoffMessage {
  expectFieldCount('LOGOFF', fields, 0);
  return MESSAGE;
}
