import type { CypherValue } from './cypher-value.js';
import { Node } from './graph/node.js';
import { Path } from './graph/path.js';
import { Relationship } from './graph/relationship.js';
import { isInt64 } from './int64.js';
import { Point } from './spatial/point.js';
import { Vector } from './spatial/vector.js';
import { CypherDate } from './temporal/date.js';
import { DateTime } from './temporal/date-time.js';
import { Duration } from './temporal/duration.js';
import { LocalDateTime } from './temporal/local-date-time.js';
import { LocalTime } from './temporal/local-time.js';
import { Time } from './temporal/time.js';
import { Uuid } from './uuid.js';

/** Classes whose constructors validate their fields, so an instance is a valid value. */
const VALUE_CLASSES = [
  Node,
  Relationship,
  Path,
  CypherDate,
  LocalTime,
  Time,
  LocalDateTime,
  DateTime,
  Duration,
  Point,
  Vector,
  Uuid,
];

/**
 * Deep check that untrusted data (parameters, decoded input, test data) is a Cypher value: rejects
 * `undefined`, functions, symbols, integers outside int64, sparse arrays, cycles, and objects that are
 * neither plain maps (prototype `Object.prototype` or `null`, string keys only) nor instances of the value
 * classes. Graph, temporal and spatial instances are trusted: their constructors validate them.
 */
export function isCypherValue(value: unknown): value is CypherValue {
  return check(value, new Set());
}

function check(value: unknown, ancestors: Set<object>): boolean {
  const type = typeof value;
  if (type === 'boolean' || type === 'number' || type === 'string') return true;
  if (typeof value === 'bigint') return isInt64(value);
  if (typeof value !== 'object') return false; // undefined, functions, symbols
  return value === null || checkObject(value, ancestors);
}

function checkObject(value: object, ancestors: Set<object>): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return checkContainer(value, ancestors, () => checkList(value, ancestors));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) {
    return checkContainer(value, ancestors, () => checkMap(value, ancestors));
  }
  return VALUE_CLASSES.some((valueClass) => value instanceof valueClass);
}

/** Rejects cycles: a container that contains itself is no value. */
function checkContainer(value: object, ancestors: Set<object>, checkItems: () => boolean): boolean {
  if (ancestors.has(value)) return false;
  ancestors.add(value);
  const result = checkItems();
  ancestors.delete(value);
  return result;
}

function checkList(list: readonly unknown[], ancestors: Set<object>): boolean {
  for (let index = 0; index < list.length; index++) {
    // `in` here detects holes of sparse arrays, which read as undefined.
    if (!(index in list) || !check(list[index], ancestors)) return false;
  }
  return true;
}

function checkMap(map: object, ancestors: Set<object>): boolean {
  if (Object.getOwnPropertySymbols(map).length > 0) return false;
  for (const key of Object.keys(map)) {
    const descriptor = Object.getOwnPropertyDescriptor(map, key);
    // Accessors could return a different value on each read; a value must be plain data.
    if (descriptor === undefined || !('value' in descriptor) || !check(descriptor.value, ancestors))
      return false;
  }
  return true;
}
