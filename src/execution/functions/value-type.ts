import { typeName, type CypherValue } from '../../values/index.js';

/**
 * The text of `valueType(x)`: the closed dynamic type of the value, as Neo4j prints it. Scalars are
 * `INTEGER NOT NULL` etc. and null is `NULL`; a list names the union of its element types
 * (`LIST<INTEGER NOT NULL> NOT NULL`, `LIST<INTEGER | STRING NOT NULL>`…), `LIST<NOTHING>` when empty, and
 * an element type loses `NOT NULL` when the list holds a null.
 */
export function valueType(value: CypherValue): string {
  if (value === null) return 'NULL';
  return `${innerType(value)} NOT NULL`;
}

function innerType(value: CypherValue): string {
  if (!Array.isArray(value)) return typeName(value);
  const elements = value as readonly CypherValue[];
  const types: string[] = [];
  let sawNull = false;
  for (const element of elements) {
    if (element === null) {
      sawNull = true;
      continue;
    }
    const name = innerType(element);
    if (!types.includes(name)) types.push(name);
  }
  if (types.length === 0) return sawNull ? 'LIST<NULL>' : 'LIST<NOTHING>';
  const suffix = sawNull ? '' : ' NOT NULL';
  const union = types.length === 1 ? (types[0] ?? '') : types.join(' | ');
  return `LIST<${union}${suffix}>`;
}
