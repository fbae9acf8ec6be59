import { CypherArgumentError } from '../../errors/index.js';
import { equals, hashKey, orderCompare, type CypherValue } from '../../values/index.js';
import { argument, define, integerArgument, listArgument } from './define.js';
import type { FunctionDefinition } from './function-definition.js';

/** An index argument into a list of `size` elements: below `size`, or up to it when `orAtEnd`. */
function indexArgument(
  args: readonly CypherValue[],
  position: number,
  size: number,
  orAtEnd: boolean,
  name: string,
): number {
  const index = integerArgument(args, position);
  if (index < 0n || index > BigInt(orAtEnd ? size : size - 1)) {
    throw new CypherArgumentError(`${name}: index ${index} is outside a list of ${size} elements`, {
      detail: 'NumberOutOfRange',
    });
  }
  return Number(index);
}

/** The largest (sign 1) or smallest (sign -1) non-null element by orderability; null when there is none. */
function extreme(list: readonly CypherValue[], sign: 1 | -1): CypherValue {
  let best: CypherValue = null;
  for (const value of list) {
    if (value === null) continue;
    if (best === null || sign * orderCompare(value, best) > 0) best = value;
  }
  return best;
}

function flatten(list: readonly CypherValue[], depth: number, into: CypherValue[]): CypherValue[] {
  for (const item of list) {
    if (depth > 0 && Array.isArray(item)) flatten(item as readonly CypherValue[], depth - 1, into);
    else into.push(item);
  }
  return into;
}

/**
 * Cypher 25's collection functions (Neo4j 2025.11). A null list gives null. Equality is Cypher's (`=`) for
 * `coll.indexOf` and equivalence (as DISTINCT) for `coll.distinct`; `coll.min`/`coll.max` skip nulls and
 * compare by the global sort order, as the `min`/`max` aggregations do; an index outside the list is an
 * argument error.
 */
export const COLLECTION_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'coll.distinct',
    signature: 'coll.distinct(list :: LIST<ANY>) :: LIST<ANY>',
    description: 'Returns the list without duplicates, in the order of their first occurrence.',
    category: 'List',
    call: (args) => {
      const seen = new Set<string>();
      return listArgument(args, 0).filter((value) => {
        const key = hashKey(value);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
  }),
  define({
    name: 'coll.flatten',
    signature: 'coll.flatten(list :: LIST<ANY>, depth = 1 :: INTEGER) :: LIST<ANY>',
    description: 'Returns the list with nested lists flattened into it, down to the given depth (default 1).',
    category: 'List',
    minArgs: 1,
    maxArgs: 2,
    call: (args) => {
      const depth = args.length > 1 ? integerArgument(args, 1) : 1n;
      if (depth < 0n) {
        throw new CypherArgumentError(`coll.flatten: depth ${depth} is negative`, {
          detail: 'NumberOutOfRange',
        });
      }
      return flatten(listArgument(args, 0), Number(depth > 1000n ? 1000n : depth), []);
    },
  }),
  define({
    name: 'coll.indexOf',
    signature: 'coll.indexOf(list :: LIST<ANY>, value :: ANY) :: INTEGER',
    description: 'Returns the index of the first element equal to the value, or -1.',
    category: 'List',
    call: (args) => {
      const value = argument(args, 1);
      return BigInt(listArgument(args, 0).findIndex((item) => equals(item, value) === true));
    },
  }),
  define({
    name: 'coll.insert',
    signature: 'coll.insert(list :: LIST<ANY>, index :: INTEGER, value :: ANY) :: LIST<ANY>',
    description: 'Returns the list with the value inserted at the index (0 to the list size).',
    category: 'List',
    nullIn: 'none',
    call: (args) => {
      if (argument(args, 0) === null || argument(args, 1) === null) return null;
      const list = listArgument(args, 0);
      const index = indexArgument(args, 1, list.length, true, 'coll.insert');
      return [...list.slice(0, index), argument(args, 2), ...list.slice(index)];
    },
  }),
  define({
    name: 'coll.max',
    signature: 'coll.max(list :: LIST<ANY>) :: ANY',
    description: 'Returns the largest non-null element of the list by the global sort order.',
    category: 'List',
    call: (args) => extreme(listArgument(args, 0), 1),
  }),
  define({
    name: 'coll.min',
    signature: 'coll.min(list :: LIST<ANY>) :: ANY',
    description: 'Returns the smallest non-null element of the list by the global sort order.',
    category: 'List',
    call: (args) => extreme(listArgument(args, 0), -1),
  }),
  define({
    name: 'coll.remove',
    signature: 'coll.remove(list :: LIST<ANY>, index :: INTEGER) :: LIST<ANY>',
    description: 'Returns the list without the element at the index.',
    category: 'List',
    call: (args) => {
      const list = listArgument(args, 0);
      const index = indexArgument(args, 1, list.length, false, 'coll.remove');
      return [...list.slice(0, index), ...list.slice(index + 1)];
    },
  }),
  define({
    name: 'coll.sort',
    signature: 'coll.sort(list :: LIST<ANY>) :: LIST<ANY>',
    description: 'Returns the list sorted in ascending order by the global sort order (nulls last).',
    category: 'List',
    call: (args) => [...listArgument(args, 0)].sort(orderCompare),
  }),
];
