import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cypherValue, equivalentPair } from '../../../test/support/value-arbitraries.js';
import type { CypherValue } from '../cypher-value.js';
import { Node } from '../graph/node.js';
import { Path } from '../graph/path.js';
import { Relationship } from '../graph/relationship.js';
import { Point } from '../spatial/point.js';
import { Vector } from '../spatial/vector.js';
import { CypherDate } from '../temporal/date.js';
import { DateTime } from '../temporal/date-time.js';
import { Duration } from '../temporal/duration.js';
import { LocalTime } from '../temporal/local-time.js';
import { Time } from '../temporal/time.js';
import { equals } from './equals.js';
import { equivalent } from './equivalent.js';

/** Whether a value has a null or a float NaN anywhere in its lists and maps (where `=` is not reflexive). */
function hasNullOrNaN(value: CypherValue): boolean {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return true;
  if (Array.isArray(value)) return (value as readonly CypherValue[]).some(hasNullOrNaN);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, CypherValue>).some(hasNullOrNaN);
  }
  return false;
}

const NaN_ = 0 / 0;

test('lists compare element-wise with ternary logic (TCK Comparison1 [6])', () => {
  assert.equal(equals([null], [1n]), null);
  assert.equal(equals(['a'], [1n]), false);
  assert.equal(equals([[1n], [2n]], [[1n], [null]]), null);
  assert.equal(equals([[1n], [2n, 3n]], [[1n], [null]]), false);
  assert.equal(equals([1n, 2n], [1n]), false);
  assert.equal(equals([[1n]], [[1n], [null]]), false);
  assert.equal(equals([3n, 4n], [3n, 4.0]), true);
});

test('maps compare key sets, then values with ternary logic (TCK Comparison1 [7])', () => {
  const cases: [CypherValue, CypherValue, boolean | null][] = [
    [{}, {}, true],
    [{ k: true }, { k: true }, true],
    [{ k: 1n }, { k: 1n }, true],
    [{ k: 1.0 }, { k: 1.0 }, true],
    [{ k: 'abc' }, { k: 'abc' }, true],
    [{ k: 'a', l: 2n }, { l: 2n, k: 'a' }, true],
    [{}, { k: null }, false],
    [{ k: null }, {}, false],
    [{ k: null, l: 1n }, { l: 1n }, false],
    [{ k: null }, { k: null, l: null }, false],
    [{ k: null }, { k: null }, null],
    [{ k: 1n }, { k: null }, null],
    [{ k: 1n, l: null }, { k: null, l: 1n }, null],
    [{ k: 1n, l: null }, { k: 1n, l: 1n }, null],
  ];
  for (const [left, right, expected] of cases) assert.equal(equals(left, right), expected);
});

test('inherited names are not mistaken for keys', () => {
  assert.equal(equals({ constructor: 1n }, {}), false);
  assert.equal(equals({}, { toString: 'x' }), false);
});

test('NaN equals nothing, itself included (TCK Comparison1 [8])', () => {
  assert.equal(equals(NaN_, 1.0), false);
  assert.equal(equals(NaN_, NaN_), false);
  assert.equal(equals([NaN_], [NaN_]), false);
});

test('numbers are equal across INTEGER and FLOAT, strings never equal numbers (TCK Comparison1 [9])', () => {
  assert.equal(equals(1n, 1.0), true);
  assert.equal(equals('1.0', 1.0), false);
  assert.equal(equals('1', 1n), false);
  assert.equal(equals(0n, -0), true);
});

test('large integers compare exactly (TCK Comparison1 [10]-[13])', () => {
  assert.equal(equals(4611686018427387905n, 4611686018427387905n), true);
  assert.equal(equals(4611686018427387905n, 4611686018427387900n), false);
  assert.equal(equals(4611686018427387905n, 4611686018427387904), false);
});

test('null on either side gives null', () => {
  assert.equal(equals(null, null), null);
  assert.equal(equals(null, 1n), null);
  assert.equal(equals([1n], null), null);
});

test('values of different types are not equal, a path is not a list', () => {
  const node = new Node({ id: 1n });
  const path = new Path([node], []);
  assert.equal(equals(path, [node]), false);
  assert.equal(equals(node, { id: 1n }), false);
  assert.equal(equals(new LocalTime(0), new Time(0, 0)), false);
  assert.equal(equals(new Uint8Array([1]), [1n]), false);
});

