/**
 * Type guards that narrow a `CypherValue` to one kind. They trust that the input already is a Cypher value;
 * validate untrusted input with `isCypherValue`.
 */
import type { CypherList, CypherMap, CypherValue, TemporalValue } from './cypher-value.js';
import { Node } from './graph/node.js';
import { Path } from './graph/path.js';
import { Relationship } from './graph/relationship.js';
import { Point } from './spatial/point.js';
import { Vector } from './spatial/vector.js';
import { Uuid } from './uuid.js';
import { CypherDate } from './temporal/date.js';
import { DateTime } from './temporal/date-time.js';
import { Duration } from './temporal/duration.js';
import { LocalDateTime } from './temporal/local-date-time.js';
import { LocalTime } from './temporal/local-time.js';
import { Time } from './temporal/time.js';

export function isBoolean(value: CypherValue): value is boolean {
  return typeof value === 'boolean';
}

/** INTEGER: a bigint. */
export function isInteger(value: CypherValue): value is bigint {
  return typeof value === 'bigint';
}

/** FLOAT: a number (NaN and ±Infinity included). */
export function isFloat(value: CypherValue): value is number {
  return typeof value === 'number';
}

/** INTEGER or FLOAT. */
export function isNumber(value: CypherValue): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

export function isString(value: CypherValue): value is string {
  return typeof value === 'string';
}

export function isBytes(value: CypherValue): value is Uint8Array {
  return value instanceof Uint8Array;
}

export function isList(value: CypherValue): value is CypherList {
  return Array.isArray(value);
}

/** MAP: a plain object (prototype `Object.prototype`, or `null` for objects made with `Object.create(null)`). */
export function isCypherMap(value: CypherValue): value is CypherMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function isNode(value: CypherValue): value is Node {
  return value instanceof Node;
}

export function isRelationship(value: CypherValue): value is Relationship {
  return value instanceof Relationship;
}

export function isPath(value: CypherValue): value is Path {
  return value instanceof Path;
}

export function isDate(value: CypherValue): value is CypherDate {
  return value instanceof CypherDate;
}

export function isLocalTime(value: CypherValue): value is LocalTime {
  return value instanceof LocalTime;
}

export function isTime(value: CypherValue): value is Time {
  return value instanceof Time;
}

export function isLocalDateTime(value: CypherValue): value is LocalDateTime {
  return value instanceof LocalDateTime;
}

export function isDateTime(value: CypherValue): value is DateTime {
  return value instanceof DateTime;
}

export function isDuration(value: CypherValue): value is Duration {
  return value instanceof Duration;
}

/** Any temporal value: the five instant types and DURATION. */
export function isTemporal(value: CypherValue): value is TemporalValue {
  return isTemporalInstant(value) || value instanceof Duration;
}

/** DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME or ZONED DATETIME (the types `<` can compare). */
export function isTemporalInstant(
  value: CypherValue,
): value is CypherDate | LocalTime | Time | LocalDateTime | DateTime {
  return (
    value instanceof CypherDate ||
    value instanceof LocalTime ||
    value instanceof Time ||
    value instanceof LocalDateTime ||
    value instanceof DateTime
  );
}

export function isPoint(value: CypherValue): value is Point {
  return value instanceof Point;
}

export function isVector(value: CypherValue): value is Vector {
  return value instanceof Vector;
}

export function isUuid(value: CypherValue): value is Uuid {
  return value instanceof Uuid;
}
