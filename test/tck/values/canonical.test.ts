import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CypherDate,
  Duration,
  Node,
  Path,
  Relationship,
  type CypherValue,
} from '../../../src/values/index.js';
import { canonicalActual, canonicalExpected } from './canonical.js';
import { parseTckValue } from './parse-tck-value.js';

const ORDERED = { listsUnordered: false };
const UNORDERED = { listsUnordered: true };

function matches(expected: string, actual: CypherValue, options = ORDERED): boolean {
  return canonicalExpected(parseTckValue(expected), options) === canonicalActual(actual, options);
}

test('INTEGER and FLOAT never match each other, and floats match by value', () => {
  assert.ok(matches('1', 1n));
  assert.ok(!matches('1', 1));
  assert.ok(matches('1.0', 1));
  assert.ok(!matches('1.0', 1n));
  assert.ok(matches('0.1', 0.1));
  assert.ok(matches('NaN', NaN));
  assert.ok(matches('1e-305', 1e-305));
  assert.ok(matches('-0.0', 0));
  assert.ok(matches('0.0', -0));
});

test('strings match exactly, quotes and backslashes included', () => {
  assert.ok(matches("'it\\'s'", "it's"));
  assert.ok(matches("'a\\\\b'", 'a\\b'));
  assert.ok(!matches("'a'", 'A'));
});

test('maps match regardless of key order, lists only in order unless told otherwise', () => {
  assert.ok(matches('{a: 1, b: 2}', { b: 2n, a: 1n }));
  assert.ok(!matches('{a: 1}', { a: 1n, b: null }));
  assert.ok(!matches('[1, 2]', [2n, 1n]));
  assert.ok(matches('[1, 2]', [2n, 1n], UNORDERED));
  assert.ok(matches('[[1, 2], 3]', [3n, [2n, 1n]], UNORDERED));
  assert.ok(!matches('[1, 1, 2]', [1n, 2n, 2n], UNORDERED));
});

const a = new Node({ id: 7n, labels: ['B', 'A'], properties: { name: 'a' } });
const b = new Node({ id: 9n, labels: ['B'] });
const t = new Relationship({ id: 3n, startNodeId: 7n, endNodeId: 9n, type: 'T', properties: { w: 1.5 } });

test('nodes match by label set and properties, not by id', () => {
  assert.ok(matches("(:A:B {name: 'a'})", a));
  assert.ok(!matches('(:A:B)', a));
  assert.ok(!matches("(:A {name: 'a'})", a));
  assert.ok(matches('()', new Node({ id: 1n })));
});

test('relationships match by type and properties', () => {
  assert.ok(matches('[:T {w: 1.5}]', t));
  assert.ok(!matches('[:U {w: 1.5}]', t));
});

test('paths match node by node with the direction each relationship is walked in', () => {
  assert.ok(matches("<(:A:B {name: 'a'})-[:T {w: 1.5}]->(:B)>", new Path([a, b], [t])));
  assert.ok(matches("<(:B)<-[:T {w: 1.5}]-(:A:B {name: 'a'})>", new Path([b, a], [t])));
  assert.ok(!matches("<(:B)-[:T {w: 1.5}]->(:A:B {name: 'a'})>", new Path([b, a], [t])));
  assert.ok(matches('<()>', new Path([new Node({ id: 1n })], [])));
});

test("temporal values match the string the TCK writes for them, in Neo4j's toString form", () => {
  assert.ok(matches("'1984-10-11'", CypherDate.fromFields(1984, 10, 11)));
  assert.ok(matches("['1984-10-11']", [CypherDate.fromFields(1984, 10, 11)]));
  assert.ok(!matches("'1984-10-12'", CypherDate.fromFields(1984, 10, 11)));
  assert.ok(matches("'P1Y2M'", new Duration(14n, 0n, 0n, 0)));
});
