import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpGraph } from '../../../test/crash/graph-dump.js';
import { TestGraph } from '../../../test/storage/fixtures.js';
import type { CypherValue } from '../../values/index.js';
import type { CommitLog } from '../commit-log.js';
import { GraphStore, type StoreSnapshotSource } from '../index.js';

/** Copies everything a snapshot source holds into a new empty store through the bulk loader. */
function copyThroughSource(source: StoreSnapshotSource, budget = 3): GraphStore {
  const copy = new GraphStore({ databaseId: source.databaseId });
  const loader = copy.beginBulkLoad();
  for (const token of source.tokens) loader.restoreToken(token);
  for (let next = 0; next !== -1;) {
    next = source.scanNodes(next, budget, (id, labels, properties) => {
      loader.addNode(id, [...labels], properties.slice());
    });
  }
  for (let next = 0; next !== -1;) {
    next = source.scanRelationships(next, budget, (id, type, start, end, properties) => {
      loader.addRelationship(id, type, start, end, properties.slice());
    });
  }
  loader.finish({
    commitTs: source.commitTs,
    nodeHighWaterMark: source.nodeHighWaterMark,
    relationshipHighWaterMark: source.relationshipHighWaterMark,
    indexes: source.indexes,
    constraints: source.constraints,
  });
  return copy;
}

async function sampleGraph(): Promise<TestGraph> {
  const graph = new TestGraph();
  const { store } = graph;
  const tx = store.begin();
  const people: number[] = [];
  for (let index = 0; index < 10; index++) {
    people.push(
      tx.createNode(
        [graph.label('Person')],
        [
          [graph.key('id'), BigInt(index)],
          [graph.key('name'), `p${index}`],
        ],
      ),
    );
  }
  for (let index = 1; index < people.length; index++) {
    tx.createRelationship(graph.type('KNOWS'), people[index - 1] ?? 0, people[index] ?? 0, [
      [graph.key('since'), 2000 + index],
    ]);
  }
  await tx.commit();
  await store.createIndex({ entity: 'NODE', token: graph.label('Person'), properties: [graph.key('name')] });
  await store.createConstraint({
    name: 'person_id',
    kind: 'UNIQUENESS',
    entity: 'NODE',
    token: graph.label('Person'),
    properties: [graph.key('id')],
  });
  return graph;
}

test('a snapshot source sees exactly the commits up to its timestamp while writes go on', async () => {
  const graph = await sampleGraph();
  const { store } = graph;
  const before = dumpGraph(store);
  const source = store.openSnapshotSource();
  assert.ok(source !== undefined);
  assert.equal(source.commitTs, store.lastCommitTs);
  // Writes after the source opened: a new node, a deleted relationship, a changed property.
  const tx = store.begin();
  tx.createNode([graph.label('Late')], [[graph.key('name'), 'late']]);
  tx.deleteRelationship(0);
  tx.setNodeProperty(1, graph.key('name'), 'changed');
  await tx.commit();
  const copy = copyThroughSource(source);
  source.close();
  assert.deepEqual(dumpGraph(copy), before);
  assert.deepEqual(copy.verifyConsistency(), []);
});

test('a bulk-loaded store keeps ids, schema and clock, and never reuses the id of a deleted entity', async () => {
  const graph = await sampleGraph();
  const { store } = graph;
  const tx = store.begin();
  const doomed = tx.createNode([graph.label('Person')], [[graph.key('id'), 99n]]);
  await tx.commit();
  const remove = store.begin();
  remove.deleteNode(doomed);
  await remove.commit();
  const source = store.openSnapshotSource();
  assert.ok(source !== undefined);
  const copy = copyThroughSource(source, 1000);
  source.close();
  assert.deepEqual(dumpGraph(copy), dumpGraph(store));
  assert.equal(copy.index('person_id')?.owningConstraint, 'person_id');
  const next = copy.begin();
  const fresh = next.createNode([], []);
  await next.commit();
  assert.ok(fresh > doomed, `new node ${fresh} must not reuse id ${doomed}`);
  assert.equal(copy.lastCommitTs, store.lastCommitTs + 1);
});

test('no snapshot source opens while a schema change waits for the commit log', async () => {
  const waiting: (() => void)[] = [];
  const log: CommitLog = {
    append: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
      }),
  };
  const graph = new TestGraph({ commitLog: log });
  const label = graph.label('L');
  const key = graph.key('k');
  const creation = graph.store.createIndex({ entity: 'NODE', token: label, properties: [key] });
  assert.equal(graph.store.openSnapshotSource(), undefined);
  for (const resolve of waiting.splice(0)) resolve();
  await creation;
  const source = graph.store.openSnapshotSource();
  assert.ok(source !== undefined);
  assert.equal(source.indexes.length, 1);
  source.close();
});

test('the consistency check passes a sound store and names a broken index', async () => {
  const graph = await sampleGraph();
  assert.deepEqual(graph.store.verifyConsistency(), []);
  // Damage the store behind its back: drop one entry of the name index.
  const internals = graph.store as unknown as {
    context: {
      state: { indexes: { get(name: string): { entries: { remove(v: CypherValue, id: number): boolean } } } };
    };
  };
  const index = graph.store.indexes().find((each) => each.owningConstraint === undefined);
  assert.ok(index !== undefined);
  assert.ok(internals.context.state.indexes.get(index.name).entries.remove('p3', 3));
  const problems = graph.store.verifyConsistency();
  assert.equal(problems.length, 1);
  assert.match(problems[0] ?? '', /Node 3 is missing from index/);
});

test('the consistency check names a relationship missing from the type index', async () => {
  const graph = await sampleGraph();
  const internals = graph.store as unknown as {
    context: { state: { typeIndex: { delete(type: number, id: number): void } } };
  };
  internals.context.state.typeIndex.delete(graph.type('KNOWS'), 2);
  assert.deepEqual(graph.store.verifyConsistency(), ['Relationship 2 is missing from the type index']);
});

test('a bulk load refuses a store that is not empty', async () => {
  const graph = await sampleGraph();
  assert.throws(() => graph.store.beginBulkLoad(), /empty|used/);
});
