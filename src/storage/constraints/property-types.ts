import { kindOf, typeName, type CypherValue } from '../../values/index.js';
import type { PropertyType } from './constraint-definition.js';

/**
 * The property type of a stored value as a type constraint names it: `INTEGER`, `ZONED DATETIME`, … and, for
 * a (homogeneous, stored) list, `LIST<INTEGER NOT NULL>`. An empty list has no element type: it conforms to
 * every list type, as in Neo4j.
 */
export function propertyTypeOf(value: CypherValue): string {
  if (!Array.isArray(value)) return typeName(value);
  const list = value as readonly CypherValue[];
  const first = list[0];
  return first === undefined ? 'LIST<NOTHING>' : `LIST<${typeName(first)} NOT NULL>`;
}

/** Whether a stored value has one of `types`. */
export function conformsTo(value: CypherValue, types: readonly PropertyType[]): boolean {
  const actual = propertyTypeOf(value);
  if (actual === 'LIST<NOTHING>') return types.some((type) => type.startsWith('LIST<'));
  return types.some((type) => type === actual);
}

/** Whether `kindOf` names a kind a type constraint can speak about (not BYTES or VECTOR). */
export function isConstrainableKind(value: CypherValue): boolean {
  const kind = kindOf(value);
  return kind !== 'BYTES' && kind !== 'VECTOR';
}
