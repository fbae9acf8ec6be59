import { invariant } from '../../../errors/index.js';
import type { HelloMessage } from '../../messages/request.js';
import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { helloSuccessMetadata } from './hello-success.js';

/**
 * HELLO (Bolt 3+): stores the connection's settings (routing context, notification filter, patches) and,
 * up to 5.0, authenticates with the credentials it carries. CONNECTED → READY (3 … 5.0); NEGOTIATION →
 * AUTHENTICATION (5.1+, LOGON follows). A failure leads to DEFUNCT: FAILURE, then close.
 */
export async function handleHello(context: HandlerContext, message: HelloMessage): Promise<BoltState> {
  const { descriptor, session } = context;
  if (descriptor.authentication === 'HELLO') {
    invariant(message.auth !== null, 'HELLO decoded without auth token for a version that carries it');
    session.user = await context.backend.authenticate(message.auth);
  }
  session.routing = message.routing;
  session.notifications = message.notifications;
  const utcPatch = descriptor.helloSuccess.patchBolt && message.patchBolt.includes('utc');
  context.helloAccepted({ utcPatch });
  const user = session.user;
  context.respond((packer) => {
    writeSuccess(packer, helloSuccessMetadata(context, utcPatch, user));
  });
  return descriptor.authentication === 'LOGON' ? 'AUTHENTICATION' : 'READY';
}
