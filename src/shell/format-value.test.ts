import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CypherDate, Duration, LocalTime, Node, Path, Point, Relationship, Uuid } from '../values/index.js';
import { escapeName, formatValue } from './format-value.js';

const alice = new Node({ id: 1n, labels: ['Person'], properties: { name: 'Alice', age: 33n } });
const bob = new Node({ id: 2n, labels: ['Person', 'Dev'], properties: {} });
const carol = new Node({ id: 3n });
const knows = new Relationship({
  id: 7n,
  startNodeId: 1n,
  endNodeId: 2n,
  type: 'KNOWS',
  properties: { since: 2020n },
});
const likes = new Relationship({ id: 8n, startNodeId: 3n, endNodeId: 2n, type: 'LIKES' });

describe('formatValue', () => {
  test('scalars print as cypher-shell prints them', () => {
    assert.equal(formatValue(null), 'NULL');
    assert.equal(formatValue(true), 'TRUE');
    assert.equal(formatValue(false), 'FALSE');
    assert.equal(formatValue(-42n), '-42');
    assert.equal(formatValue(1), '1.0');
    assert.equal(formatValue(1e10), '1.0E10');
    assert.equal(formatValue(Number.NaN), 'NaN');
    assert.equal(formatValue('say "hi" \\ bye'), '"say \\"hi\\" \\\\ bye"');
    assert.equal(formatValue(Uint8Array.of(1, 0xab)), '#01ab');
  });

  test('lists and maps nest, with odd keys backticked', () => {
    assert.equal(formatValue([1n, null, 'x', [2.5]]), '[1, NULL, "x", [2.5]]');
    assert.equal(formatValue({ a: 1n, 'b c': { d: [] } }), '{a: 1, `b c`: {d: []}}');
    assert.equal(formatValue({}), '{}');
  });

  test('nodes and relationships show labels or type and non-empty properties', () => {
    assert.equal(formatValue(alice), '(:Person {name: "Alice", age: 33})');
    assert.equal(formatValue(bob), '(:Person:Dev)');
    assert.equal(formatValue(carol), '()');
    assert.equal(formatValue(knows), '[:KNOWS {since: 2020}]');
    assert.equal(
      formatValue(new Node({ id: 4n, labels: ['My Label'], properties: { x: 1n } })),
      '(:`My Label` {x: 1})',
    );
  });

  test('a path draws each relationship in its own direction', () => {
    const path = new Path([alice, bob, carol], [knows, likes]);
    assert.equal(
      formatValue(path),
      '(:Person {name: "Alice", age: 33})-[:KNOWS {since: 2020}]->(:Person:Dev)<-[:LIKES]-()',
    );
  });

  test('UUIDs print as their constructor with the canonical text', () => {
    const uuid = Uuid.parse('550E8400-E29B-41D4-A716-446655440000');
    assert.equal(formatValue(uuid), 'uuid("550e8400-e29b-41d4-a716-446655440000")');
    assert.equal(formatValue([uuid]), '[uuid("550e8400-e29b-41d4-a716-446655440000")]');
  });

  test('points use cypher-shell’s point({srid:…}) text, temporal values ISO-8601', () => {
    assert.equal(formatValue(new Point(7203, 1, 2.5)), 'point({srid:7203, x:1.0, y:2.5})');
    assert.equal(formatValue(new Point(4979, 12, 56, 100)), 'point({srid:4979, x:12.0, y:56.0, z:100.0})');
    assert.equal(formatValue(CypherDate.fromFields(2024, 1, 31)), '2024-01-31');
    assert.equal(formatValue(new Duration(0n, 1n, 7200n, 0)), 'P1DT2H');
    assert.equal(formatValue(LocalTime.fromFields(9, 5)), '09:05:00');
  });

  test('escapeName keeps identifiers and backticks anything else', () => {
    assert.equal(escapeName('name_1'), 'name_1');
    assert.equal(escapeName('naïve'), 'naïve');
    assert.equal(escapeName('1st'), '`1st`');
    assert.equal(escapeName('a`b'), '`a``b`');
  });
});
