import assert from 'node:assert/strict';
import { test } from 'node:test';
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
  type CypherValue,
} from '../../../src/values/index.js';
import { canonicalActual } from '../values/canonical.js';
import { fromDriverValue, toDriverValue } from './driver-values.js';

const { types } = neo4j;

function canonical(value: CypherValue): string {
  return canonicalActual(value, { listsUnordered: false });
}

test('scalars keep their Cypher type: bigint is INTEGER, number is FLOAT', () => {
  assert.equal(fromDriverValue(1n), 1n);
  assert.equal(fromDriverValue(1), 1);
  assert.equal(fromDriverValue(neo4j.int('9223372036854775807')), 9223372036854775807n);
  assert.equal(fromDriverValue(null), null);
  assert.equal(fromDriverValue('x'), 'x');
  assert.deepEqual(fromDriverValue(new Int8Array([-1, 2])), new Uint8Array([255, 2]));
});

test('lists and maps convert element by element, a __proto__ key included', () => {
  const map = JSON.parse('{"__proto__": 1, "a": [2, null]}') as object;
  const value = fromDriverValue([map, 3n]);
  assert.equal(canonical(value), canonical([JSON.parse('{"__proto__": 1.0, "a": [2.0, null]}'), 3n]));
  assert.equal(Object.keys((value as CypherValue[])[0] as object).length, 2);
});

test('nodes and relationships keep identity, labels, type and properties', () => {
  const node = fromDriverValue(new types.Node(7n, ['A', 'B'], { name: 'n' }, '4:x:7'));
  assert.ok(node instanceof Node);
  assert.equal(node.id, 7n);
  assert.equal(node.elementId, '4:x:7');
  assert.equal(canonical(node), "(:A:B {name: 'n'})");
  const relationship = fromDriverValue(new types.Relationship(3n, 7n, 8n, 'T', { w: 1n }));
  assert.ok(relationship instanceof Relationship);
  assert.deepEqual([relationship.id, relationship.startNodeId, relationship.endNodeId], [3n, 7n, 8n]);
  assert.equal(canonical(relationship), '[:T {w: 1}]');
});

test('paths keep each relationship direction', () => {
  const a = new types.Node(1n, ['A'], {});
  const b = new types.Node(2n, ['B'], {});
  const c = new types.Node(3n, ['C'], {});
  const ab = new types.Relationship(10n, 1n, 2n, 'X', {});
  const cb = new types.Relationship(11n, 3n, 2n, 'Y', {});
  const segments = [new types.PathSegment(a, ab, b), new types.PathSegment(b, cb, c)];
  const path = fromDriverValue(new types.Path(a, c, segments));
  assert.ok(path instanceof Path);
  assert.equal(canonical(path), '<(:A)-[:X]->(:B)<-[:Y]-(:C)>');
});

test('temporal values and points convert to the same values the engine makes', () => {
  assert.deepEqual(fromDriverValue(new types.Date(2015, 7, 21)), CypherDate.fromFields(2015, 7, 21));
  assert.deepEqual(
    fromDriverValue(new types.LocalTime(21, 40, 32, 142)),
    LocalTime.fromFields(21, 40, 32, 142),
  );
  assert.deepEqual(fromDriverValue(new types.Time(21, 40, 0, 0, 3600)), Time.fromFields(21, 40, 0, 0, 3600));
  assert.deepEqual(
    fromDriverValue(new types.LocalDateTime(2015, 7, 21, 21, 40, 32, 5)),
    LocalDateTime.fromFields(2015, 7, 21, 21, 40, 32, 5),
  );
  assert.deepEqual(fromDriverValue(new types.Duration(14n, 16n, 12n, 3n)), new Duration(14n, 16n, 12n, 3n));
  assert.deepEqual(fromDriverValue(new types.Point(7203, 1.5, 2)), new Point(7203, 1.5, 2));
  assert.deepEqual(fromDriverValue(new types.Point(9157, 1, 2, 3)), new Point(9157, 1, 2, 3));
});

test('date-times keep the instant from the offset and the zone id when there is one', () => {
  const local = LocalDateTime.fromFields(2015, 7, 21, 21, 40, 0).epochSeconds;
  const zoned = fromDriverValue(new types.DateTime(2015, 7, 21, 21, 40, 0, 0, 3600, 'Europe/London'));
  assert.deepEqual(zoned, new DateTime(local - 3600n, 0, 'Europe/London'));
  const offset = fromDriverValue(new types.DateTime(2015, 7, 21, 21, 40, 0, 0, -7200));
  assert.deepEqual(offset, new DateTime(local + 7200n, 0, -7200));
  const wallClock = fromDriverValue(
    new types.DateTime(2015, 7, 21, 21, 40, 0, 0, undefined, 'Europe/London'),
  );
  assert.deepEqual(wallClock, DateTime.fromLocal(local, 0, 'Europe/London'));
});

test('parameters go out as the driver sends them: bigint INTEGER, number FLOAT, nested maps', () => {
  const map = JSON.parse('{"__proto__": [1.5]}') as Record<string, CypherValue>;
  const sent = toDriverValue({ n: 1n, f: 1, m: map }) as Record<string, unknown>;
  assert.equal(sent['n'], 1n);
  assert.equal(sent['f'], 1);
  assert.deepEqual(Object.keys(sent['m'] as object), ['__proto__']);
  assert.throws(() => toDriverValue(CypherDate.fromFields(2000, 1, 1)), /cannot be sent/);
});

test('an object of an unknown class is rejected rather than read as a map', () => {
  class Strange {
    readonly field = 1;
  }
  assert.throws(() => fromDriverValue(new Strange()), /unexpected driver value of class Strange/);
});
