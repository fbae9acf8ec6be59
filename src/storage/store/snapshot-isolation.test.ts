import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collect, neighbours, TestGraph } from '../../../test/storage/fixtures.js';

test('a reader never sees uncommitted writes nor commits made after its snapshot', async () => {
  const graph = new TestGraph();
  const [label, key, type] = [graph.label('L'), graph.key('k'), graph.type('T')];
  const setup = graph.store.begin();
  const a = setup.createNode([label], [[key, 1n]]);
  await setup.commit();
  const reader = graph.store.begin();
  const writer = graph.store.begin();
  writer.setNodeProperty(a, key, 2n);
  const b = writer.createNode([label]);
  writer.createRelationship(type, a, b);
  assert.equal(reader.nodeProperty(a, key), 1n);
  assert.deepEqual(collect(reader.scanNodesByLabel(label)), [a]);
  await writer.commit();
  // Repeatable: the same reads after the commit give the same answers.
  assert.equal(reader.nodeProperty(a, key), 1n);
  assert.deepEqual(collect(reader.scanNodes()), [a]);
  assert.deepEqual(neighbours(reader, a, 'BOTH'), []);
  assert.equal(reader.nodeExists(b), false);
  const later = graph.store.begin();
  assert.equal(later.nodeProperty(a, key), 2n);
  assert.deepEqual(collect(later.scanNodesByLabel(label)), [a, b]);
});

test('the second writer of an entity conflicts, is rolled back, and rethrows on every later call', async () => {
  const graph = new TestGraph();
  const key = graph.key('k');
  const setup = graph.store.begin();
  const a = setup.createNode([]);
  await setup.commit();
  const first = graph.store.begin();
  const second = graph.store.begin();
  first.setNodeProperty(a, key, 'first');
  const created = second.createNode([]);
  assert.throws(
    () => {
      second.setNodeProperty(a, key, 'second');
    },
    {
      name: 'TransactionConflictError',
      code: 'Neo.TransientError.Transaction.DeadlockDetected',
    },
  );
  assert.equal(second.status, 'ABORTED');
  assert.throws(() => second.nodeExists(a), { name: 'TransactionConflictError' });
  await assert.rejects(async () => second.commit(), { name: 'TransactionConflictError' });
  second.rollback();
  await first.commit();
  const check = graph.store.begin();
  assert.equal(check.nodeProperty(a, key), 'first');
  assert.equal(check.nodeExists(created), false, 'the conflicting transaction left nothing behind');
});

test('writing an entity changed by a commit after the snapshot conflicts (no lost update)', async () => {
  const graph = new TestGraph();
  const key = graph.key('k');
  const type = graph.type('T');
  const setup = graph.store.begin();
  const a = setup.createNode([], [[key, 0n]]);
  const r = setup.createRelationship(type, a, a);
  await setup.commit();
  const slow = graph.store.begin();
  const fast = graph.store.begin();
  fast.setNodeProperty(a, key, 1n);
  fast.deleteRelationship(r);
  await fast.commit();
  assert.throws(
    () => {
      slow.setNodeProperty(a, key, 2n);
    },
    { name: 'TransactionConflictError' },
  );
  const again = graph.store.begin();
  assert.throws(
    () => {
      again.deleteRelationship(r);
    },
    { name: 'EntityNotFoundError' },
  );
  const late = graph.store.begin();
  late.setNodeProperty(a, key, 5n);
  await late.commit();
});

test('concurrent transactions may attach relationships to the same node', async () => {
  const graph = new TestGraph();
  const type = graph.type('T');
  const setup = graph.store.begin();
  const hub = setup.createNode([]);
  await setup.commit();
  const writers = [graph.store.begin(), graph.store.begin(), graph.store.begin()];
  for (const writer of writers) writer.createRelationship(type, writer.createNode([]), hub);
  for (const writer of writers) await writer.commit();
  assert.equal(graph.store.begin().degree(hub, 'INCOMING'), 3);
});

