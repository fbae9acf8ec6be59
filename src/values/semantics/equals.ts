import type { CypherList, CypherMap, CypherValue } from '../cypher-value.js';
import { kindOf } from '../kind.js';
import { compareNumbers } from './compare-numbers.js';
import { orderScalars } from './order-scalars.js';

/**
 * Cypher `=` (and `IN`), with openCypher's ternary logic:
 * - `null` on either side gives `null`;
 * - numbers compare mathematically across INTEGER and FLOAT (`1 = 1.0` is true, exactly even beyond 2^53);
 *   NaN equals nothing, itself included;
 * - values of different types are `false` (a path is not equal to a list of its elements: Neo4j's
 *   implementation and the CIP agree, the manual's remark about lists does not hold);
 * - lists: `false` if sizes differ, else the conjunction of the element comparisons (`[1, 2] = [null, 3]` is
 *   false, `[1] = [null]` is null); maps: `false` if the key sets differ, else the conjunction over values;
 * - nodes and relationships by id, paths element by element, temporal values by their fields (a zoned
 *   date-time equals only the same instant in the same zone), durations component-wise, points by SRID and
 *   coordinates, vectors by element type and elements, bytes byte by byte.
 * `<>` is `NOT (a = b)` with the same null rule.
 */
export function equals(a: CypherValue, b: CypherValue): boolean | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (typeof a === 'bigint' || typeof a === 'number') {
    return (typeof b === 'bigint' || typeof b === 'number') && compareNumbers(a, b) === 0;
  }
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  if (kind === 'LIST') return listEquals(a as CypherList, b as CypherList);
  if (kind === 'MAP') return mapEquals(a as CypherMap, b as CypherMap);
  return orderScalars(kind, a, b) === 0;
}

function listEquals(a: CypherList, b: CypherList): boolean | null {
  if (a.length !== b.length) return false;
  let sawNull = false;
  for (let index = 0; index < a.length; index++) {
    const result = equals(a[index] as CypherValue, b[index] as CypherValue);
    if (result === false) return false;
    if (result === null) sawNull = true;
  }
  return sawNull ? null : true;
}

function mapEquals(a: CypherMap, b: CypherMap): boolean | null {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length || !keys.every((key) => Object.hasOwn(b, key))) return false;
  let sawNull = false;
  for (const key of keys) {
    const result = equals(a[key] as CypherValue, b[key] as CypherValue);
    if (result === false) return false;
    if (result === null) sawNull = true;
  }
  return sawNull ? null : true;
}
