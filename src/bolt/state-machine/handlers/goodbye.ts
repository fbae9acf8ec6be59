import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * GOODBYE (Bolt 3+), in any state: rolls back whatever is open and leads to DEFUNCT without a response;
 * the machine then closes the connection.
 */
export async function handleGoodbye(context: HandlerContext): Promise<BoltState> {
  await context.session.closeAll((error) => {
    context.reportUnexpected(error);
  });
  return 'DEFUNCT';
}
