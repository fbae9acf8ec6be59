import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cypherValue, valueOfKind } from '../../../test/support/value-arbitraries.js';
import type { CypherValue } from '../cypher-value.js';
import { Node } from '../graph/node.js';
import { Path } from '../graph/path.js';
import { Relationship } from '../graph/relationship.js';
import { kindOf, type ValueKind } from '../kind.js';
import { Point } from '../spatial/point.js';
import { Vector } from '../spatial/vector.js';
import { Uuid } from '../uuid.js';
import { CypherDate } from '../temporal/date.js';
import { DateTime } from '../temporal/date-time.js';
import { Duration } from '../temporal/duration.js';
import { LocalDateTime } from '../temporal/local-date-time.js';
import { LocalTime } from '../temporal/local-time.js';
import { Time } from '../temporal/time.js';
import { equivalent } from './equivalent.js';
import { orderCompare, TYPE_ORDER } from './order-compare.js';

function sorted(values: readonly CypherValue[]): CypherValue[] {
  return [...values].sort(orderCompare);
}

const n = new Node({ id: 1n, labels: ['N'] });
const m = new Node({ id: 2n });
const r = new Relationship({ id: 5n, type: 'REL', startNodeId: 1n, endNodeId: 2n });
const p = new Path([n, m], [r]);

test('mixed types sort in the TCK order (ReturnOrderBy1 [11])', () => {
  const map = { a: 'map' };
  const list = ['list'];
  const values: CypherValue[] = [n, r, p, 1.5, list, 'text', null, false, NaN, map];
  const result = sorted(values);
  assert.deepEqual(result.slice(0, 8), [map, n, r, list, p, 'text', false, 1.5]);
  assert.ok(Number.isNaN(result[8]));
  assert.equal(result[9], null);
});

test('the CIP example sorts maps, lists, strings, booleans, numbers, then null', () => {
  const values: CypherValue[] = [1n, true, '', 3.14, {}, [2n], null];
  assert.deepEqual(sorted(values), [{}, [2n], '', true, 1n, 3.14, null]);
});

test('one value of each kind sorts in the documented hierarchy of types', () => {
  const byKind: Record<ValueKind, CypherValue> = {
    MAP: {},
    NODE: n,
    RELATIONSHIP: r,
    LIST: [],
    BYTES: new Uint8Array(0),
    PATH: p,
    VECTOR: new Vector(new Int8Array([1])),
    POINT: new Point(7203, 0, 0),
    ZONED_DATETIME: new DateTime(0n, 0, 0),
    LOCAL_DATETIME: new LocalDateTime(0n),
    DATE: new CypherDate(0),
    ZONED_TIME: new Time(0, 0),
    LOCAL_TIME: new LocalTime(0),
    DURATION: new Duration(0, 0, 0, 0),
    UUID: new Uuid(new Uint8Array(16)),
    STRING: '',
    BOOLEAN: false,
    INTEGER: 0n,
    FLOAT: 0.5,
    NULL: null,
  };
  const kinds = Object.keys(byKind) as ValueKind[];
  const shuffled = [...kinds].reverse().map((kind) => byKind[kind]);
  assert.deepEqual(sorted(shuffled).map(kindOf), kinds);
  assert.deepEqual(kinds, Object.keys(TYPE_ORDER));
});

test('lists sort lexicographically with a shorter prefix first', () => {
  assert.equal(orderCompare([1n, 'foo', 3n], [1n, 2n, 'bar']), -1);
  assert.equal(orderCompare([1n, 'foo'], [1n, 'foo', 3n]), -1);
  assert.equal(orderCompare([1n], [1n, null]), -1);
  assert.deepEqual(
    sorted([
      [null, 2n],
      [null, 1n],
      [1n, 2n],
    ]),
    [
      [1n, 2n],
      [null, 1n],
      [null, 2n],
    ],
  );
});

test('maps sort by size, then sorted keys, then values in key order (Neo4j manual)', () => {
  assert.equal(orderCompare({ a: 1n }, { a: 0n, b: 'foo' }), -1);
  assert.equal(orderCompare({ b: 100n, a: 'foo' }, { a: '', c: null }), -1);
  assert.equal(orderCompare({ b: 100n, a: 'foo' }, { a: 'foo', b: null }), -1);
  assert.equal(orderCompare({ a: 1n, b: 2n }, { b: 2n, a: 1.0 }), 0);
});

test('numbers sort exactly across types with NaN after +Infinity', () => {
  const values: CypherValue[] = [NaN, Infinity, 2n ** 53n + 1n, 2 ** 53, -Infinity, -(2n ** 63n), 0.5, 0n];
  assert.deepEqual(sorted(values).slice(0, 7), [
    -Infinity,
    -(2n ** 63n),
    0n,
    0.5,
    2 ** 53,
    2n ** 53n + 1n,
    Infinity,
  ]);
});