test('deleting a node and attaching a relationship to it concurrently conflict in either order', async () => {
  const graph = new TestGraph();
  const type = graph.type('T');
  const setup = graph.store.begin();
  const [a, b] = [setup.createNode([]), setup.createNode([])];
  await setup.commit();

  const deleter = graph.store.begin();
  const attacher = graph.store.begin();
  deleter.deleteNode(a);
  assert.throws(() => attacher.createRelationship(type, b, a), { name: 'TransactionConflictError' });
  deleter.rollback();

  const attacher2 = graph.store.begin();
  const deleter2 = graph.store.begin();
  attacher2.createRelationship(type, b, a);
  assert.throws(
    () => {
      deleter2.deleteNode(a);
    },
    { name: 'TransactionConflictError' },
  );
  await attacher2.commit();

  const deleter3 = graph.store.begin();
  const committedAttacher = graph.store.begin();
  committedAttacher.createRelationship(type, a, b);
  await committedAttacher.commit();
  assert.throws(() => deleter3.detachDeleteNode(a), { name: 'TransactionConflictError' });
  assert.equal(graph.store.begin().degree(a, 'BOTH'), 2);
});

test('many interleaved transactions each see their own snapshot', async () => {
  const graph = new TestGraph();
  const key = graph.key('v');
  const setup = graph.store.begin();
  const nodes = Array.from({ length: 10 }, (_, index) => setup.createNode([], [[key, BigInt(index)]]));
  await setup.commit();
  const readers = [];
  for (let round = 0; round < 10; round++) {
    readers.push({ tx: graph.store.begin(), round });
    const writer = graph.store.begin();
    writer.setNodeProperty(nodes[round]!, key, BigInt(100 + round));
    await writer.commit();
  }
  for (const { tx, round } of readers) {
    for (let index = 0; index < nodes.length; index++) {
      assert.equal(tx.nodeProperty(nodes[index]!, key), BigInt(index < round ? 100 + index : index));
    }
    tx.rollback();
  }
});

test('garbage collection keeps the versions a long reader needs and drops them when it ends', async () => {
  const graph = new TestGraph();
  const [label, key, type] = [graph.label('L'), graph.key('k'), graph.type('T')];
  const setup = graph.store.begin();
  const a = setup.createNode([label], [[key, 0n]]);
  const b = setup.createNode([]);
  const r = setup.createRelationship(type, a, b);
  await setup.commit();
  const backlog = (): number => graph.store.garbageBacklog;
  assert.equal(backlog(), 0, 'with no other transaction, a commit is collected at once');
  const longReader = graph.store.begin();
  for (let version = 1; version <= 20; version++) {
    const writer = graph.store.begin();
    writer.setNodeProperty(a, key, BigInt(version));
    await writer.commit();
  }
  const deleter = graph.store.begin();
  deleter.deleteRelationship(r);
  deleter.detachDeleteNode(b);
  deleter.removeLabel(a, label);
  await deleter.commit();
  assert.ok(backlog() >= 21);
  assert.equal(longReader.nodeProperty(a, key), 0n);
  assert.deepEqual(neighbours(longReader, a, 'OUTGOING'), [[r, b]]);
  assert.deepEqual(collect(longReader.scanNodesByLabel(label)), [a]);
  longReader.rollback();
  assert.equal(backlog(), 0);
  const check = graph.store.begin();
  assert.equal(check.nodeProperty(a, key), 20n);
  assert.deepEqual(collect(check.scanNodes()), [a]);
  assert.deepEqual(collect(check.scanNodesByLabel(label)), []);
  assert.equal(check.degree(a, 'BOTH'), 0);
});

test('an expand cursor open across a garbage collection keeps its place', async () => {
  const graph = new TestGraph();
  const type = graph.type('T');
  const setup = graph.store.begin();
  const hub = setup.createNode([]);
  const relationships = Array.from({ length: 8 }, () =>
    setup.createRelationship(type, hub, setup.createNode([])),
  );
  await setup.commit();
  // An old reader holds back the collection of two deleted relationships at the head of the hub's list.
  const oldReader = graph.store.begin();
  const deleter = graph.store.begin();
  deleter.deleteRelationship(relationships[0]!);
  deleter.deleteRelationship(relationships[1]!);
  await deleter.commit();
  const reader = graph.store.begin();
  const cursor = reader.expand(hub, 'OUTGOING', undefined);
  assert.equal(cursor.next(), relationships[2]);
  assert.equal(cursor.next(), relationships[3]);
  // Ending the old reader frees them: the list is compacted under the open cursor, shifting positions.
  oldReader.rollback();
  assert.equal(graph.store.garbageBacklog, 0);
  const rest: number[] = [];
  for (let id = cursor.next(); id !== -1; id = cursor.next()) rest.push(id);
  assert.deepEqual(rest, relationships.slice(4));
  reader.rollback();
});
