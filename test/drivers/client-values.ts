/**
 * Value round trips for Quiver's Bolt client: the same value families as the driver rows, as Quiver values
 * (INTEGER = bigint, FLOAT = number, temporal/spatial/vector classes from src/values), compared with
 * deepStrictEqual (which tells 1n from 1, -0 from 0 and matches NaN).
 */
import assert from 'node:assert/strict';
import {
  CypherDate,
  DateTime,
  Duration,
  INT64_MAX,
  INT64_MIN,
  LocalDateTime,
  LocalTime,
  Point,
  Time,
  Uuid,
  Vector,
  type CypherValue,
} from '../../src/values/index.js';
import type { ClientRowContext } from './client-plans.js';
import { withClient } from './client-session.js';
import type { ScenarioNote } from './scenario-runner.js';

export interface ClientValueCase {
  readonly name: string;
  readonly value: CypherValue;
}

/** A map with an own `__proto__` key, as the values contract requires decoders to produce. */
function protoKeyMap(): CypherValue {
  const map: Record<string, CypherValue> = { constructor: 'not inherited' };
  Object.defineProperty(map, '__proto__', {
    value: 1n,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return map;
}

export function basicValues(): ClientValueCase[] {
  const integers = [0n, 1n, -1n, -16n, -17n, 127n, 128n, -128n, -129n, 32767n, 32768n, -32769n];
  const long = `${'0123456789'.repeat(7000)}é🎉`;
  return [
    { name: 'null', value: null },
    { name: 'true', value: true },
    { name: 'false', value: false },
    ...integers.map((value) => ({ name: `int ${value}`, value })),
    { name: 'int 2^31', value: 2147483648n },
    { name: 'int64 max', value: INT64_MAX },
    { name: 'int64 min', value: INT64_MIN },
    { name: 'float 1.5', value: 1.5 },
    { name: 'float 42', value: 42 },
    { name: 'float -0', value: -0 },
    { name: 'float NaN', value: Number.NaN },
    { name: 'float +Infinity', value: Number.POSITIVE_INFINITY },
    { name: 'float -Infinity', value: Number.NEGATIVE_INFINITY },
    { name: 'float max', value: Number.MAX_VALUE },
    { name: 'float min subnormal', value: Number.MIN_VALUE },
    { name: 'empty string', value: '' },
    { name: 'unicode string', value: 'héllo wörld ✓ 世界 🎉 \u0000 tab\tnewline\n' },
    { name: 'long string', value: long },
    { name: 'bytes', value: Uint8Array.of(0, 1, 127, 128, 255) },
    { name: 'empty bytes', value: new Uint8Array(0) },
    { name: '70 000 bytes', value: new Uint8Array(70_000).map((_, index) => index % 256) },
    { name: 'list', value: [1n, 'two', 3.5, [true, null], { k: 1n }] },
    { name: 'empty list', value: [] },
    { name: 'list of 1000 ints', value: Array.from({ length: 1000 }, (_, index) => BigInt(index)) },
    { name: 'map', value: { a: 1n, nested: { b: [1n, 2n] }, 'ünï ködé': 'x', '': 'empty key' } },
    { name: 'map with __proto__ and constructor keys', value: protoKeyMap() },
    { name: 'empty map', value: {} },
  ];
}

function local(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): bigint {
  return LocalDateTime.fromFields(year, month, day, hour, minute, second).epochSeconds;
}

export function temporalValues(): ClientValueCase[] {
  return [
    { name: 'Date', value: CypherDate.fromFields(2024, 2, 29) },
    { name: 'Date before 1970', value: CypherDate.fromFields(1969, 12, 31) },
    { name: 'LocalTime', value: LocalTime.fromFields(23, 59, 59, 999_999_999) },
    { name: 'LocalTime midnight', value: LocalTime.fromFields(0, 0) },
    { name: 'Time +01:00', value: Time.fromFields(12, 34, 56, 789, 3600) },
    { name: 'Time -05:30', value: Time.fromFields(1, 2, 3, 4, -(5 * 3600 + 30 * 60)) },
    { name: 'LocalDateTime', value: LocalDateTime.fromFields(2024, 2, 29, 12, 34, 56, 123_456_789) },
    { name: 'DateTime +02:00', value: DateTime.fromLocal(local(2024, 2, 29, 12, 34, 56), 1, 7200) },
    {
      name: 'DateTime -01:00 before 1970',
      value: DateTime.fromLocal(local(1969, 12, 31, 23, 59, 59), 999_999_999, -3600),
    },
    {
      name: 'DateTime Europe/Stockholm (summer time)',
      value: DateTime.fromLocal(local(2024, 7, 1, 12, 0, 0), 0, 'Europe/Stockholm'),
    },
    {
      name: 'DateTime America/New_York (winter)',
      value: DateTime.fromLocal(local(2024, 1, 15, 8, 30, 0), 500, 'America/New_York'),
    },
    { name: 'Duration', value: new Duration(14, 3, 7200, 5) },
    { name: 'Duration negative', value: new Duration(-1, -40, -3601, 500_000_000) },
  ];
}

export function spatialValues(): ClientValueCase[] {
  return [
    { name: 'Cartesian 2D (7203)', value: new Point(7203, 1.5, -2.5) },
    { name: 'Cartesian 3D (9157)', value: new Point(9157, 1, 2, 3.25) },
    { name: 'WGS-84 2D (4326)', value: new Point(4326, 12.5683, 55.6761) },
    { name: 'WGS-84 3D (4979)', value: new Point(4979, 12.5683, 55.6761, 10) },
  ];
}

export function vectorValues(): ClientValueCase[] {
  return [
    { name: 'FLOAT32 vector', value: new Vector(Float32Array.of(1.5, -2, 3.25)) },
    { name: 'FLOAT64 vector', value: new Vector(Float64Array.of(0.1, Number.MAX_VALUE, -0)) },
    { name: 'INT8 vector', value: new Vector(Int8Array.of(-128, 0, 127)) },
    { name: 'INT16 vector', value: new Vector(Int16Array.of(-32768, 1, 32767)) },
    { name: 'INT32 vector', value: new Vector(Int32Array.of(-2147483648, 2, 2147483647)) },
    { name: 'INT64 vector', value: new Vector(BigInt64Array.of(INT64_MIN, 3n, INT64_MAX)) },
  ];
}

export function uuidValues(): ClientValueCase[] {
  return [
    { name: 'nil UUID', value: Uuid.parse('00000000-0000-0000-0000-000000000000') },
    { name: 'max UUID', value: Uuid.parse('ffffffff-ffff-ffff-ffff-ffffffffffff') },
    { name: 'version 4 UUID', value: Uuid.parse('550e8400-e29b-41d4-a716-446655440000') },
    { name: 'list of UUIDs', value: [Uuid.fromBits(1n, 2n), Uuid.fromBits(-1n, 0n)] },
    { name: 'map with a UUID', value: { id: Uuid.fromBits(42n, 42n), name: 'x' } },
  ];
}

/** Sends every case as `$p` and expects it back unchanged; reports all mismatches at once. */
export async function clientRoundTrip(
  ctx: ClientRowContext,
  cases: readonly ClientValueCase[],
): Promise<ScenarioNote> {
  const mismatches: string[] = [];
  await withClient(ctx, async (client) => {
    for (const { name, value } of cases) {
      try {
        const { records } = await client.query('RETURN $p AS x', { p: value });
        assert.deepStrictEqual(records[0]?.[0], value);
      } catch (error) {
        const detail =
          error instanceof Error ? error.message.split('\n').slice(0, 12).join(' ') : String(error);
        mismatches.push(`${name}: ${detail}`);
        await client.reset().catch(() => undefined);
      }
    }
  });
  assert.deepEqual(mismatches, [], `${mismatches.length} of ${cases.length} values did not round-trip`);
  return undefined;
}
