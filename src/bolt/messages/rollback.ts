import { expectFieldCount } from './fields.js';
import type { RollbackMessage } from './request.js';

const MESSAGE: RollbackMessage = Object.freeze({ kind: 'ROLLBACK' });

/**
 * ROLLBACK `0x13` (Bolt 3+): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeRollback(fields: readonly unknown[]): RollbackMessage {
  expectFieldCount('ROLLBACK', fields, 0);
  return MESSAGE;
}
