import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collect, neighbours, TestGraph } from '../../../test/storage/fixtures.js';
import type { CypherValue } from '../../values/index.js';
import type { StoreTransaction } from './store-transaction.js';

function properties(tx: StoreTransaction, id: number): [number, CypherValue][] {
  const result: [number, CypherValue][] = [];
  tx.forEachNodeProperty(id, (key, value) => result.push([key, value]));
  return result;
}

test('a created node has its labels (sorted, deduplicated) and properties, without nulls', () => {
  const graph = new TestGraph();
  const [person, user, name, age, nothing] = [
    graph.label('Person'),
    graph.label('User'),
    graph.key('name'),
    graph.key('age'),
    graph.key('nothing'),
  ];
  const tx = graph.store.begin();
  const id = tx.createNode(
    [user, person, user],
    [
      [name, 'Ada'],
      [age, 36n],
      [nothing, null],
    ],
  );
  assert.equal(tx.nodeExists(id), true);
  assert.deepEqual(
    tx.nodeLabels(id),
    [person, user].sort((a, b) => a - b),
  );
  assert.equal(tx.nodeHasLabel(id, person), true);
  assert.equal(tx.nodeProperty(id, name), 'Ada');
  assert.equal(tx.nodeProperty(id, nothing), undefined);
  assert.deepEqual(properties(tx, id), [
    [name, 'Ada'],
    [age, 36n],
  ]);
  assert.equal(tx.nodeExists(id + 1), false);
  assert.equal(tx.nodeExists(-1), false);
  assert.equal(tx.nodeExists(0.5), false);
});

test('a write with an unstorable value throws TypeError and changes nothing', () => {
  const graph = new TestGraph();
  const key = graph.key('k');
  const tx = graph.store.begin();
  assert.throws(() => tx.createNode([], [[key, { a: 1n }]]), { code: 'Neo.ClientError.Statement.TypeError' });
  assert.deepEqual(collect(tx.scanNodes()), []);
  const id = tx.createNode([]);
  assert.throws(
    () => {
      tx.setNodeProperty(id, key, [1n, 'x']);
    },
    { name: 'CypherTypeError' },
  );
  assert.equal(tx.nodeProperty(id, key), undefined);
  assert.equal(tx.status, 'ACTIVE', 'a failed write leaves the transaction usable');
});

test('labels and properties can be added, replaced and removed, reporting whether anything changed', () => {
  const graph = new TestGraph();
  const [a, b, key] = [graph.label('A'), graph.label('B'), graph.key('k')];
  const tx = graph.store.begin();
  const id = tx.createNode([a]);
  assert.equal(tx.addLabel(id, a), false);
  assert.equal(tx.addLabel(id, b), true);
  assert.equal(tx.removeLabel(id, a), true);
  assert.equal(tx.removeLabel(id, a), false);
  assert.deepEqual(tx.nodeLabels(id), [b]);
  tx.setNodeProperty(id, key, 1n);
  tx.setNodeProperty(id, key, 'two');
  assert.equal(tx.nodeProperty(id, key), 'two');
  tx.setNodeProperty(id, key, null);
  assert.equal(tx.nodeProperty(id, key), undefined);
  assert.equal(tx.removeNodeProperty(id, key), false);
  assert.deepEqual(collect(tx.scanNodesByLabel(a)), []);
  assert.deepEqual(collect(tx.scanNodesByLabel(b)), [id]);
});

test('relationships have a type and endpoints and are expanded by direction and type', () => {
  const graph = new TestGraph();
  const [knows, likes, since] = [graph.type('KNOWS'), graph.type('LIKES'), graph.key('since')];
  const tx = graph.store.begin();
  const [a, b, c] = [tx.createNode([]), tx.createNode([]), tx.createNode([])];
  const ab = tx.createRelationship(knows, a, b, [[since, 2020n]]);
  const ac = tx.createRelationship(likes, a, c);
  const ca = tx.createRelationship(knows, c, a);
  const loop = tx.createRelationship(knows, a, a);
  assert.equal(tx.relationshipType(ab), knows);
  assert.equal(tx.relationshipStart(ab), a);
  assert.equal(tx.relationshipEnd(ab), b);
  assert.equal(tx.relationshipProperty(ab, since), 2020n);
  assert.deepEqual(neighbours(tx, a, 'OUTGOING'), [
    [ab, b],
    [loop, a],
    [ac, c],
  ]);
  assert.deepEqual(neighbours(tx, a, 'OUTGOING', [likes]), [[ac, c]]);
  assert.deepEqual(neighbours(tx, a, 'INCOMING'), [
    [ca, c],
    [loop, a],
  ]);
  assert.deepEqual(
    neighbours(tx, a, 'BOTH', [knows]),
    [
      [ab, b],
      [loop, a],
      [ca, c],
    ],
    'a self-loop once',
  );
  assert.equal(tx.degree(a, 'BOTH'), 4);
  assert.equal(tx.degree(b, 'INCOMING', [likes]), 0);
  const cursor = tx.expand(c, 'BOTH', undefined);
  assert.equal(cursor.next(), ca, 'outgoing relationships come first');
  assert.equal(cursor.isOutgoing, true);
  assert.equal(cursor.type, knows);
  assert.equal(cursor.next(), ac);
  assert.equal(cursor.isOutgoing, false);
  assert.equal(cursor.type, likes);
  assert.equal(cursor.otherNode, a);
  assert.equal(cursor.next(), -1);
  assert.deepEqual(collect(tx.scanRelationshipsByType(knows)), [ab, ca, loop]);
  assert.deepEqual(collect(tx.scanRelationships()), [ab, ac, ca, loop]);
  tx.expand(b, 'OUTGOING', undefined, 'NEW', cursor);
  assert.equal(cursor.next(), -1, 'a reused cursor starts over');
});

