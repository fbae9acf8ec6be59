import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherTypeError, EntityNotFoundError } from '../../errors/index.js';
import { Node, Path, Relationship } from '../../values/index.js';
import { testDatabase } from '../expressions/evaluation.fixture.js';
import { callFunction as f } from './call.fixture.js';

function graph() {
  const database = testDatabase();
  const { tx, store, context } = database;
  const name = store.tokens.propertyKeys.getOrCreate('name');
  const a = tx.createNode(
    [store.tokens.labels.getOrCreate('A'), store.tokens.labels.getOrCreate('B')],
    [[name, 'a']],
  );
  const b = tx.createNode([]);
  const r = tx.createRelationship(store.tokens.relationshipTypes.getOrCreate('T'), a, b);
  return {
    ...database,
    a: context.entities.node(a),
    b: context.entities.node(b),
    r: context.entities.relationship(r),
  };
}

test('labels, keys, properties, type and ids of stored entities', () => {
  const { context, a, b, r } = graph();
  assert.deepEqual(f('labels', [a], context), ['A', 'B']);
  assert.deepEqual(f('labels', [b], context), []);
  assert.deepEqual(f('keys', [a], context), ['name']);
  assert.deepEqual(f('properties', [a], context), { name: 'a' });
  assert.equal(f('type', [r], context), 'T');
  assert.equal(f('id', [a], context), a.id);
  assert.equal(typeof f('elementId', [r], context), 'string');
  assert.equal((f('startNode', [r], context) as Node).id, a.id);
  assert.equal((f('endNode', [r], context) as Node).id, b.id);
});

test('labels of a node deleted in the statement is EntityNotFound', () => {
  const { context, tx, b } = graph();
  tx.deleteNode(b.ref);
  assert.throws(() => f('labels', [b], context), EntityNotFoundError);
});

test('graph functions reject values of other types with InvalidArgumentValue', () => {
  const { context, a } = graph();
  const invalid = (e: unknown): boolean =>
    e instanceof CypherTypeError && e.detail === 'InvalidArgumentValue';
  assert.throws(() => f('type', [0n], context), invalid);
  assert.throws(() => f('type', [a], context), invalid);
  assert.throws(() => f('labels', [1n], context), invalid);
  assert.equal(f('labels', [null], context), null);
  assert.deepEqual(f('keys', [{ x: 1n, y: 2n }], context), ['x', 'y']);
});

test('nodes, relationships and length of a path', () => {
  const start = new Node({ id: 1n });
  const end = new Node({ id: 2n });
  const relationship = new Relationship({ id: 3n, startNodeId: 1n, endNodeId: 2n, type: 'T' });
  const path = new Path([start, end], [relationship]);
  assert.deepEqual(f('nodes', [path]), [start, end]);
  assert.deepEqual(f('relationships', [path]), [relationship]);
  assert.equal(f('length', [path]), 1n);
  assert.equal(f('exists', [null]), false);
  assert.equal(f('exists', [1n]), true);
});
