import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError } from '../../errors/index.js';
import { Node } from './node.js';
import { Path } from './path.js';
import { Relationship } from './relationship.js';

const a = new Node({ id: 1n, labels: ['A'] });
const b = new Node({ id: 2n });
const c = new Node({ id: 3n });
const ab = new Relationship({ id: 10n, type: 'R', startNodeId: 1n, endNodeId: 2n });
const cb = new Relationship({ id: 11n, type: 'R', startNodeId: 3n, endNodeId: 2n });

test('nodes and relationships default their element ids, labels and properties', () => {
  assert.equal(b.elementId, '2');
  assert.deepEqual(b.labels, []);
  assert.deepEqual(b.properties, {});
  assert.equal(ab.elementId, '10');
  assert.equal(ab.startNodeElementId, '1');
  assert.equal(ab.endNodeElementId, '2');
  assert.ok(Object.isFrozen(a.labels));
});

test('a path may walk relationships in either direction', () => {
  const path = new Path([a, b, c], [ab, cb]);
  assert.equal(path.length, 2);
  assert.equal(path.start, a);
  assert.equal(path.end, c);
  assert.ok(Object.isFrozen(path.nodes) && Object.isFrozen(path.relationships));
});

test('a single node is a path of length zero', () => {
  const path = new Path([a], []);
  assert.equal(path.length, 0);
  assert.equal(path.start, path.end);
});

test('a path needs one more node than relationships, each joining its neighbours', () => {
  assert.throws(() => new Path([], []), CypherArgumentError);
  assert.throws(() => new Path([a, b], []), CypherArgumentError);
  assert.throws(() => new Path([a, c], [ab]), /does not join/);
  assert.throws(() => new Path([b, c], [ab]), /does not join/);
});

test('ids outside int64 are rejected', () => {
  assert.throws(() => new Node({ id: 2n ** 63n }), CypherArgumentError);
  assert.throws(
    () => new Relationship({ id: 1n, type: 'R', startNodeId: -(2n ** 63n) - 1n, endNodeId: 1n }),
    CypherArgumentError,
  );
});
