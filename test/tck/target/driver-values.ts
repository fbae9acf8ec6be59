import neo4j from 'neo4j-driver-528';
import {
  CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Node,
  Path,
  Point,
  Relationship,
  Time,
  type CypherMap,
  type CypherValue,
} from '../../../src/values/index.js';

/**
 * Values between the official JavaScript driver (5.28, configured with `useBigInt: true`) and the runner's
 * value model (src/values), so that results read over Bolt are judged by the same comparison code as the
 * in-process ones. Integers arrive as `bigint` (or, inside some structures, as driver `Integer`s or
 * numbers); both are accepted wherever an integer is expected.
 */

type NumberLike = number | bigint | { toString(): string };

function toBigInt(value: NumberLike): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  return BigInt(value.toString());
}

function toNumber(value: NumberLike): number {
  return typeof value === 'number' ? value : Number(toBigInt(value));
}

function entries(object: object): CypherMap {
  const map: Record<string, CypherValue> = {};
  for (const [key, value] of Object.entries(object)) {
    // defineProperty, so that a key named `__proto__` becomes an entry rather than a prototype.
    Object.defineProperty(map, key, { value: fromDriverValue(value), enumerable: true, writable: true });
  }
  return map;
}

function node(value: InstanceType<typeof neo4j.types.Node>): Node {
  return new Node({
    id: toBigInt(value.identity),
    elementId: value.elementId,
    labels: value.labels,
    properties: entries(value.properties),
  });
}

function relationship(value: InstanceType<typeof neo4j.types.Relationship>): Relationship {
  return new Relationship({
    id: toBigInt(value.identity),
    elementId: value.elementId,
    startNodeId: toBigInt(value.start),
    startNodeElementId: value.startNodeElementId,
    endNodeId: toBigInt(value.end),
    endNodeElementId: value.endNodeElementId,
    type: value.type,
    properties: entries(value.properties),
  });
}

function path(value: InstanceType<typeof neo4j.types.Path>): Path {
  const nodes = [node(value.start)];
  const relationships: Relationship[] = [];
  for (const segment of value.segments) {
    relationships.push(relationship(segment.relationship));
    nodes.push(node(segment.end));
  }
  return new Path(nodes, relationships);
}

/** The wall-clock fields of the driver's LocalDateTime and DateTime. */
interface WallClock {
  readonly year: NumberLike;
  readonly month: NumberLike;
  readonly day: NumberLike;
  readonly hour: NumberLike;
  readonly minute: NumberLike;
  readonly second: NumberLike;
}

function localEpochSeconds(value: WallClock): bigint {
  return LocalDateTime.fromFields(
    toNumber(value.year),
    toNumber(value.month),
    toNumber(value.day),
    toNumber(value.hour),
    toNumber(value.minute),
    toNumber(value.second),
  ).epochSeconds;
}

function dateTime(value: InstanceType<typeof neo4j.types.DateTime>): DateTime {
  const local = localEpochSeconds(value);
  const nanoseconds = toNumber(value.nanosecond);
  const zoneId = value.timeZoneId ?? undefined;
  const offset = value.timeZoneOffsetSeconds;
  // With an offset the instant is exact (Bolt 5's UTC form sends both); without one it is a wall clock.
  if (offset !== undefined) {
    const offsetSeconds = toNumber(offset);
    return new DateTime(local - BigInt(offsetSeconds), nanoseconds, zoneId ?? offsetSeconds);
  }
  if (zoneId === undefined) throw new Error('driver DateTime without offset and zone');
  return DateTime.fromLocal(local, nanoseconds, zoneId);
}

function temporalOrPoint(value: object): CypherValue | undefined {
  if (neo4j.isDate(value)) {
    return CypherDate.fromFields(toNumber(value.year), toNumber(value.month), toNumber(value.day));
  }
  if (neo4j.isLocalTime(value)) {
    const { hour, minute, second, nanosecond } = value;
    return LocalTime.fromFields(toNumber(hour), toNumber(minute), toNumber(second), toNumber(nanosecond));
  }
  if (neo4j.isTime(value)) {
    const { hour, minute, second, nanosecond, timeZoneOffsetSeconds } = value;
    return Time.fromFields(
      toNumber(hour),
      toNumber(minute),
      toNumber(second),
      toNumber(nanosecond),
      toNumber(timeZoneOffsetSeconds),
    );
  }
  if (neo4j.isLocalDateTime(value))
    return new LocalDateTime(localEpochSeconds(value), toNumber(value.nanosecond));
  if (neo4j.isDateTime(value)) return dateTime(value);
  if (neo4j.isDuration(value)) {
    const { months, days, seconds, nanoseconds } = value;
    return new Duration(toBigInt(months), toBigInt(days), toBigInt(seconds), toBigInt(nanoseconds));
  }
  if (neo4j.isPoint(value)) {
    const z = value.z;
    return z === undefined
      ? new Point(toNumber(value.srid), value.x, value.y)
      : new Point(toNumber(value.srid), value.x, value.y, z);
  }
  return undefined;
}

/**
 * The Cypher value a driver value stands for.
 * @throws Error for a value the driver should never produce (a function, a symbol, an unknown class).
 */
export function fromDriverValue(value: unknown): CypherValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
    case 'bigint':
      return value;
    case 'number':
      // The driver decodes FLOAT as number; INTEGER arrives as bigint (useBigInt), so a number is a FLOAT.
      return value;
    case 'object':
      break;
    case 'function':
    case 'symbol':
    case 'undefined':
      throw new Error(`unexpected driver value of type ${typeof value}`);
  }
  if (Array.isArray(value)) return value.map(fromDriverValue);
  if (neo4j.isInt(value)) return toBigInt(value);
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  }
  if (neo4j.isNode(value)) return node(value);
  if (neo4j.isRelationship(value)) return relationship(value);
  if (neo4j.isPath(value)) return path(value);
  const special = temporalOrPoint(value);
  if (special !== undefined) return special;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Error(`unexpected driver value of class ${value.constructor.name}`);
  }
  return entries(value);
}

/**
 * A parameter value for the driver: integers stay `bigint` (the driver sends them as INTEGER), numbers are
 * FLOATs, lists and maps are converted element by element.
 * @throws Error for values the TCK never passes as parameters (graph entities, temporal values, points).
 */
export function toDriverValue(value: CypherValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value instanceof Uint8Array) return Int8Array.from(value);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Error(`a ${value.constructor.name} cannot be sent as a TCK parameter`);
  }
  const map: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value as CypherMap)) {
    Object.defineProperty(map, key, { value: toDriverValue(entry), enumerable: true, writable: true });
  }
  return map;
}
