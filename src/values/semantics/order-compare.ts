import type { CypherList, CypherMap, CypherValue } from '../cypher-value.js';
import { kindOf, type ValueKind } from '../kind.js';
import { orderNumbers } from './compare-numbers.js';
import { compareStrings } from './compare-strings.js';
import { orderScalars } from './order-scalars.js';

/**
 * The global sort order of types, ascending, from the Neo4j Cypher manual ("Equality, ordering, and
 * comparison of value types", hierarchy of values), which extends the openCypher CIP's order:
 * MAP < NODE < RELATIONSHIP < LIST < PATH < VECTOR < POINT < ZONED DATETIME < LOCAL DATETIME < DATE <
 * ZONED TIME < LOCAL TIME < DURATION < STRING < BOOLEAN < numbers < null. BYTES is Quiver's extension: Neo4j
 * treats byte arrays as sequences, so they sort right after lists (never after NaN, as the CIP requires of
 * extra types). The manual's VECTOR table also says vectors sort before lists; its hierarchy list, followed
 * here, puts them after paths. UUID (Cypher 25) has no place in the manual's list yet: Quiver sorts it
 * right before STRING, the type of its text form.
 */
export const TYPE_ORDER: Readonly<Record<ValueKind, number>> = {
  MAP: 0,
  NODE: 1,
  RELATIONSHIP: 2,
  LIST: 3,
  BYTES: 4,
  PATH: 5,
  VECTOR: 6,
  POINT: 7,
  ZONED_DATETIME: 8,
  LOCAL_DATETIME: 9,
  DATE: 10,
  ZONED_TIME: 11,
  LOCAL_TIME: 12,
  DURATION: 13,
  UUID: 14,
  STRING: 15,
  BOOLEAN: 16,
  INTEGER: 17,
  FLOAT: 17,
  NULL: 18,
};

/**
 * Orderability, the total order ORDER BY, `min`/`max` and sorted DISTINCT use: -1, 0 or 1 for any two
 * values. Types follow `TYPE_ORDER`; within a type: numbers exactly with NaN after +Infinity; lists
 * lexicographically with element orderability (a shorter prefix first); maps by size, then by their sorted
 * keys, then by the values in key order; other types by their own order (see `orderScalars`). It ties two
 * values exactly when they are `equivalent`. Descending order is the reverse, so null sorts last ascending
 * and first descending, as in Neo4j.
 */
export function orderCompare(a: CypherValue, b: CypherValue): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return orderNumbers(a, b);
  }
  const kind = kindOf(a);
  const otherKind = kindOf(b);
  const rank = TYPE_ORDER[kind];
  const otherRank = TYPE_ORDER[otherKind];
  if (rank !== otherRank) return rank < otherRank ? -1 : 1;
  if (kind === 'LIST') return orderLists(a as CypherList, b as CypherList);
  if (kind === 'MAP') return orderMaps(a as CypherMap, b as CypherMap);
  return orderScalars(kind, a, b);
}

function orderLists(a: CypherList, b: CypherList): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const order = orderCompare(a[index] as CypherValue, b[index] as CypherValue);
    if (order !== 0) return order;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function orderMaps(a: CypherMap, b: CypherMap): number {
  const keysA = Object.keys(a).sort(compareStrings);
  const keysB = Object.keys(b).sort(compareStrings);
  if (keysA.length !== keysB.length) return keysA.length < keysB.length ? -1 : 1;
  const byKeys = orderLists(keysA, keysB);
  if (byKeys !== 0) return byKeys;
  for (const key of keysA) {
    const order = orderCompare(a[key] as CypherValue, b[key] as CypherValue);
    if (order !== 0) return order;
  }
  return 0;
}
