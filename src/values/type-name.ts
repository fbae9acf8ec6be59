import { assertNever } from '../errors/index.js';
import type { CypherValue } from './cypher-value.js';
import { kindOf } from './kind.js';
import { CYPHER_COORDINATE_TYPE, type Vector } from './spatial/vector.js';

/**
 * The Cypher type name of a value, in Neo4j 5's spelling as used in type predicates and error messages:
 * `NULL`, `BOOLEAN`, `INTEGER`, `FLOAT`, `STRING`, `LIST<ANY>`, `MAP`, `NODE`, `RELATIONSHIP`, `PATH`, `DATE`,
 * `LOCAL TIME`, `ZONED TIME`, `LOCAL DATETIME`, `ZONED DATETIME`, `DURATION`, `POINT`, `VECTOR<FLOAT32>(3)`.
 * Lists report `LIST<ANY>` whatever their elements (the precise `valueType()` form belongs to the Cypher
 * functions). BYTES is Quiver's name for Bolt byte arrays, which Cypher itself does not name.
 */
export function typeName(value: CypherValue): string {
  const kind = kindOf(value);
  switch (kind) {
    case 'NULL':
    case 'BOOLEAN':
    case 'INTEGER':
    case 'FLOAT':
    case 'STRING':
    case 'BYTES':
    case 'MAP':
    case 'NODE':
    case 'RELATIONSHIP':
    case 'PATH':
    case 'DATE':
    case 'DURATION':
    case 'POINT':
    case 'UUID':
      return kind;
    case 'LIST':
      return 'LIST<ANY>';
    case 'LOCAL_TIME':
      return 'LOCAL TIME';
    case 'ZONED_TIME':
      return 'ZONED TIME';
    case 'LOCAL_DATETIME':
      return 'LOCAL DATETIME';
    case 'ZONED_DATETIME':
      return 'ZONED DATETIME';
    case 'VECTOR': {
      const vector = value as Vector;
      return `VECTOR<${CYPHER_COORDINATE_TYPE[vector.elementType]}>(${vector.dimension})`;
    }
    default:
      return assertNever(kind, 'value kind');
  }
}
