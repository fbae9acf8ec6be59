import type { LogonMessage } from '../../messages/request.js';
import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * LOGON (Bolt 5.1+): authenticates. AUTHENTICATION → READY with `SUCCESS {}` (or
 * `{credentials_expired: true}`); a failure leads to DEFUNCT: FAILURE, then close.
 */
export async function handleLogon(context: HandlerContext, message: LogonMessage): Promise<BoltState> {
  const user = await context.backend.authenticate(message.auth);
  context.session.user = user;
  context.respond((packer) => {
    writeSuccess(packer, user.credentialsExpired === true ? { credentials_expired: true } : {});
  });
  return 'READY';
}