test('points sort by SRID, then coordinates', () => {
  const points = [
    new Point(9157, 0, 0, 0),
    new Point(7203, 1, 0),
    new Point(4979, 0, 0, 0),
    new Point(4326, 5, 5),
    new Point(7203, 0, 9),
  ];
  assert.deepEqual(sorted(points).map(String), [
    "point({x: 5.0, y: 5.0, crs: 'wgs-84'})",
    "point({x: 0.0, y: 0.0, z: 0.0, crs: 'wgs-84-3d'})",
    "point({x: 0.0, y: 9.0, crs: 'cartesian'})",
    "point({x: 1.0, y: 0.0, crs: 'cartesian'})",
    "point({x: 0.0, y: 0.0, z: 0.0, crs: 'cartesian-3d'})",
  ]);
});

test('vectors sort by element type, then dimension, then elements', () => {
  const vectors = [
    new Vector(new Float32Array([2, 1])),
    new Vector(new Float64Array([0])),
    new Vector(new Int32Array([9, 9, 9])),
    new Vector(new Float32Array([1, 2])),
    new Vector(new Int8Array([5])),
    new Vector(new Float32Array([0, 0, 0])),
  ];
  assert.deepEqual(sorted(vectors).map(String), [
    'vector([5], 1, INTEGER8)',
    'vector([9, 9, 9], 3, INTEGER32)',
    'vector([1.0, 2.0], 2, FLOAT32)',
    'vector([2.0, 1.0], 2, FLOAT32)',
    'vector([0.0, 0.0, 0.0], 3, FLOAT32)',
    'vector([0.0], 1, FLOAT)',
  ]);
});

test('durations sort by average length, a month being 30.436875 days', () => {
  const month = new Duration(1, 0, 0, 0);
  assert.equal(orderCompare(month, new Duration(0, 30, 0, 0)), 1);
  assert.equal(orderCompare(month, new Duration(0, 31, 0, 0)), -1);
  assert.equal(orderCompare(month, new Duration(0, 30, 37_746, 0)), 1);
  assert.equal(orderCompare(new Duration(0, 1, 0, 0), new Duration(0, 0, 86_400, 0)), 1);
});

test('zoned date-times at one instant sort by offset, then offsets before zones, then zone name', () => {
  const values = [
    new DateTime(0n, 0, 'Europe/London'),
    new DateTime(0n, 0, 'Africa/Abidjan'),
    new DateTime(0n, 0, 0),
    new DateTime(0n, 0, -3600),
    new DateTime(-1n, 0, 3600),
  ];
  assert.deepEqual(sorted(values).map(String), [
    '1970-01-01T00:59:59+01:00',
    '1969-12-31T23:00:00-01:00',
    '1970-01-01T00:00:00Z',
    '1970-01-01T00:00:00Z[Africa/Abidjan]',
    '1970-01-01T01:00:00+01:00[Europe/London]',
  ]);
});

test('paths sort element by element, a prefix first', () => {
  const o = new Node({ id: 3n });
  const s = new Relationship({ id: 6n, type: 'REL', startNodeId: 2n, endNodeId: 3n });
  const longer = new Path([n, m, o], [r, s]);
  assert.equal(orderCompare(p, longer), -1);
  assert.equal(orderCompare(new Path([m], []), p), 1);
});

test('the order is reflexive and antisymmetric on generated values of every kind', () => {
  fc.assert(
    fc.property(cypherValue(), cypherValue(), (a, b) => {
      assert.equal(orderCompare(a, a), 0);
      assert.equal(orderCompare(a, b), -orderCompare(b, a) + 0);
    }),
    { numRuns: 500 },
  );
});

test('the order is transitive: a sorted array is ordered pairwise', () => {
  const kinds = Object.keys(TYPE_ORDER) as ValueKind[];
  const sameKindValues = fc
    .constantFrom(...kinds)
    .chain((kind) => fc.array(valueOfKind(kind), { minLength: 2, maxLength: 12 }));
  const mixedValues = fc.array(cypherValue(), { minLength: 2, maxLength: 25 });
  fc.assert(
    fc.property(fc.oneof(sameKindValues, mixedValues), (values) => {
      const result = sorted(values);
      for (let i = 0; i < result.length; i++) {
        for (let j = i + 1; j < result.length; j++) {
          assert.ok(orderCompare(result[i]!, result[j]!) <= 0);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('the order ties two values exactly when they are equivalent', () => {
  const kinds = Object.keys(TYPE_ORDER) as ValueKind[];
  const sameKindPair = fc
    .constantFrom(...kinds)
    .chain((kind) => fc.tuple(valueOfKind(kind), valueOfKind(kind)));
  fc.assert(
    fc.property(fc.oneof(sameKindPair, fc.tuple(cypherValue(), cypherValue())), ([a, b]) => {
      assert.equal(orderCompare(a, b) === 0, equivalent(a, b));
    }),
    { numRuns: 1000 },
  );
});
