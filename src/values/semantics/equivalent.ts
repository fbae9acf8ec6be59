import type { CypherList, CypherMap, CypherValue } from '../cypher-value.js';
import { kindOf } from '../kind.js';
import { orderNumbers } from './compare-numbers.js';
import { orderScalars } from './order-scalars.js';

/**
 * Equivalence, the sameness DISTINCT, grouping keys, UNION and `count(DISTINCT …)` use (openCypher
 * CIP2016-06-14): equality, except that it is two-valued and reflexive — `null` ≡ `null` and NaN ≡ NaN, also
 * inside lists and maps, while `null` and NaN are not equivalent. Numbers are equivalent across INTEGER and
 * FLOAT exactly when equal (`1` ≡ `1.0`, so `DISTINCT` over `[1, 1.0]` keeps one row, as in Neo4j).
 * Two values are equivalent exactly when `orderCompare` ties them and when their `hashKey`s are equal.
 */
export function equivalent(a: CypherValue, b: CypherValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (typeof a === 'bigint' || typeof a === 'number') {
    return (typeof b === 'bigint' || typeof b === 'number') && orderNumbers(a, b) === 0;
  }
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  if (kind === 'LIST') return listsEquivalent(a as CypherList, b as CypherList);
  if (kind === 'MAP') return mapsEquivalent(a as CypherMap, b as CypherMap);
  return orderScalars(kind, a, b) === 0;
}

function listsEquivalent(a: CypherList, b: CypherList): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    if (!equivalent(a[index] as CypherValue, b[index] as CypherValue)) return false;
  }
  return true;
}

function mapsEquivalent(a: CypherMap, b: CypherMap): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) => Object.hasOwn(b, key) && equivalent(a[key] as CypherValue, b[key] as CypherValue),
  );
}
