import type { RoutingTable } from '../bolt/index.js';
import type { DatabaseEngine, ProcedureDefinition } from '../engine/index.js';
import type { CypherMap, CypherValue } from '../values/index.js';
import { backupProcedure } from './backup-procedure.js';
import type { DatabaseManager } from './databases.js';
import { CLIENT_SETTINGS } from './settings.js';
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
  for (const procedure of configProcedures(services.databases)) engine.procedures.register(procedure);
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

/**
 * `dbms.listConfig(searchString)`: the settings whose name contains the string (the Neo4j 4 and 5
 * procedure; SHOW SETTINGS is the command), and `dbms.clientConfig()`: those a client such as Neo4j
 * Browser reads when it connects.
 */
function configProcedures(databases: DatabaseManager): ProcedureDefinition[] {
  return [
    {
      name: 'dbms.listConfig',
      description: 'List the currently active configuration settings of Neo4j.',
      mode: 'DBMS',
      inputs: [{ name: 'searchString', type: 'STRING?', default: '' }],
      outputs: [
        { name: 'name', type: 'STRING?' },
        { name: 'description', type: 'STRING?' },
        { name: 'value', type: 'STRING?' },
        { name: 'dynamic', type: 'BOOLEAN?' },
        { name: 'defaultValue', type: 'STRING?' },
        { name: 'startupValue', type: 'STRING?' },
        { name: 'explicitlySet', type: 'BOOLEAN?' },
        { name: 'validValues', type: 'STRING?' },
      ],
      call: (args) => {
        const search = typeof args[0] === 'string' ? args[0].toLowerCase() : '';
        return databases
          .settings()
          .filter((setting) => setting.name.toLowerCase().includes(search))
          .map((setting) => ({
            name: setting.name,
            description: setting.description,
            value: setting.value,
            dynamic: false,
            defaultValue: setting.defaultValue,
            startupValue: setting.value,
            explicitlySet: setting.isExplicitlySet,
            validValues: setting.validValues,
          }));
      },
    },
    {
      name: 'dbms.clientConfig',
      description: 'Return config settings interesting to clients (e.g. Neo4j Browser).',
      mode: 'DBMS',
      inputs: [],
      outputs: [
        { name: 'name', type: 'STRING?' },
        { name: 'description', type: 'STRING?' },
        { name: 'value', type: 'STRING?' },
        { name: 'dynamic', type: 'BOOLEAN?' },
      ],
      call: () =>
        databases
          .settings()
          .filter((setting) => CLIENT_SETTINGS.has(setting.name))
          .map((setting) => ({
            name: setting.name,
            description: setting.description,
            value: setting.value,
            dynamic: false,
          })),
    },
  ];
}
