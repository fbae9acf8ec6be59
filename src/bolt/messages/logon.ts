import { decodeAuthToken } from './auth-token.js';
import { expectFieldCount, expectMapField } from './fields.js';
import type { LogonMessage } from './request.js';

/**
 * LOGON `0x6A` (Bolt 5.1+): `auth::Map`.
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeLogon(fields: readonly unknown[]): LogonMessage {
  expectFieldCount('LOGON', fields, 1);
  const auth = expectMapField('LOGON', 'auth', fields[0]);
  return { kind: 'LOGON', auth: decodeAuthToken(auth, 'LOGON auth') };
}
