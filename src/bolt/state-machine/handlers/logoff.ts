import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/** LOGOFF (Bolt 5.1+): forgets the user. READY → AUTHENTICATION; a new LOGON follows. */
export function handleLogoff(context: HandlerContext): Promise<BoltState> {
  context.session.user = null;
  context.respond((packer) => {
    writeSuccess(packer, {});
  });
  return Promise.resolve('AUTHENTICATION');
}
