import { expectFieldCount, expectMapField } from './fields.js';
import type { BeginMessage, RequestFeatures } from './request.js';
import { decodeTransactionExtra } from './transaction-extra.js';

/**
 * BEGIN `0x11` (Bolt 3+): `extra::Map` with the transaction options.
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeBegin(fields: readonly unknown[], features: RequestFeatures): BeginMessage {
  expectFieldCount('BEGIN', fields, 1);
  const extra = expectMapField('BEGIN', 'extra', fields[0]);
  return { kind: 'BEGIN', extra: decodeTransactionExtra(extra, features, 'BEGIN extra') };
}
