import {
  allAggregates,
  allFunctions,
  type ExecutionContext,
  type ProcedureDefinition,
} from '../../execution/index.js';
import { CypherTypeError } from '../../errors/index.js';
import { isCypherMap, typeName, type CypherMap } from '../../values/index.js';
import { procedureSignature } from './signature.js';

/** What the informational procedures report about their database. */
export interface DatabaseInfo {
  readonly name: string;
  readonly id: string;
  /** ISO 8601 creation instant. */
  readonly creationDate: string;
}

/** `dbms.procedures()`: the procedures of this database (Neo4j 4 shape; 5 replaced it with SHOW PROCEDURES). */
const procedures: ProcedureDefinition = {
  name: 'dbms.procedures',
  description: 'List all procedures in the DBMS.',
  mode: 'DBMS',
  inputs: [],
  outputs: [
    { name: 'name', type: 'STRING?' },
    { name: 'signature', type: 'STRING?' },
    { name: 'description', type: 'STRING?' },
    { name: 'mode', type: 'STRING?' },
    { name: 'worksOnSystem', type: 'BOOLEAN?' },
  ],
  call: (_args, context: ExecutionContext): CypherMap[] =>
    context.procedures.list().map((definition) => ({
      name: definition.name,
      signature: procedureSignature(definition),
      description: definition.description,
      mode: definition.mode,
      worksOnSystem: definition.mode === 'DBMS',
    })),
};

/** `dbms.functions()`: the built-in functions, scalar and aggregating. */
const functions: ProcedureDefinition = {
  name: 'dbms.functions',
  description: 'List all functions in the DBMS.',
  mode: 'DBMS',
  inputs: [],
  outputs: [
    { name: 'name', type: 'STRING?' },
    { name: 'signature', type: 'STRING?' },
    { name: 'description', type: 'STRING?' },
    { name: 'aggregating', type: 'BOOLEAN?' },
  ],
  call: (): CypherMap[] =>
    [
      ...allFunctions().map((f) => ({ ...pick(f), aggregating: false })),
      ...allAggregates().map((f) => ({ ...pick(f), aggregating: true })),
    ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
};

function pick(f: { name: string; signature: string; description: string }): CypherMap & { name: string } {
  return { name: f.name, signature: f.signature, description: f.description };
}

/**
 * `dbms.showCurrentUser()`: the user the statement runs as (the Bolt connection's authenticated user). With
 * authentication disabled (and embedded) there is no user: Neo4j then reports the empty name of its
 * auth-disabled subject. Roles are null as in Neo4j community edition unless the server knows them; flags
 * hold `password_change_required` for a user whose password must change.
 */
const showCurrentUser: ProcedureDefinition = {
  name: 'dbms.showCurrentUser',
  description: 'Show the current user.',
  mode: 'DBMS',
  inputs: [],
  outputs: [
    { name: 'username', type: 'STRING?' },
    { name: 'roles', type: 'LIST? OF STRING?' },
    { name: 'flags', type: 'LIST? OF STRING?' },
  ],
  call: (_args, context: ExecutionContext): CypherMap[] => {
    const user = context.user;
    if (user === undefined) return [{ username: '', roles: null, flags: [] }];
    return [
      {
        username: user.username,
        roles: user.roles === null ? null : [...user.roles],
        flags: user.passwordChangeRequired ? ['password_change_required'] : [],
      },
    ];
  },
};

/**
 * `tx.setMetaData(data)`: replaces the running transaction's metadata (what SHOW TRANSACTIONS shows as
 * `metaData`), as the driver's transaction config would have set it. A null map clears it.
 */
const setMetaData: ProcedureDefinition = {
  name: 'tx.setMetaData',
  description:
    'Attaches a map of data to the transaction. The data will be printed when listing queries, and inserted into the query log.',
  mode: 'DBMS',
  inputs: [{ name: 'data', type: 'MAP?' }],
  outputs: [],
  call: (args, context): CypherMap[] => {
    const data = args[0] ?? null;
    if (data !== null && !isCypherMap(data)) {
      throw new CypherTypeError(`Type mismatch: expected Map but was ${typeName(data)}`);
    }
    context.setTransactionMetadata?.(data ?? {});
    return [];
  },
};

const ping: ProcedureDefinition = {
  name: 'db.ping',
  description:
    'This procedure can be used by client side tooling to test whether they are correctly connected to a ' +
    'database. The procedure is available in all databases and always returns true.',
  mode: 'READ',
  inputs: [],
  outputs: [{ name: 'success', type: 'BOOLEAN?' }],
  call: (): CypherMap[] => [{ success: true }],
};

/** `db.info()` and `dbms.info()`: identity of the database and of the server. */
function infoProcedures(database: DatabaseInfo): ProcedureDefinition[] {
  const outputs = [
    { name: 'id', type: 'STRING?' },
    { name: 'name', type: 'STRING?' },
    { name: 'creationDate', type: 'STRING?' },
  ];
  return [
    {
      name: 'db.info',
      description: 'Provides information regarding the database.',
      mode: 'READ',
      inputs: [],
      outputs,
      call: () => [{ id: database.id, name: database.name, creationDate: database.creationDate }],
    },
    {
      name: 'dbms.info',
      description: 'Provides information regarding the DBMS.',
      mode: 'DBMS',
      inputs: [],
      outputs,
      call: () => [{ id: database.id, name: 'Quiver', creationDate: database.creationDate }],
    },
  ];
}

/** The DBMS-level informational procedures of one database. */
export function dbmsProcedures(database: DatabaseInfo): readonly ProcedureDefinition[] {
  return [procedures, functions, showCurrentUser, ping, setMetaData, ...infoProcedures(database)];
}