test('nodes and relationships are equal by id, paths by their elements in either direction (TCK [4], [14])', () => {
  assert.equal(equals(new Node({ id: 1n, labels: ['A'] }), new Node({ id: 1n })), true);
  assert.equal(equals(new Node({ id: 1n }), new Node({ id: 2n })), false);
  const a = new Node({ id: 1n, labels: ['A'] });
  const loop = new Relationship({ id: 7n, type: 'LOOP', startNodeId: 1n, endNodeId: 1n });
  assert.equal(equals(new Path([a, a], [loop]), new Path([a, a], [loop])), true);
  const other = new Relationship({ id: 8n, type: 'LOOP', startNodeId: 1n, endNodeId: 1n });
  assert.equal(equals(new Path([a, a], [loop]), new Path([a, a], [other])), false);
});

test('temporal values are equal by their fields (TCK Temporal7)', () => {
  assert.equal(equals(CypherDate.fromFields(1984, 10, 11), CypherDate.fromFields(1984, 10, 11)), true);
  assert.equal(equals(Time.fromFields(10, 0, 0, 0, 3600), Time.fromFields(9, 35, 14, 645_876_123, 0)), false);
  assert.equal(equals(Time.fromFields(12, 0, 0, 0, 3600), Time.fromFields(11, 0, 0, 0, 0)), false);
  const duration = new Duration(12 * 12 + 5, 14, 16 * 3600 + 12 * 60 + 70, 0);
  assert.equal(equals(duration, new Duration(12 * 12 + 5, 14, 16 * 3600 + 13 * 60 + 10, 0)), true);
  assert.equal(equals(duration, new Duration(12 * 12 + 5, 13, 40 * 3600 + 13 * 60 + 10, 0)), false);
  assert.equal(equals(duration, LocalTime.fromFields(12, 31, 14, 645_876_123)), false);
});

test('a zoned date-time equals only the same instant in the same zone', () => {
  const instant = 1_500_000_000n;
  assert.equal(equals(new DateTime(instant, 0, 3600), new DateTime(instant, 0, 0)), false);
  assert.equal(equals(new DateTime(instant, 0, 'UTC'), new DateTime(instant, 0, 0)), false);
  assert.equal(
    equals(new DateTime(instant, 0, 'Asia/Calcutta'), new DateTime(instant, 0, 'Asia/Kolkata')),
    true,
  );
  assert.equal(
    equals(new DateTime(instant, 0, 'Europe/Paris'), new DateTime(instant, 0, 'Europe/Berlin')),
    false,
  );
});

test('points and vectors are equal by every component', () => {
  assert.equal(equals(new Point(7203, 1, 2), new Point(7203, 1, 2)), true);
  assert.equal(equals(new Point(7203, 1, 2), new Point(4326, 1, 2)), false);
  assert.equal(equals(new Point(7203, 0, 2), new Point(7203, -0, 2)), true);
  assert.equal(equals(new Vector(new Float32Array([1, 2])), new Vector(new Float32Array([1, 2]))), true);
  assert.equal(equals(new Vector(new Float32Array([1, 2])), new Vector(new Float64Array([1, 2]))), false);
  assert.equal(equals(new Vector(new Int8Array([1, 2])), new Vector(new Int8Array([1, 2, 0]))), false);
});

test('byte arrays are equal byte by byte', () => {
  assert.equal(equals(new Uint8Array([1, 2]), Buffer.from([1, 2])), true);
  assert.equal(equals(new Uint8Array([1, 2]), new Uint8Array([1, 3])), false);
});

test('equality is symmetric', () => {
  fc.assert(
    fc.property(cypherValue(), cypherValue(), (a, b) => {
      assert.equal(equals(a, b), equals(b, a));
    }),
    { numRuns: 500 },
  );
});

test('equality is reflexive for values without null or NaN, and agrees with equivalence', () => {
  fc.assert(
    fc.property(equivalentPair(), ([a, twin]) => {
      const result = equals(a, twin);
      if (hasNullOrNaN(a)) assert.notEqual(result, true);
      else assert.equal(result, true);
    }),
    { numRuns: 500 },
  );
});

test('equal values are always equivalent', () => {
  fc.assert(
    fc.property(cypherValue({ maxDepth: 1 }), cypherValue({ maxDepth: 1 }), (a, b) => {
      if (equals(a, b) === true) assert.equal(equivalent(a, b), true);
    }),
    { numRuns: 500 },
  );
});
