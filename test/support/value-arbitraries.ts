/**
 * fast-check arbitraries for every kind of Cypher value (src/values), for property tests in any layer:
 * PackStream and Bolt hydration round trips, sort and grouping operators, Cypher functions.
 * `cypherValue()` mixes all kinds with nested lists and maps up to a depth limit; each kind also has its own
 * arbitrary, and `valueOfKind(kind)` picks one by `ValueKind`. Generators cover the full ranges (int64
 * extremes, NaN/±Infinity/-0.0, supplementary characters, dates at years ±999,999,999, zone ids whose
 * offsets have seconds or odd minutes) while biasing towards small values so that equal values occur.
 */
import fc from 'fast-check';
import {
  CypherDate,
  DateTime,
  Duration,
  INT64_MAX,
  INT64_MIN,
  LocalDateTime,
  LocalTime,
  MAX_EPOCH_DAY,
  MAX_LOCAL_EPOCH_SECONDS,
  MAX_OFFSET_SECONDS,
  MIN_EPOCH_DAY,
  MIN_LOCAL_EPOCH_SECONDS,
  NANOS_PER_DAY,
  NANOS_PER_SECOND,
  Node,
  Path,
  Point,
  Relationship,
  Time,
  Vector,
  Uuid,
  kindOf,
  type CypherList,
  type CypherMap,
  type CypherValue,
  type ValueKind,
} from '../../src/values/index.js';

/** Zone ids used for zoned date-times: DST zones, half-hour and 45-minute offsets, an alias, and UTC. */
export const ZONE_IDS = [
  'UTC',
  'Europe/London',
  'Europe/Stockholm',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Calcutta',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
] as const;

/** Builds a MAP from entries, defining each key as an own data property (so `__proto__` is a key too). */
export function mapFromEntries(entries: readonly (readonly [string, CypherValue])[]): CypherMap {
  const map: Record<string, CypherValue> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return map;
}

export function nullValue(): fc.Arbitrary<null> {
  return fc.constant(null);
}

export function booleanValue(): fc.Arbitrary<boolean> {
  return fc.boolean();
}

/** INTEGER over the whole int64 range, biased to small values and to the edges of exact float conversion. */
export function integerValue(): fc.Arbitrary<bigint> {
  return fc.oneof(
    { arbitrary: fc.bigInt({ min: -20n, max: 20n }), weight: 4 },
    { arbitrary: fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), weight: 2 },
    fc.constantFrom(INT64_MIN, INT64_MAX, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 62n),
  );
}

/** FLOAT, with NaN, ±Infinity, -0.0, integral values that equal INTEGERs, and large integral floats. */
export function floatValue(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.double(), weight: 3 },
    { arbitrary: fc.integer({ min: -20, max: 20 }), weight: 2 },
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53, 2 ** 63, -(2 ** 63), 1e300),
  );
}

/** STRING: any code points (supplementary ones included), plus short ASCII strings that collide often. */
export function stringValue(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 8 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 3 }),
    fc.constantFrom('', 'a', '\uffff', '\u{10000}', '\ue000', '\u{1f600}'),
  );
}

export function bytesValue(): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({ maxLength: 12 });
}

/** A list of values drawn from `element`. */
export function listValue(element: fc.Arbitrary<CypherValue>): fc.Arbitrary<CypherValue[]> {
  return fc.array(element, { maxLength: 4 });
}

function mapKey(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom('a', 'b', 'c', 'name'), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 2 },
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  );
}

/** A map whose values are drawn from `value`; keys include inherited names such as `__proto__`. */
export function mapValue(value: fc.Arbitrary<CypherValue>): fc.Arbitrary<CypherMap> {
  return fc
    .uniqueArray(fc.tuple(mapKey(), value), { selector: ([key]) => key, maxLength: 4 })
    .map((entries) => mapFromEntries(entries));
}

/** A value that can be a node or relationship property: scalars, temporals, points, homogeneous lists. */
export function propertyValue(): fc.Arbitrary<CypherValue> {
  const scalar = fc.oneof(booleanValue(), integerValue(), floatValue(), stringValue());
  return fc.oneof(
    { arbitrary: scalar, weight: 4 },
    dateValue(),
    pointValue(),
    fc.array(integerValue(), { maxLength: 3 }),
    fc.array(stringValue(), { maxLength: 3 }),
  );
}

