import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherDate, Duration, Node, Point, Uuid, Vector, type CypherValue } from '../../values/index.js';
import { assertStorable, isStorable } from './property-value.js';

test('scalars, temporals, points, vectors, UUIDs, bytes and homogeneous lists are storable', () => {
  const values = [
    true,
    1n,
    1.5,
    Number.NaN,
    '',
    new Uint8Array([1, 2]),
    new CypherDate(0),
    new Point(7203, 1, 2),
    new Vector(new Float32Array([1, 2])),
    new Duration(1, 2, 3, 4),
    [],
    [1n, 2n],
    ['a'],
    [new Point(7203, 1, 2)],
    Uuid.fromBits(1n, 2n),
    [Uuid.fromBits(1n, 2n), Uuid.fromBits(3n, 4n)],
  ];
  for (const value of values)
    assert.doesNotThrow(() => {
      assertStorable(value);
    }, String(value));
});

/** Storable scalars, and homogeneous lists of one kind of them. */
function storableValue(): fc.Arbitrary<CypherValue> {
  const scalars: fc.Arbitrary<CypherValue>[] = [
    fc.boolean(),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    fc.double(),
    fc.string(),
    fc.integer({ min: -100_000, max: 100_000 }).map((day) => new CypherDate(day)),
    fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })).map(([x, y]) => new Point(7203, x, y)),
  ];
  return fc.oneof(...scalars, ...scalars.map((scalar) => fc.array(scalar, { maxLength: 4 })));
}

test('every scalar and homogeneous list of scalars is storable', () => {
  fc.assert(
    fc.property(storableValue(), (value) => {
      assert.equal(isStorable(value), true);
    }),
  );
});

test('a list mixing two kinds is never storable', () => {
  fc.assert(
    fc.property(
      fc.bigInt(),
      fc.oneof(fc.string(), fc.double(), fc.boolean()),
      fc.boolean(),
      (integer, other, integerFirst) => {
        assert.equal(isStorable(integerFirst ? [integer, other] : [other, integer]), false);
      },
    ),
  );
});

test("maps and graph values are rejected with Neo4j's TypeError message", () => {
  assert.throws(
    () => {
      assertStorable({ a: 1n });
    },
    {
      code: 'Neo.ClientError.Statement.TypeError',
      message: 'Property values can only be of primitive types or arrays thereof. Encountered: MAP.',
    },
  );
  assert.throws(
    () => {
      assertStorable(new Node({ id: 1n }));
    },
    { name: 'CypherTypeError' },
  );
});

test('lists must be homogeneous, without nulls and without nesting', () => {
  assert.throws(
    () => {
      assertStorable([1n, 2.0]);
    },
    {
      message: 'Collections containing mixed types can not be stored in properties.',
    },
  );
  assert.throws(
    () => {
      assertStorable(['a', null]);
    },
    {
      message: 'Collections containing null values can not be stored in properties.',
    },
  );
  assert.throws(
    () => {
      assertStorable([[1n]]);
    },
    {
      message: 'Collections containing collections can not be stored in properties.',
    },
  );
  assert.throws(
    () => {
      assertStorable([{ a: 1n }]);
    },
    { name: 'CypherTypeError' },
  );
  assert.throws(
    () => {
      assertStorable([new Uint8Array(1)]);
    },
    { name: 'CypherTypeError' },
  );
  assert.equal(isStorable(null), false);
});
