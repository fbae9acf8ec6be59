import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cypherValue, valueOfKind } from '../../../test/support/value-arbitraries.js';
import type { CypherValue } from '../cypher-value.js';
import { Node } from '../graph/node.js';
import { Path } from '../graph/path.js';
import { Relationship } from '../graph/relationship.js';
import { Point } from '../spatial/point.js';
import { CypherDate } from '../temporal/date.js';
import { DateTime } from '../temporal/date-time.js';
import { Duration } from '../temporal/duration.js';
import { LocalDateTime } from '../temporal/local-date-time.js';
import { LocalTime } from '../temporal/local-time.js';
import { Time } from '../temporal/time.js';
import { Uuid } from '../uuid.js';
import { compare } from './compare.js';
import { equals } from './equals.js';
import { orderCompare } from './order-compare.js';

/** The four operators, from a comparison result, as Cypher evaluates them. */
function operators(
  a: CypherValue,
  b: CypherValue,
): [boolean | null, boolean | null, boolean | null, boolean | null] {
  const result = compare(a, b);
  if (result === null) return [null, null, null, null];
  return [result > 0, result >= 0, result < 0, result <= 0];
}

test('lists compare lexicographically, an incomparable pair before the decision gives null (TCK Comparison2 [4])', () => {
  const ge = (a: CypherValue, b: CypherValue): boolean | null => operators(a, b)[1];
  assert.equal(ge([1n, 0n], [1n]), true);
  assert.equal(ge([1n, 2n], [1n, null]), null);
  assert.equal(ge([1n, 'a'], [1n, null]), null);
  assert.equal(ge([1n, 2n], [3n, null]), false);
  assert.equal(compare([1n], [1n, null]), -1);
  assert.equal(compare([1n, 'foo'], [1n, 2n]), null);
});

test('every comparison with NaN is false, and null against another type (TCK Comparison2 [5])', () => {
  assert.deepEqual(operators(NaN, NaN), [false, false, false, false]);
  assert.deepEqual(operators(NaN, 1n), [false, false, false, false]);
  assert.deepEqual(operators(NaN, 'a'), [null, null, null, null]);
  assert.deepEqual(operators([NaN], [1n]), [false, false, false, false]);
});

test('numbers compare across types, strings never with numbers (TCK Comparison2 [6])', () => {
  assert.equal(operators(1.0, 1.0)[2], false);
  assert.equal(operators(1n, 1.0)[2], false);
  assert.equal(operators('1.0', 1.0)[2], null);
  assert.equal(operators('1', 1n)[2], null);
  assert.equal(compare(1n, 3.14), -1);
  assert.equal(compare('x', 'xy'), -1);
  assert.equal(compare(false, true), -1);
});

test('values of different types are incomparable, except integers with floats (TCK Comparison2 [3])', () => {
  const node = new Node({ id: 1n });
  const relationship = new Relationship({ id: 2n, type: 'T', startNodeId: 1n, endNodeId: 3n });
  const path = new Path([node, new Node({ id: 3n })], [relationship]);
  const values: CypherValue[] = [node, relationship, path, '', 1n, 3.14, true, null, [], {}];
  const comparable: string[] = [];
  for (const [i, lhs] of values.entries()) {
    for (const [j, rhs] of values.entries()) {
      if (i !== j && compare(lhs, rhs) !== null) comparable.push(`${i}<>${j}`);
    }
  }
  assert.deepEqual(comparable, ['4<>5', '5<>4']);
});

test('maps, nodes, relationships, paths, points and durations are incomparable even among themselves', () => {
  const node = new Node({ id: 1n });
  assert.equal(compare({ a: 1n }, { a: 2n }), null);
  assert.equal(compare(node, new Node({ id: 2n })), null);
  assert.equal(compare(new Path([node], []), new Path([node], [])), null);
  assert.equal(compare(new Point(7203, 1, 2), new Point(7203, 1, 3)), null);
  assert.equal(compare(new Duration(1, 0, 0, 0), new Duration(2, 0, 0, 0)), null);
  assert.equal(compare(new Uint8Array([1]), new Uint8Array([2])), null);
});