function entityId(): fc.Arbitrary<bigint> {
  return fc.oneof(
    { arbitrary: fc.bigInt({ min: 0n, max: 12n }), weight: 4 },
    fc.bigInt({ min: 0n, max: INT64_MAX }),
  );
}

function label(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('Person', 'Movie', 'N', 'A'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 5 }),
  );
}

export function nodeValue(): fc.Arbitrary<Node> {
  return fc
    .record({
      id: entityId(),
      labels: fc.uniqueArray(label(), { maxLength: 3 }),
      properties: mapValue(propertyValue()),
    })
    .map((init) => new Node({ ...init, elementId: `4:quiver:${init.id}` }));
}

function relationshipBetween(
  id: bigint,
  type: string,
  from: bigint,
  to: bigint,
  properties: CypherMap,
): Relationship {
  return new Relationship({
    id,
    type,
    startNodeId: from,
    endNodeId: to,
    properties,
    elementId: `5:quiver:${id}`,
  });
}

export function relationshipValue(): fc.Arbitrary<Relationship> {
  return fc
    .tuple(
      entityId(),
      fc.constantFrom('KNOWS', 'REL', 'T'),
      entityId(),
      entityId(),
      mapValue(propertyValue()),
    )
    .map(([id, type, from, to, properties]) => relationshipBetween(id, type, from, to, properties));
}

/** A valid path of 0..3 hops, each relationship pointing either way. */
export function pathValue(): fc.Arbitrary<Path> {
  const hop = fc.tuple(nodeValue(), entityId(), fc.constantFrom('KNOWS', 'REL'), fc.boolean());
  return fc.tuple(nodeValue(), fc.array(hop, { maxLength: 3 })).map(([start, hops]) => {
    const nodes = [start];
    const relationships: Relationship[] = [];
    let previous = start;
    for (const [node, id, type, isForward] of hops) {
      const [from, to] = isForward ? [previous.id, node.id] : [node.id, previous.id];
      relationships.push(relationshipBetween(id, type, from, to, {}));
      nodes.push(node);
      previous = node;
    }
    return new Path(nodes, relationships);
  });
}

export function dateValue(): fc.Arbitrary<CypherDate> {
  return fc
    .oneof(
      { arbitrary: fc.integer({ min: -30_000, max: 60_000 }), weight: 3 },
      fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY }),
      fc.constantFrom(MIN_EPOCH_DAY, MAX_EPOCH_DAY, 0, -1),
    )
    .map((epochDay) => new CypherDate(epochDay));
}

function nanosecondOfDay(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.bigInt({ min: 0n, max: BigInt(NANOS_PER_DAY - 1) }).map(Number),
    fc.integer({ min: 0, max: 1439 }).map((minute) => minute * 60 * NANOS_PER_SECOND),
    fc.constantFrom(0, 1, NANOS_PER_DAY - 1, 12 * 3600 * NANOS_PER_SECOND),
  );
}

function nanosecond(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max: NANOS_PER_SECOND - 1 }),
    fc.constantFrom(0, 1, 142_000_000, 999_999_999),
  );
}

function offsetSeconds(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.integer({ min: -72, max: 72 }).map((quarters) => quarters * 900), weight: 3 },
    fc.integer({ min: -MAX_OFFSET_SECONDS, max: MAX_OFFSET_SECONDS }),
  );
}

export function localTimeValue(): fc.Arbitrary<LocalTime> {
  return nanosecondOfDay().map((nanos) => new LocalTime(nanos));
}

export function timeValue(): fc.Arbitrary<Time> {
  return fc.tuple(nanosecondOfDay(), offsetSeconds()).map(([nanos, offset]) => new Time(nanos, offset));
}

/** Epoch seconds around the years 1800..2200, where zones have interesting rules. */
function modernEpochSeconds(): fc.Arbitrary<bigint> {
  return fc.bigInt({ min: -5_364_662_400n, max: 7_258_118_400n });
}

