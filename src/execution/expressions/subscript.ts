import { Node, Relationship, isCypherMap, type CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Evaluator } from './compile-scope.js';
import { propertyValue } from './property-access.js';

/**
 * `subject[index]`: a list element (negative indexes count from the end, out of range is null) or a map,
 * node or relationship entry by a string key. Null on either side gives null.
 */
export function compileSubscript(subject: Evaluator, index: Evaluator): Evaluator {
  return (row, context) => subscript(subject(row, context), index(row, context), context);
}

export function subscript(value: CypherValue, index: CypherValue, context: ExecutionContext): CypherValue {
  if (value === null || index === null) return null;
  if (Array.isArray(value)) {
    if (typeof index !== 'bigint') throw typeMismatch('Integer', index, 'ListElementAccessByNonInteger');
    const list = value as readonly CypherValue[];
    const position = index < 0n ? BigInt(list.length) + index : index;
    return position >= 0n && position < BigInt(list.length) ? (list[Number(position)] ?? null) : null;
  }
  if (isCypherMap(value) || value instanceof Node || value instanceof Relationship) {
    if (typeof index !== 'string') throw typeMismatch('String', index, 'MapElementAccessByNonString');
    return propertyValue(value, index, context);
  }
  throw typeMismatch('List<T>, Map, Node or Relationship', value);
}

/** `subject[from..to]` on a list: bounds clamp, negative bounds count from the end, either may be absent. */
export function compileSlice(
  subject: Evaluator,
  from: Evaluator | undefined,
  to: Evaluator | undefined,
): Evaluator {
  return (row, context) => {
    const value = subject(row, context);
    const start = from === undefined ? 0n : from(row, context);
    const end = to === undefined ? undefined : to(row, context);
    if (value === null || start === null || end === null) return null;
    if (!Array.isArray(value)) throw typeMismatch('List<T>', value);
    const list = value as readonly CypherValue[];
    const length = BigInt(list.length);
    const first = bound(start, length);
    const last = end === undefined ? list.length : bound(end, length);
    return first < last ? list.slice(first, last) : [];
  };
}

/** A slice bound as an index in [0, length]. */
function bound(value: CypherValue, length: bigint): number {
  if (typeof value !== 'bigint') throw typeMismatch('Integer', value, 'ListElementAccessByNonInteger');
  const position = value < 0n ? length + value : value;
  return Number(position < 0n ? 0n : position > length ? length : position);
}