test('temporal instants compare within their type (TCK Temporal7)', () => {
  assert.deepEqual(operators(CypherDate.fromFields(1984, 10, 11), CypherDate.fromFields(1984, 10, 11)), [
    false,
    true,
    false,
    true,
  ]);
  const local = LocalTime.fromFields(12, 31, 14, 645_876_123);
  assert.deepEqual(operators(local, LocalTime.fromFields(12, 31, 14, 645_876_123)), [
    false,
    true,
    false,
    true,
  ]);
  const time = Time.fromFields(10, 0, 0, 0, 3600);
  assert.deepEqual(operators(time, Time.fromFields(9, 35, 14, 645_876_123, 0)), [false, false, true, true]);
  const earlier = LocalDateTime.fromFields(1980, 12, 11, 12, 31, 14);
  assert.deepEqual(operators(earlier, LocalDateTime.fromFields(1984, 10, 11, 12, 31, 14, 645_876_123)), [
    false,
    false,
    true,
    true,
  ]);
  const zoned = DateTime.fromLocal(LocalDateTime.fromFields(1980, 12, 11, 12, 31, 14).epochSeconds, 0, 0);
  const later = DateTime.fromLocal(
    LocalDateTime.fromFields(1984, 10, 11, 12, 31, 14).epochSeconds,
    0,
    18_000,
  );
  assert.deepEqual(operators(zoned, later), [false, false, true, true]);
  assert.equal(compare(CypherDate.fromFields(2000, 1, 1), LocalDateTime.fromFields(2000, 1, 1, 0, 0)), null);
});

test('the same instant in two zones is ordered by offset, west first, as Neo4j sorts it', () => {
  assert.equal(compare(new DateTime(0n, 0, -3600), new DateTime(0n, 0, 3600)), -1);
  assert.equal(compare(new DateTime(0n, 0, 0), new DateTime(0n, 0, 'UTC')), -1);
});

test('null compared with anything is null', () => {
  fc.assert(
    fc.property(cypherValue(), (value) => {
      assert.equal(compare(null, value), null);
      assert.equal(compare(value, null), null);
    }),
  );
});

test('comparison is antisymmetric: swapping the operands negates the result', () => {
  fc.assert(
    fc.property(cypherValue(), cypherValue(), (a, b) => {
      const forward = compare(a, b);
      const backward = compare(b, a);
      if (forward === null || Number.isNaN(forward)) assert.ok(Object.is(forward, backward));
      else assert.equal(forward, -(backward ?? NaN) + 0);
    }),
    { numRuns: 500 },
  );
});

test('where values are comparable, comparison agrees with the sort order and with equality', () => {
  const comparableKinds = fc.constantFrom(
    'INTEGER',
    'FLOAT',
    'STRING',
    'BOOLEAN',
    'LIST',
    'DATE',
    'LOCAL_TIME',
    'ZONED_TIME',
    'LOCAL_DATETIME',
    'ZONED_DATETIME',
  ) as fc.Arbitrary<'INTEGER'>;
  const sameKindPair = comparableKinds.chain((kind) => fc.tuple(valueOfKind(kind), valueOfKind(kind)));
  fc.assert(
    fc.property(sameKindPair, ([a, b]) => {
      const result = compare(a, b);
      if (result === null || Number.isNaN(result)) return;
      assert.equal(result, orderCompare(a, b));
      assert.equal(result === 0, equals(a, b) === true);
    }),
    { numRuns: 1000 },
  );
});

test('UUIDs compare by their 128 bits, as unsigned numbers (the order of their texts), and with no other type', () => {
  const low = Uuid.fromBits(0n, 1n);
  const high = Uuid.fromBits(-1n, 0n); // ffffffff-…: the sign bit set, still the larger one
  assert.equal(compare(low, high), -1);
  assert.equal(compare(high, low), 1);
  assert.equal(compare(low, Uuid.parse(low.text.toUpperCase())), 0);
  assert.equal(compare(low, low.text), null);
  assert.equal(orderCompare(low, high), -1);
  assert.equal(orderCompare(high, 'a string'), -1);
});
