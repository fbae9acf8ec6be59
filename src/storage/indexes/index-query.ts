import {
  compare,
  compareStrings,
  equals,
  kindOf,
  orderCompare,
  TYPE_ORDER,
  type CypherValue,
} from '../../values/index.js';
import type { EntryPredicate } from './sorted-entries.js';

/** One end of a range: the bound value and whether it is included. */
export interface RangeBound {
  readonly value: CypherValue;
  readonly inclusive: boolean;
}

/**
 * What an index seek asks for (Neo4j's index queries). On a composite index, EQUALS may give the first k
 * values (a prefix) and the other kinds constrain the first property only.
 * - EQUALS: `n.p = v` (Cypher equality: `1 = 1.0`, nothing equals null or NaN);
 * - RANGE: `n.p > a AND n.p <= b` etc. (Cypher comparability: only values comparable with the bounds);
 * - PREFIX: `n.p STARTS WITH s`;
 * - CONTAINS / SUFFIX: `n.p CONTAINS s` / `n.p ENDS WITH s`, a scan of every entry (TEXT indexes);
 * - EXISTS: `n.p IS NOT NULL` (every entry).
 */
export type IndexQuery =
  | { readonly kind: 'EQUALS'; readonly values: readonly CypherValue[] }
  | { readonly kind: 'RANGE'; readonly lower?: RangeBound; readonly upper?: RangeBound }
  | { readonly kind: 'PREFIX'; readonly prefix: string }
  | { readonly kind: 'CONTAINS' | 'SUFFIX'; readonly text: string }
  | { readonly kind: 'EXISTS' };

/**
 * How a cursor walks the sorted entries for a query: start at the first entry `before` rejects, stop at the
 * first entry `stop` accepts, and return the entries in between that `accept` (the exact Cypher predicate,
 * which the key order only approximates: e.g. `1 = 1.0` tie in order, NaN sorts among numbers but compares
 * with nothing). Works on the leading value of each key, or on the whole tuple for composite EQUALS.
 */
export interface SeekPlan {
  readonly before: EntryPredicate;
  readonly stop: (key: CypherValue) => boolean;
  readonly accept: (key: CypherValue) => boolean;
}

/** The rank of a value's type in the global order; INTEGER and FLOAT share one. */
function rank(value: CypherValue): number {
  return TYPE_ORDER[kindOf(value)];
}

/**
 * Plans `query` on an index whose keys are single values (`composite` false) or tuples of `width` values.
 * Returns `undefined` when the query can match nothing (null bounds, bounds of incomparable types, more
 * EQUALS values than properties).
 */
export function planSeek(query: IndexQuery, composite: boolean, width: number): SeekPlan | undefined {
  const lead = (key: CypherValue): CypherValue =>
    composite ? ((key as readonly CypherValue[])[0] ?? null) : key;
  switch (query.kind) {
    case 'EXISTS':
      return { before: () => false, stop: () => false, accept: () => true };
    case 'EQUALS':
      return planEquals(query.values, composite, width);
    case 'PREFIX': {
      const prefix = query.prefix;
      const stringRank = rank('');
      return {
        before: (key) => {
          const value = lead(key);
          return typeof value === 'string' ? compareStrings(value, prefix) < 0 : rank(value) < stringRank;
        },
        stop: (key) => {
          const value = lead(key);
          return typeof value === 'string' ? !value.startsWith(prefix) : rank(value) > stringRank;
        },
        accept: (key) => {
          const value = lead(key);
          return typeof value === 'string' && value.startsWith(prefix);
        },
      };
    }
    case 'RANGE':
      return planRange(query.lower, query.upper, lead);
    case 'CONTAINS':
    case 'SUFFIX': {
      const text = query.text;
      const contains = query.kind === 'CONTAINS';
      return {
        before: () => false,
        stop: () => false,
        accept: (key) => {
          const value = lead(key);
          return typeof value === 'string' && (contains ? value.includes(text) : value.endsWith(text));
        },
      };
    }
  }
}

function planEquals(values: readonly CypherValue[], composite: boolean, width: number): SeekPlan | undefined {
  if (values.length === 0 || values.length > width || values.some((value) => value === null))
    return undefined;
  if (!composite) {
    const target = values[0] ?? null;
    return {
      before: (key) => orderCompare(key, target) < 0,
      stop: (key) => orderCompare(key, target) > 0,
      accept: (key) => equals(key, target) === true,
    };
  }
  const comparePrefix = (key: CypherValue): number => {
    const tuple = key as readonly CypherValue[];
    for (let index = 0; index < values.length; index++) {
      const order = orderCompare(tuple[index] ?? null, values[index] ?? null);
      if (order !== 0) return order;
    }
    return 0;
  };
  return {
    before: (key) => comparePrefix(key) < 0,
    stop: (key) => comparePrefix(key) > 0,
    accept: (key) =>
      values.every((value, index) => equals((key as readonly CypherValue[])[index] ?? null, value) === true),
  };
}

function planRange(
  lower: RangeBound | undefined,
  upper: RangeBound | undefined,
  lead: (key: CypherValue) => CypherValue,
): SeekPlan | undefined {
  const bound = lower ?? upper;
  if (bound === undefined)
    return { before: () => false, stop: () => false, accept: (key) => lead(key) !== null };
  if (lower?.value === null || upper?.value === null) return undefined;
  if (lower !== undefined && upper !== undefined && compare(lower.value, upper.value) === null)
    return undefined;
  const boundRank = rank(bound.value);
  const satisfies = (value: CypherValue): boolean => {
    if (lower !== undefined) {
      const order = compare(value, lower.value);
      if (order === null || !(order > 0 || (lower.inclusive && order === 0))) return false;
    }
    if (upper !== undefined) {
      const order = compare(value, upper.value);
      if (order === null || !(order < 0 || (upper.inclusive && order === 0))) return false;
    }
    return true;
  };
  return {
    before: (key) => {
      const value = lead(key);
      const valueRank = rank(value);
      if (valueRank !== boundRank) return valueRank < boundRank;
      if (lower === undefined) return false;
      const order = orderCompare(value, lower.value);
      return lower.inclusive ? order < 0 : order <= 0;
    },
    stop: (key) => {
      const value = lead(key);
      const valueRank = rank(value);
      if (valueRank !== boundRank) return valueRank > boundRank;
      if (upper === undefined) return false;
      const order = orderCompare(value, upper.value);
      return upper.inclusive ? order > 0 : order >= 0;
    },
    accept: (key) => satisfies(lead(key)),
  };
}
