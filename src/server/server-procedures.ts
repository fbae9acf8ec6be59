import type { RoutingTable } from '../bolt/index.js';
import type { DatabaseEngine, ProcedureDefinition } from '../engine/index.js';
import type { CypherMap, CypherValue } from '../values/index.js';
import { backupProcedure } from './backup-procedure.js';
import type { DatabaseManager } from './databases.js';
import { PRODUCT_NAME, PRODUCT_VERSION } from './version.js';

export interface ServerProcedureServices {
  readonly routingTable: (context: CypherMap, database: string | null) => RoutingTable;
  readonly databases: DatabaseManager;
}

/** The procedures that need the server: routing (pre-4.3 drivers call these) and `dbms.components`. */
export function registerServerProcedures(engine: DatabaseEngine, services: ServerProcedureServices): void {
  const routing = (name: string): ProcedureDefinition => ({
    name,
    description: 'Returns the routing table of a database (this single server in every role).',
    mode: 'DBMS',
    inputs: [
      { name: 'context', type: 'MAP?' },
      { name: 'database', type: 'STRING?', default: null },
    ],
    outputs: [
      { name: 'ttl', type: 'INTEGER?' },
      { name: 'servers', type: 'LIST? OF MAP?' },
    ],
    call: (args) => {
      const context = (args[0] ?? {}) as CypherMap;
      const database = typeof args[1] === 'string' ? args[1] : null;
      const table = services.routingTable(
        context,
        database ?? (name.includes('cluster') ? null : engine.name),
      );
      const servers: CypherValue[] = table.servers.map((server) => ({
        addresses: [...server.addresses],
        role: server.role,
      }));
      return [{ ttl: BigInt(table.ttlSeconds), servers }];
    },
  });
  engine.procedures.register(routing('dbms.routing.getRoutingTable'));
  engine.procedures.register(routing('dbms.cluster.routing.getRoutingTable'));
  engine.procedures.register(backupProcedure(engine));
  engine.procedures.register({
    name: 'dbms.components',
    description: 'Lists the components of this server and their versions.',
    mode: 'DBMS',
    inputs: [],
    outputs: [
      { name: 'name', type: 'STRING?' },
      { name: 'versions', type: 'LIST? OF STRING?' },
      { name: 'edition', type: 'STRING?' },
    ],
    call: () => [
      { name: 'Neo4j Kernel', versions: ['5.26.0'], edition: 'community' },
      { name: PRODUCT_NAME, versions: [PRODUCT_VERSION], edition: 'community' },
    ],
  });
}
