import { assertNever } from '../../../errors/index.js';
import type { MaybePromise } from '../../backend.js';
import type { RequestMessage } from '../../messages/request.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';
import { handleAckFailure } from './ack-failure.js';
import { handleBegin } from './begin.js';
import { handleCommit } from './commit.js';
import { handleDiscardAll } from './discard-all.js';
import { handleDiscard } from './discard.js';
import { handleGoodbye } from './goodbye.js';
import { handleHello } from './hello.js';
import { handleInit } from './init.js';
import { handleLogoff } from './logoff.js';
import { handleLogon } from './logon.js';
import { handlePullAll } from './pull-all.js';
import { handlePull } from './pull.js';
import { handleReset } from './reset.js';
import { handleRollback } from './rollback.js';
import { handleRoute } from './route.js';
import { handleRun } from './run.js';
import { handleTelemetry } from './telemetry.js';

/** Runs the handler of `message` (the machine has already checked that the state allows it). */
export function runHandler(context: HandlerContext, message: RequestMessage): MaybePromise<BoltState> {
  switch (message.kind) {
    case 'INIT':
      return handleInit(context, message);
    case 'HELLO':
      return handleHello(context, message);
    case 'LOGON':
      return handleLogon(context, message);
    case 'LOGOFF':
      return handleLogoff(context);
    case 'GOODBYE':
      return handleGoodbye(context);
    case 'ACK_FAILURE':
      return handleAckFailure(context);
    case 'RESET':
      return handleReset(context);
    case 'RUN':
      return handleRun(context, message);
    case 'BEGIN':
      return handleBegin(context, message);
    case 'COMMIT':
      return handleCommit(context);
    case 'ROLLBACK':
      return handleRollback(context);
    case 'PULL_ALL':
      return handlePullAll(context);
    case 'DISCARD_ALL':
      return handleDiscardAll(context);
    case 'PULL':
      return handlePull(context, message);
    case 'DISCARD':
      return handleDiscard(context, message);
    case 'ROUTE':
      return handleRoute(context, message);
    case 'TELEMETRY':
      return handleTelemetry(context);
    default:
      return assertNever(message, 'request message');
  }
}