test('relationship properties are set and removed like node properties', () => {
  const graph = new TestGraph();
  const [type, key] = [graph.type('T'), graph.key('w')];
  const tx = graph.store.begin();
  const r = tx.createRelationship(type, tx.createNode([]), tx.createNode([]));
  tx.setRelationshipProperty(r, key, 1.5);
  const seen: [number, CypherValue][] = [];
  tx.forEachRelationshipProperty(r, (k, v) => seen.push([k, v]));
  assert.deepEqual(seen, [[key, 1.5]]);
  assert.equal(tx.removeRelationshipProperty(r, key), true);
  assert.equal(tx.removeRelationshipProperty(r, key), false);
  tx.setRelationshipProperty(r, key, null);
  assert.equal(tx.relationshipProperty(r, key), undefined);
});

test('deleting a node that keeps relationships fails at commit with ConstraintValidationFailed', async () => {
  const graph = new TestGraph();
  const type = graph.type('T');
  const setup = graph.store.begin();
  const [a, b] = [setup.createNode([]), setup.createNode([])];
  setup.createRelationship(type, a, b);
  await setup.commit();
  const tx = graph.store.begin();
  tx.deleteNode(a);
  await assert.rejects(async () => tx.commit(), {
    code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    message: `Cannot delete node<${a}>, because it still has relationships. To delete this node, you must first delete its relationships.`,
  });
  assert.equal(tx.status, 'ABORTED');
  const check = graph.store.begin();
  assert.equal(check.nodeExists(a), true);
  assert.equal(check.degree(a, 'BOTH'), 1);
});

test('a node and its relationships can be deleted in either order before commit, or detached', async () => {
  const graph = new TestGraph();
  const type = graph.type('T');
  const setup = graph.store.begin();
  const [a, b, c] = [setup.createNode([]), setup.createNode([]), setup.createNode([])];
  const ab = setup.createRelationship(type, a, b);
  setup.createRelationship(type, c, b);
  setup.createRelationship(type, b, b);
  await setup.commit();
  const tx = graph.store.begin();
  tx.deleteNode(a);
  tx.deleteRelationship(ab);
  assert.equal(tx.detachDeleteNode(b), 2, 'the self-loop counts once');
  await tx.commit();
  const check = graph.store.begin();
  assert.deepEqual(collect(check.scanNodes()), [c]);
  assert.deepEqual(collect(check.scanRelationships()), []);
  assert.equal(check.degree(c, 'BOTH'), 0);
});

test("reading or writing what the transaction deleted throws EntityNotFound with Neo4j's message", () => {
  const graph = new TestGraph();
  const [key, label, type] = [graph.key('k'), graph.label('L'), graph.type('T')];
  const tx = graph.store.begin();
  const id = tx.createNode([label]);
  const other = tx.createNode([]);
  const r = tx.createRelationship(type, other, other);
  tx.deleteNode(id);
  tx.deleteRelationship(r);
  const deleted = {
    code: 'Neo.ClientError.Statement.EntityNotFound',
    message: `Node with id ${id} has been deleted in this transaction`,
  };
  assert.throws(() => tx.nodeProperty(id, key), deleted);
  assert.throws(() => tx.nodeLabels(id), deleted);
  assert.throws(() => {
    tx.setNodeProperty(id, key, 1n);
  }, deleted);
  assert.throws(() => tx.addLabel(id, label), deleted);
  assert.throws(() => tx.createRelationship(type, id, other), deleted);
  assert.throws(() => tx.relationshipProperty(r, key), {
    message: `Relationship with id ${r} has been deleted in this transaction`,
  });
  assert.throws(() => tx.nodeProperty(999, key), { message: 'Unable to load NODE with id 999' });
  assert.throws(() => tx.relationshipType(999), { name: 'EntityNotFoundError' });
  assert.equal(tx.nodeExists(id), false);
  assert.deepEqual(collect(tx.scanNodesByLabel(label)), []);
});