export function localDateTimeValue(): fc.Arbitrary<LocalDateTime> {
  const seconds = fc.oneof(
    modernEpochSeconds(),
    fc.bigInt({ min: MIN_LOCAL_EPOCH_SECONDS, max: MAX_LOCAL_EPOCH_SECONDS }),
  );
  return fc
    .tuple(seconds, nanosecond())
    .map(([epochSeconds, nanos]) => new LocalDateTime(epochSeconds, nanos));
}

export function dateTimeValue(): fc.Arbitrary<DateTime> {
  // Keep 18 h away from the ends so that any offset leaves the local date-time in range.
  const margin = BigInt(MAX_OFFSET_SECONDS);
  const anySeconds = fc.bigInt({
    min: MIN_LOCAL_EPOCH_SECONDS + margin,
    max: MAX_LOCAL_EPOCH_SECONDS - margin,
  });
  const seconds = fc.oneof({ arbitrary: modernEpochSeconds(), weight: 3 }, anySeconds);
  const zone = fc.oneof(offsetSeconds(), fc.constantFrom(...ZONE_IDS));
  return fc
    .tuple(seconds, nanosecond(), zone)
    .map(([epochSeconds, nanos, spec]) => new DateTime(epochSeconds, nanos, spec));
}

export function durationValue(): fc.Arbitrary<Duration> {
  const component = fc.oneof(
    { arbitrary: fc.bigInt({ min: -30n, max: 30n }), weight: 4 },
    fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
  );
  // Seconds stay one below the int64 limits so that the nanosecond carry cannot overflow.
  const seconds = fc.oneof(
    { arbitrary: fc.bigInt({ min: -100_000n, max: 100_000n }), weight: 4 },
    fc.bigInt({ min: INT64_MIN + 1n, max: INT64_MAX - 1n }),
  );
  const nanos = fc.integer({ min: -(NANOS_PER_SECOND - 1), max: NANOS_PER_SECOND - 1 });
  return fc
    .tuple(component, component, seconds, nanos)
    .map(([months, days, secs, nanoseconds]) => new Duration(months, days, secs, nanoseconds));
}

export function pointValue(): fc.Arbitrary<Point> {
  const coordinate = fc.oneof({ arbitrary: fc.integer({ min: -3, max: 3 }), weight: 3 }, fc.double());
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(7203, 4326), coordinate, coordinate)
      .map(([srid, x, y]) => new Point(srid, x, y)),
    fc
      .tuple(fc.constantFrom(9157, 4979), coordinate, coordinate, coordinate)
      .map(([srid, x, y, z]) => new Point(srid, x, y, z)),
  );
}

/** UUIDs: any 16 bytes, with a bias to the extremes (all zeros, all ones). */
export function uuidValue(): fc.Arbitrary<Uuid> {
  return fc
    .oneof(
      { arbitrary: fc.uint8Array({ minLength: 16, maxLength: 16 }), weight: 8 },
      fc.constant(new Uint8Array(16)),
      fc.constant(new Uint8Array(16).fill(0xff)),
    )
    .map((bytes) => new Uuid(bytes));
}

/** Vectors of every element type, 1..6 elements. */
export function vectorValue(): fc.Arbitrary<Vector> {
  const size = { minLength: 1, maxLength: 6 };
  return fc
    .oneof(
      fc.int8Array(size),
      fc.int16Array(size),
      fc.int32Array(size),
      fc.bigInt64Array(size),
      fc.float32Array(size),
      fc.float64Array(size),
    )
    .map((values) => new Vector(values));
}

/** One arbitrary per kind of value that holds no nested arbitrary values. */
const LEAF_ARBITRARIES = {
  NULL: nullValue(),
  BOOLEAN: booleanValue(),
  INTEGER: integerValue(),
  FLOAT: floatValue(),
  STRING: stringValue(),
  BYTES: bytesValue(),
  NODE: nodeValue(),
  RELATIONSHIP: relationshipValue(),
  PATH: pathValue(),
  DATE: dateValue(),
  LOCAL_TIME: localTimeValue(),
  ZONED_TIME: timeValue(),
  LOCAL_DATETIME: localDateTimeValue(),
  ZONED_DATETIME: dateTimeValue(),
  DURATION: durationValue(),
  POINT: pointValue(),
  VECTOR: vectorValue(),
  UUID: uuidValue(),
} satisfies Record<Exclude<ValueKind, 'LIST' | 'MAP'>, fc.Arbitrary<CypherValue>>;

