import { expectFieldCount } from './fields.js';
import type { CommitMessage } from './request.js';

const MESSAGE: CommitMessage = Object.freeze({ kind: 'COMMIT' });

/**
 * COMMIT `0x12` (Bolt 3+): no fields.
 * @throws ProtocolError (Request.Invalid) when fields are present
 */
export function decodeCommit(fields: readonly unknown[]): CommitMessage {
  expectFieldCount('COMMIT', fields, 0);
  return MESSAGE;
}
