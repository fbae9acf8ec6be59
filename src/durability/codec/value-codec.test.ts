import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DatabaseError, InternalError, Status } from '../../errors/index.js';
import { isStorable } from '../../storage/index.js';
import { DateTime, Node, Point, Vector, type CypherValue } from '../../values/index.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { storableValue } from './codec-arbitraries.fixture.js';
import { readValue, VALUE_TAG, writeValue } from './value-codec.js';

function roundTrip(value: CypherValue): CypherValue {
  const writer = new ByteWriter(8);
  writeValue(writer, value);
  const reader = new ByteReader(writer.finish());
  const decoded = readValue(reader);
  assert.equal(reader.isAtEnd, true, 'every byte belongs to the value');
  return decoded;
}

function isStorageDamage(error: unknown): boolean {
  return error instanceof DatabaseError && error.status === Status.StorageDamageDetected;
}

test('the arbitrary covers only storable values (and null)', () => {
  fc.assert(
    fc.property(storableValue(), (value) => {
      assert.equal(isStorable(value), true);
    }),
    { numRuns: 200 },
  );
});

test('every storable value round-trips exactly (deep equality, -0.0 and NaN included)', () => {
  fc.assert(
    fc.property(fc.oneof(storableValue(), fc.constant(null)), (value) => {
      assert.deepStrictEqual(roundTrip(value), value);
    }),
    { numRuns: 1000 },
  );
});

test('floats keep their sign of zero and NaN stays NaN', () => {
  assert.ok(Object.is(roundTrip(-0), -0));
  assert.ok(Number.isNaN(roundTrip(NaN)));
  assert.equal(roundTrip(-Infinity), -Infinity);
  assert.ok(Object.is((roundTrip([-0]) as number[])[0], -0));
});

test('a zoned date-time keeps its zone id and a fixed one its offset', () => {
  const zoned = roundTrip(new DateTime(1_700_000_000n, 5, 'Europe/Stockholm')) as DateTime;
  assert.equal(zoned.zoneId, 'Europe/Stockholm');
  assert.equal(zoned.offsetSeconds, 3600);
  const fixed = roundTrip(new DateTime(1_700_000_000n, 5, -34_200)) as DateTime;
  assert.equal(fixed.zoneId, null);
  assert.equal(fixed.offsetSeconds, -34_200);
});

test('bytes come back as a plain Uint8Array copy, even when read from a Buffer', () => {
  const writer = new ByteWriter();
  writeValue(writer, new Uint8Array([1, 2, 3]));
  const source = Buffer.from(writer.finish());
  const value = readValue(new ByteReader(source));
  assert.equal(Object.getPrototypeOf(value), Uint8Array.prototype);
  source.fill(0);
  assert.deepEqual([...(value as Uint8Array)], [1, 2, 3]);
});

test('vectors and 3D points keep their element type and dimensions', () => {
  const vector = roundTrip(new Vector(new Float32Array([1.5, -0, NaN]))) as Vector;
  assert.equal(vector.elementType, 'FLOAT32');
  assert.deepStrictEqual(vector, new Vector(new Float32Array([1.5, -0, NaN])));
  assert.deepStrictEqual(roundTrip(new Point(9157, 1, 2, 3)), new Point(9157, 1, 2, 3));
});

test('nodes cannot be written: storage never hands graph values to durability', () => {
  assert.throws(() => {
    writeValue(new ByteWriter(), new Node({ id: 1n }));
  }, InternalError);
});

test('an unknown tag, a truncated value or impossible fields are StorageDamageDetected', () => {
  assert.throws(() => readValue(new ByteReader(new Uint8Array([99]))), isStorageDamage);
  assert.throws(() => readValue(new ByteReader(new Uint8Array([VALUE_TAG.FLOAT, 0, 0]))), isStorageDamage);
  assert.throws(() => readValue(new ByteReader(new Uint8Array([VALUE_TAG.LIST, 50]))), isStorageDamage);
  // A local time of 2^40 ns is past the end of the day; SRID 1 does not exist; vector type 9 neither.
  const writer = new ByteWriter();
  writer.u8(VALUE_TAG.LOCAL_TIME);
  writer.varUint(2 ** 47);
  assert.throws(() => readValue(new ByteReader(writer.finish())), isStorageDamage);
  const point = new ByteWriter();
  point.u8(VALUE_TAG.POINT_2D);
  point.varUint(1);
  point.f64(0);
  point.f64(0);
  assert.throws(() => readValue(new ByteReader(point.finish())), isStorageDamage);
  assert.throws(
    () => readValue(new ByteReader(new Uint8Array([VALUE_TAG.VECTOR, 9, 1, 0]))),
    isStorageDamage,
  );
});

test('maps round-trip too, with a __proto__ key as an ordinary entry', () => {
  const map: Record<string, CypherValue> = {};
  Object.defineProperty(map, '__proto__', {
    value: 1n,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  map['b'] = ['x'];
  const decoded = roundTrip(map);
  assert.deepStrictEqual(decoded, map);
  assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
});
