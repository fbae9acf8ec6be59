import type { CypherList, CypherValue } from '../cypher-value.js';
import { kindOf, type ValueKind } from '../kind.js';
import { compareNumbers } from './compare-numbers.js';
import { compareStrings } from './compare-strings.js';
import { orderScalars } from './order-scalars.js';

/** Kinds besides numbers, strings and lists whose values `<` can compare with each other. */
const COMPARABLE_KINDS: ReadonlySet<ValueKind> = new Set<ValueKind>([
  'BOOLEAN',
  'DATE',
  'LOCAL_TIME',
  'ZONED_TIME',
  'LOCAL_DATETIME',
  'ZONED_DATETIME',
  'UUID',
]);

/**
 * Comparability, the semantics of `<`, `<=`, `>`, `>=`. Returns:
 * - a negative number, 0 or a positive number (-1, 0, 1) when the values are comparable;
 * - `NaN` when a NaN takes part: the values are comparable but unordered, so all four operators are false
 *   (`c < 0`, `c <= 0`, … are all false for NaN, which is exactly what the operators need);
 * - `null` when they are incomparable, so the operators yield `null`.
 * Comparable: numbers with numbers (exactly, across INTEGER and FLOAT), strings (by code point), booleans
 * (false < true), two UUIDs (by their 128 bits, which is the order of their text forms), two temporal instants of the same type (zoned ones by instant, then offset, then zone,
 * as Neo4j orders them), and lists (lexicographically: the first pair that is not equal decides, an
 * incomparable pair before that gives null, a shorter prefix is smaller). Everything else is incomparable,
 * following Neo4j's manual: null, different types, maps, nodes, relationships, paths, durations, points,
 * vectors and bytes (the CIP leaves map, node, relationship and path orders to implementations; Neo4j's
 * manual lists none of them as comparable).
 */
export function compare(a: CypherValue, b: CypherValue): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'string') return typeof b === 'string' ? compareStrings(a, b) : null;
  if (typeof a === 'bigint' || typeof a === 'number') {
    return typeof b === 'bigint' || typeof b === 'number' ? compareNumbers(a, b) : null;
  }
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return null;
  if (kind === 'LIST') return compareLists(a as CypherList, b as CypherList);
  return COMPARABLE_KINDS.has(kind) ? orderScalars(kind, a, b) : null;
}

function compareLists(a: CypherList, b: CypherList): number | null {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const order = compare(a[index] as CypherValue, b[index] as CypherValue);
    // null (incomparable) and NaN (unordered) both decide the whole comparison, as a difference does.
    if (order !== 0) return order;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
