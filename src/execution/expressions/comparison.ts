import { compare, equals, Node, Relationship, type CypherValue } from '../../values/index.js';
import { StoreNode, StoreRelationship } from '../runtime/store-entities.js';
import { typeMismatch } from '../functions/type-errors.js';

/*
 * Comparison and membership operators with openCypher's ternary logic. Two INTEGERs, two FLOATs or two
 * strings (for `=`) are compared inline: these are the hot cases of filters, and they need no allocation.
 */

/** `a = b`. */
export function equalsOperator(a: CypherValue, b: CypherValue): boolean | null {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (a instanceof Node || a instanceof Relationship) return entityEquals(a, b);
  if (b instanceof Node || b instanceof Relationship) return entityEquals(b, a);
  return equals(a, b);
}

/** Nodes and relationships are equal by identity: two stored ones compare storage ids without allocating. */
function entityEquals(entity: Node | Relationship, other: CypherValue): boolean | null {
  if (other === null) return null;
  if (entity instanceof StoreNode)
    return other instanceof StoreNode
      ? entity.ref === other.ref
      : other instanceof Node && entity.id === other.id;
  if (entity instanceof StoreRelationship && other instanceof StoreRelationship)
    return entity.ref === other.ref;
  if (entity instanceof Node) return other instanceof Node && entity.id === other.id;
  return other instanceof Relationship && entity.id === other.id;
}

/** `a <> b`. */
export function notEqualsOperator(a: CypherValue, b: CypherValue): boolean | null {
  const result = equalsOperator(a, b);
  return result === null ? null : !result;
}

/** `a < b`. */
export function lessThan(a: CypherValue, b: CypherValue): boolean | null {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  const order = compare(a, b);
  return order === null ? null : order < 0;
}

/** `a <= b`. */
export function lessThanOrEqual(a: CypherValue, b: CypherValue): boolean | null {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a <= b;
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  const order = compare(a, b);
  return order === null ? null : order <= 0;
}

/** `a > b`. */
export function greaterThan(a: CypherValue, b: CypherValue): boolean | null {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a > b;
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  const order = compare(a, b);
  return order === null ? null : order > 0;
}

/** `a >= b`. */
export function greaterThanOrEqual(a: CypherValue, b: CypherValue): boolean | null {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a >= b;
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  const order = compare(a, b);
  return order === null ? null : order >= 0;
}

/**
 * `a IN list`: true when some element equals `a`; otherwise null when some comparison was null (an
 * element or `a` is null, or a nested list holds a null), else false. A null list gives null.
 */
export function inList(value: CypherValue, list: CypherValue): boolean | null {
  if (list === null) return null;
  if (!Array.isArray(list)) throw typeMismatch('List<T>', list);
  const elements = list as readonly CypherValue[];
  if (elements.length === 0) return false;
  if (value === null) return null;
  let sawNull = false;
  for (const element of elements) {
    const result = equalsOperator(value, element);
    if (result === true) return true;
    if (result === null) sawNull = true;
  }
  return sawNull ? null : false;
}

/** `a STARTS WITH b`: null unless both are strings. */
export function startsWith(a: CypherValue, b: CypherValue): boolean | null {
  return typeof a === 'string' && typeof b === 'string' ? a.startsWith(b) : null;
}

/** `a ENDS WITH b`: null unless both are strings. */
export function endsWith(a: CypherValue, b: CypherValue): boolean | null {
  return typeof a === 'string' && typeof b === 'string' ? a.endsWith(b) : null;
}

/** `a CONTAINS b`: null unless both are strings. */
export function contains(a: CypherValue, b: CypherValue): boolean | null {
  return typeof a === 'string' && typeof b === 'string' ? a.includes(b) : null;
}
