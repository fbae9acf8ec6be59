import type { ProcedureDefinition } from '../../execution/index.js';
import type { GraphStore } from '../../storage/index.js';
import { dbmsProcedures, type DatabaseInfo } from './dbms-procedures.js';
import { fulltextProcedures } from './fulltext-procedures.js';
import { schemaVisualization } from './schema-visualization.js';
import { SCHEMA_TYPE_PROCEDURES } from './schema-type-properties.js';
import { TOKEN_PROCEDURES } from './token-procedures.js';
import { vectorProcedures } from './vector-procedures.js';

export type { DatabaseInfo } from './dbms-procedures.js';
export { procedureSignature, signatureType } from './signature.js';

/**
 * The procedures every database has (`db.labels()`, `db.schema.visualization()`, `dbms.procedures()`, …).
 * Registered by `DatabaseEngine` before any the embedding application adds, so those may replace them.
 */
export function builtinProcedures(store: GraphStore, database: DatabaseInfo): readonly ProcedureDefinition[] {
  return [
    ...TOKEN_PROCEDURES,
    ...SCHEMA_TYPE_PROCEDURES,
    schemaVisualization(store),
    ...vectorProcedures(store),
    ...fulltextProcedures(),
    ...dbmsProcedures(database),
  ];
}