/** Any value that is neither a list nor a map. */
export function leafValue(): fc.Arbitrary<CypherValue> {
  return fc.oneof(...Object.values(LEAF_ARBITRARIES));
}

export interface CypherValueOptions {
  /** How deeply lists and maps may nest (0: no containers). Default 2. */
  readonly maxDepth?: number;
}

/** Any Cypher value, lists and maps nested up to `maxDepth`. */
export function cypherValue(options: CypherValueOptions = {}): fc.Arbitrary<CypherValue> {
  const maxDepth = options.maxDepth ?? 2;
  if (maxDepth <= 0) return leafValue();
  const inner = cypherValue({ maxDepth: maxDepth - 1 });
  return fc.oneof({ arbitrary: leafValue(), weight: 4 }, listValue(inner), mapValue(inner));
}

/** The arbitrary for one kind; lists and maps hold any values nested up to depth 1. */
export function valueOfKind(kind: ValueKind): fc.Arbitrary<CypherValue> {
  if (kind === 'LIST') return listValue(cypherValue({ maxDepth: 1 }));
  if (kind === 'MAP') return mapValue(cypherValue({ maxDepth: 1 }));
  return LEAF_ARBITRARIES[kind];
}

function flipZero(value: number): number {
  return value === 0 ? (Object.is(value, 0) ? -0 : 0) : value;
}

function twinNumber(value: bigint | number): bigint | number {
  if (typeof value === 'bigint') {
    return value >= -(2n ** 53n) && value <= 2n ** 53n ? Number(value) : value;
  }
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? BigInt(value) : flipZero(value);
}

/**
 * A different representation of an equivalent value: integral floats and safe integers swapped, -0.0 and
 * 0.0 swapped, maps rebuilt in reverse key order, nodes and relationships re-created with the same id but
 * other labels or properties, zone ids replaced by an alias, byte arrays and typed arrays copied. Tests of
 * DISTINCT, grouping and hashing use it to produce equivalent pairs, which random pairs rarely are.
 */
export function equivalentTwin(value: CypherValue): CypherValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number') return twinNumber(value);
  if (Array.isArray(value)) return (value as CypherList).map(equivalentTwin);
  const kind = kindOf(value);
  if (kind === 'MAP') {
    const entries = Object.entries(value as CypherMap).reverse();
    return mapFromEntries(entries.map(([key, item]) => [key, equivalentTwin(item)] as const));
  }
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (value instanceof Node) return new Node({ id: value.id, labels: ['Twin'], properties: { twin: true } });
  if (value instanceof Relationship) {
    return new Relationship({
      id: value.id,
      type: 'TWIN',
      startNodeId: value.startNodeId,
      endNodeId: value.endNodeId,
    });
  }
  if (value instanceof Path) {
    return new Path(
      value.nodes.map((node) => new Node({ id: node.id })),
      value.relationships,
    );
  }
  if (value instanceof DateTime) {
    const aliases: Record<string, string> = {
      'Asia/Kolkata': 'Asia/Calcutta',
      'Asia/Calcutta': 'Asia/Kolkata',
    };
    const zone =
      value.zoneId === null ? value.offsetSeconds : (aliases[value.zoneId] ?? value.zoneId.toLowerCase());
    return new DateTime(value.epochSeconds, value.nanoseconds, zone);
  }
  if (value instanceof Point) {
    return value.z === undefined
      ? new Point(value.srid, flipZero(value.x), flipZero(value.y))
      : new Point(value.srid, flipZero(value.x), flipZero(value.y), flipZero(value.z));
  }
  if (value instanceof Uuid) return new Uuid(value.bytes);
  if (value instanceof Vector) {
    const copy = value.values.slice();
    if (copy instanceof Float32Array || copy instanceof Float64Array)
      copy.forEach((item, index) => (copy[index] = flipZero(item)));
    return new Vector(copy);
  }
  return value;
}

/** Pairs of equivalent values with different representations (see `equivalentTwin`). */
export function equivalentPair(options: CypherValueOptions = {}): fc.Arbitrary<[CypherValue, CypherValue]> {
  return cypherValue(options).map((value) => [value, equivalentTwin(value)]);
}
