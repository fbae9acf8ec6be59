/**
 * Value round-trip cases built with a driver's own types, and a normal form to compare what comes back
 * with what was sent: INTEGER and FLOAT stay distinct at the top level (`{int}` vs `{float}`), numeric
 * fields of temporal/spatial objects compare by value (drivers send numbers and receive Integers there),
 * typed arrays compare by element type and elements, maps by sorted keys.
 */
import type { DriverModule, IntegerLike } from './driver-api.js';

export interface ValueCase {
  readonly name: string;
  readonly value: unknown;
}

function text(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

function typedArrayValues(view: ArrayBufferView): string[] {
  if (view instanceof BigInt64Array || view instanceof BigUint64Array) return [...view].map(String);
  if (view instanceof DataView) return [];
  return Array.from(view as unknown as ArrayLike<number>, text);
}

/**
 * The normal form of a value returned by (or given to) a driver. `inside` marks fields of driver objects,
 * where a number and an Integer of the same value are the same thing.
 */
export function normalizeValue(neo4j: DriverModule, value: unknown, inside = false): unknown {
  if (value === null) return null;
  if (value === undefined) return '<undefined>';
  if (neo4j.isInt(value)) {
    const digits = (value as IntegerLike).toString();
    return inside ? digits : { int: digits };
  }
  switch (typeof value) {
    case 'number':
      return inside ? text(value) : { float: text(value) };
    case 'bigint':
      return inside ? String(value) : { bigint: String(value) };
    case 'string':
    case 'boolean':
      return value;
    case 'object':
      break;
    case 'function':
    case 'symbol':
    case 'undefined':
      return `<${typeof value}>`;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => normalizeValue(neo4j, item, inside));
  if (ArrayBuffer.isView(value)) return { [value.constructor.name]: typedArrayValues(value) };
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  const isPlain = prototype === Object.prototype || prototype === null;
  const normal: Record<string, unknown> = isPlain ? {} : { class: value.constructor.name };
  for (const [key, item] of entries) normal[key] = normalizeValue(neo4j, item, inside || !isPlain);
  return normal;
}

/** The normal form used to compare a sent and a returned value (zone-id DateTimes ignore the offset). */
export function comparable(neo4j: DriverModule, value: unknown): unknown {
  const normal = normalizeValue(neo4j, value);
  const zoneId =
    typeof value === 'object' && value !== null ? (value as { timeZoneId?: unknown }).timeZoneId : null;
  if (typeof zoneId !== 'string' || typeof normal !== 'object' || normal === null) return normal;
  // Drivers fill the offset of a zone-id DateTime from the zone rules (5.x+) or leave it empty (≤ 4.x); the
  // zone id and the wall clock are what the value is.
  const rest: Record<string, unknown> = { ...(normal as Record<string, unknown>) };
  delete rest['timeZoneOffsetSeconds'];
  return rest;
}

/** Scalars and collections: every PackStream marker size and the special floats. */
export function basicCases(neo4j: DriverModule): ValueCase[] {
  const int = (value: string | number) => neo4j.int(value);
  const long = `${'0123456789'.repeat(7000)}é🎉`;
  return [
    { name: 'null', value: null },
    { name: 'true', value: true },
    { name: 'false', value: false },
    ...[
      0, 1, -1, -16, -17, 127, 128, -128, -129, 32767, 32768, -32769, 2147483647, 2147483648, -2147483649,
    ].map((value) => ({ name: `int ${value}`, value: int(value) })),
    { name: 'int64 max', value: int('9223372036854775807') },
    { name: 'int64 min', value: int('-9223372036854775808') },
    { name: 'float 1.5', value: 1.5 },
    { name: 'float 42 (integral, still FLOAT)', value: 42 },
    { name: 'float -0', value: -0 },
    { name: 'float NaN', value: Number.NaN },
    { name: 'float +Infinity', value: Number.POSITIVE_INFINITY },
    { name: 'float -Infinity', value: Number.NEGATIVE_INFINITY },
    { name: 'float max', value: Number.MAX_VALUE },
    { name: 'float min subnormal', value: Number.MIN_VALUE },
    { name: 'empty string', value: '' },
    { name: 'unicode string', value: 'héllo wörld ✓ 世界 🎉 \u0000 tab\tnewline\n' },
    { name: `string of ${Buffer.byteLength(long)} UTF-8 bytes`, value: long },
    { name: 'bytes', value: Int8Array.of(0, 1, -1, 127, -128) },
    { name: 'empty bytes', value: new Int8Array(0) },
    { name: '70 000 bytes', value: new Int8Array(70_000).map((_, index) => (index % 256) - 128) },
    { name: 'list', value: [int(1), 'two', 3.5, [true, null], { k: int(1) }] },
    { name: 'empty list', value: [] },
    { name: 'list of 1000 ints', value: Array.from({ length: 1000 }, (_, index) => int(index)) },
    { name: 'map', value: { a: int(1), nested: { b: [int(1), int(2)] }, 'ünï ködé': 'x', '': 'empty key' } },
    { name: 'empty map', value: {} },
  ];
}

/** Every temporal type, including negative offsets, pre-epoch instants and zone ids. */
export function temporalCases(neo4j: DriverModule): ValueCase[] {
  const t = neo4j.types;
  return [
    { name: 'Date', value: new t.Date(2024, 2, 29) },
    { name: 'Date before 1970', value: new t.Date(1969, 12, 31) },
    { name: 'LocalTime', value: new t.LocalTime(23, 59, 59, 999_999_999) },
    { name: 'LocalTime midnight', value: new t.LocalTime(0, 0, 0, 0) },
    { name: 'Time +01:00', value: new t.Time(12, 34, 56, 789, 3600) },
    { name: 'Time -05:30', value: new t.Time(1, 2, 3, 4, -(5 * 3600 + 30 * 60)) },
    { name: 'LocalDateTime', value: new t.LocalDateTime(2024, 2, 29, 12, 34, 56, 123_456_789) },
    { name: 'LocalDateTime 1900', value: new t.LocalDateTime(1900, 1, 1, 0, 0, 0, 0) },
    { name: 'DateTime +02:00', value: new t.DateTime(2024, 2, 29, 12, 34, 56, 1, 7200, null) },
    {
      name: 'DateTime -01:00 before 1970',
      value: new t.DateTime(1969, 12, 31, 23, 59, 59, 999_999_999, -3600, null),
    },
    {
      name: 'DateTime Europe/Stockholm (summer time)',
      value: new t.DateTime(2024, 7, 1, 12, 0, 0, 0, null, 'Europe/Stockholm'),
    },
    {
      name: 'DateTime America/New_York (winter)',
      value: new t.DateTime(2024, 1, 15, 8, 30, 0, 500, null, 'America/New_York'),
    },
    { name: 'Duration', value: new t.Duration(14, 3, 7200, 5) },
    { name: 'Duration negative', value: new t.Duration(-1, -40, -3601, 500_000_000) },
  ];
}

/** 2D and 3D points in both coordinate reference systems. */
export function spatialCases(neo4j: DriverModule): ValueCase[] {
  const { Point } = neo4j.types;
  return [
    { name: 'Cartesian 2D (7203)', value: new Point(7203, 1.5, -2.5) },
    { name: 'Cartesian 3D (9157)', value: new Point(9157, 1, 2, 3.25) },
    { name: 'WGS-84 2D (4326)', value: new Point(4326, 12.5683, 55.6761) },
    { name: 'WGS-84 3D (4979)', value: new Point(4979, 12.5683, 55.6761, 10) },
  ];
}

/** Vectors of every element type (Bolt 6.0, 6.x drivers). */
export function vectorCases(neo4j: DriverModule): ValueCase[] {
  const vector = neo4j.vector;
  if (vector === undefined) return [];
  return [
    { name: 'FLOAT32 vector', value: vector(Float32Array.of(1.5, -2, 3.25)) },
    { name: 'FLOAT64 vector', value: vector(Float64Array.of(0.1, Number.MAX_VALUE, -0)) },
    { name: 'INT8 vector', value: vector(Int8Array.of(-128, 0, 127)) },
    { name: 'INT16 vector', value: vector(Int16Array.of(-32768, 1, 32767)) },
    { name: 'INT32 vector', value: vector(Int32Array.of(-2147483648, 2, 2147483647)) },
    {
      name: 'INT64 vector',
      value: vector(BigInt64Array.of(-9223372036854775808n, 3n, 9223372036854775807n)),
    },
  ];
}

/** UUIDs (Bolt 6.1): the extremes and a version 4 one, alone and inside a list and a map. */
export function uuidCases(neo4j: DriverModule): ValueCase[] {
  const uuid = neo4j.uuid;
  if (uuid === undefined) return [];
  return [
    { name: 'nil UUID', value: uuid('00000000-0000-0000-0000-000000000000') },
    { name: 'max UUID', value: uuid('ffffffff-ffff-ffff-ffff-ffffffffffff') },
    { name: 'version 4 UUID', value: uuid('550e8400-e29b-41d4-a716-446655440000') },
    {
      name: 'list of UUIDs',
      value: [uuid('00000000-0000-0001-0000-000000000002'), uuid('ffffffff-ffff-ffff-0000-000000000000')],
    },
    { name: 'map with a UUID', value: { id: uuid('00000000-0000-002a-0000-00000000002a'), name: 'x' } },
  ];
}
