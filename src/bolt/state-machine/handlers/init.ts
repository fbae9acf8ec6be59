import type { InitMessage } from '../../messages/request.js';
import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { helloSuccessMetadata } from './hello-success.js';

/**
 * INIT (Bolt 1/2): authenticates with the auth token. CONNECTED → READY; a failure (bad credentials) leads
 * to DEFUNCT: FAILURE, then the connection is closed.
 */
export async function handleInit(context: HandlerContext, message: InitMessage): Promise<BoltState> {
  const user = await context.backend.authenticate(message.auth);
  context.session.user = user;
  context.helloAccepted({ utcPatch: false });
  context.respond((packer) => {
    writeSuccess(packer, helloSuccessMetadata(context, false, user));
  });
  return 'READY';
}
