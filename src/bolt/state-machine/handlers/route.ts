import { invariant } from '../../../errors/index.js';
import type { RouteMessage } from '../../messages/request.js';
import { writeSuccess } from '../../messages/success.js';
import type { HandlerContext } from '../context.js';
import type { BoltState } from '../states.js';

/**
 * ROUTE (Bolt 4.3+): answers the routing table of the requested (or home) database as
 * `SUCCESS {rt: {ttl, db (4.4+), servers: [{addresses, role}]}}`; roles without addresses are omitted, as
 * Neo4j does. READY → READY.
 */
export async function handleRoute(context: HandlerContext, message: RouteMessage): Promise<BoltState> {
  const user = context.session.user;
  invariant(user !== null, 'ROUTE before authentication');
  const table = await context.backend.routingTable({
    user,
    routing: message.routing,
    bookmarks: message.bookmarks,
    database: message.db,
    impersonatedUser: message.impUser,
  });
  const servers = table.servers
    .filter((server) => server.addresses.length > 0)
    .map((server) => ({ addresses: server.addresses, role: server.role }));
  const rt = context.descriptor.dbInRoutingTable
    ? { ttl: BigInt(table.ttlSeconds), db: table.database, servers }
    : { ttl: BigInt(table.ttlSeconds), servers };
  context.respond((packer) => {
    writeSuccess(packer, { rt });
  });
  return 'READY';
}
