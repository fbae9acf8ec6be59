import { decodeAuthToken } from './auth-token.js';
import { expectFieldCount, expectMapField, expectStringField } from './fields.js';
import type { InitMessage } from './request.js';

/**
 * INIT `0x01` (Bolt 1, 2): `user_agent::String, auth_token::Map`.
 * @throws ProtocolError (Request.Invalid) for a wrong field count or type
 */
export function decodeInit(fields: readonly unknown[]): InitMessage {
  expectFieldCount('INIT', fields, 2);
  const userAgent = expectStringField('INIT', 'user_agent', fields[0]);
  const authToken = expectMapField('INIT', 'auth_token', fields[1]);
  return { kind: 'INIT', userAgent, auth: decodeAuthToken(authToken, 'INIT auth_token') };
}