test("the OLD view hides the current statement's writes until the next command starts", () => {
  const graph = new TestGraph();
  const [key, label, type] = [graph.key('k'), graph.label('L'), graph.type('T')];
  const tx = graph.store.begin();
  const a = tx.createNode([label], [[key, 1n]]);
  assert.equal(tx.nodeExists(a, 'OLD'), false);
  assert.equal(tx.nodeExists(a, 'NEW'), true);
  assert.deepEqual(collect(tx.scanNodes('OLD')), []);
  tx.advanceCommand();
  assert.deepEqual(collect(tx.scanNodesByLabel(label, 'OLD')), [a]);
  tx.setNodeProperty(a, key, 2n);
  tx.removeLabel(a, label);
  const b = tx.createNode([]);
  const r = tx.createRelationship(type, a, b);
  assert.equal(tx.nodeProperty(a, key, 'OLD'), 1n);
  assert.equal(tx.nodeProperty(a, key, 'NEW'), 2n);
  assert.deepEqual(collect(tx.scanNodesByLabel(label, 'OLD')), [a]);
  assert.deepEqual(collect(tx.scanNodesByLabel(label, 'NEW')), []);
  assert.deepEqual(neighbours(tx, a, 'OUTGOING', undefined, 'OLD'), []);
  assert.deepEqual(neighbours(tx, a, 'OUTGOING', undefined, 'NEW'), [[r, b]]);
  tx.deleteNode(b);
  assert.equal(tx.nodeExists(b, 'OLD'), false, 'created in this command: not in OLD either');
  tx.advanceCommand();
  tx.detachDeleteNode(a);
  assert.equal(tx.nodeExists(a, 'OLD'), true);
  assert.equal(tx.nodeProperty(a, key, 'OLD'), 2n);
  assert.equal(tx.nodeExists(a, 'NEW'), false);
});

test('a read-only transaction rejects writes with AccessMode', () => {
  const graph = new TestGraph();
  const tx = graph.store.begin({ readOnly: true });
  assert.equal(tx.isReadOnly, true);
  assert.throws(() => tx.createNode([]), { code: 'Neo.ClientError.Statement.AccessMode' });
});

test('element ids name visible entities of this database only', async () => {
  const graph = new TestGraph();
  const type = graph.type('T');
  const setup = graph.store.begin();
  const a = setup.createNode([]);
  const r = setup.createRelationship(type, a, a);
  await setup.commit();
  const tx = graph.store.begin();
  assert.equal(tx.nodeByElementId(graph.store.nodeElementId(a)), a);
  assert.equal(tx.relationshipByElementId(graph.store.relationshipElementId(r)), r);
  assert.equal(tx.nodeByElementId(graph.store.relationshipElementId(r)), undefined);
  assert.equal(tx.nodeByElementId(`4:${graph.store.databaseId}:77`), undefined);
  assert.equal(tx.nodeByElementId('4:someone-else:0'), undefined);
  assert.deepEqual(graph.store.parseElementId(graph.store.nodeElementId(a)), { entity: 'NODE', id: a });
});

test('a finished transaction cannot be used, and rollback is idempotent', async () => {
  const graph = new TestGraph();
  const tx = graph.store.begin();
  tx.createNode([]);
  await tx.commit();
  assert.equal(tx.status, 'COMMITTED');
  assert.throws(() => tx.createNode([]), { name: 'InternalError' });
  await assert.rejects(async () => tx.commit(), { name: 'InternalError' });
  const other = graph.store.begin();
  other.rollback();
  other.rollback();
  assert.equal(other.status, 'ABORTED');
  assert.equal(graph.store.activeTransactions, 0);
});

test('rollback undoes every change and frees what the transaction created', async () => {
  const graph = new TestGraph();
  const [label, other, key, type] = [graph.label('L'), graph.label('M'), graph.key('k'), graph.type('T')];
  const setup = graph.store.begin();
  const a = setup.createNode([label], [[key, 1n]]);
  const b = setup.createNode([]);
  const ab = setup.createRelationship(type, a, b, [[key, 'r']]);
  await setup.commit();
  const tx = graph.store.begin();
  tx.setNodeProperty(a, key, 2n);
  tx.addLabel(a, other);
  tx.removeLabel(a, label);
  tx.setRelationshipProperty(ab, key, 'changed');
  const c = tx.createNode([label]);
  tx.createRelationship(type, c, a);
  tx.detachDeleteNode(b);
  tx.rollback();
  const check = graph.store.begin();
  assert.equal(check.nodeProperty(a, key), 1n);
  assert.deepEqual(check.nodeLabels(a), [label]);
  assert.equal(check.relationshipProperty(ab, key), 'r');
  assert.deepEqual(collect(check.scanNodes()), [a, b]);
  assert.deepEqual(collect(check.scanNodesByLabel(label)), [a]);
  assert.deepEqual(collect(check.scanNodesByLabel(other)), []);
  assert.deepEqual(neighbours(check, a, 'BOTH'), [[ab, b]]);
  assert.equal(check.nodeExists(c), false);
});
