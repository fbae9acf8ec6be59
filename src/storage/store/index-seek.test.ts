import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collect, TestGraph } from '../../../test/storage/fixtures.js';
import type { CommitRecord } from '../commit-log.js';
import type { IndexQuery, StoreTransaction } from '../index.js';

/** People with a name and an age, committed. */
async function people(
  graph: TestGraph,
  rows: readonly (readonly [string, bigint | number | undefined])[],
): Promise<number[]> {
  const [person, name, age] = [graph.label('Person'), graph.key('name'), graph.key('age')];
  const tx = graph.store.begin();
  const ids = rows.map(([n, a]) =>
    tx.createNode(
      [person],
      a === undefined
        ? [[name, n]]
        : [
            [name, n],
            [age, a],
          ],
    ),
  );
  await tx.commit();
  return ids;
}

function seek(tx: StoreTransaction, index: string, query: IndexQuery, view: 'OLD' | 'NEW' = 'NEW'): number[] {
  return collect(tx.seekNodes(index, query, view));
}

test('an index created on existing data is built in the background and then answers every kind of seek', async () => {
  const graph = new TestGraph({ indexPopulation: 'MANUAL' });
  const ids = await people(graph, [
    ['Ann', 30n],
    ['Bob', 25n],
    ['Cid', 30.0],
    ['Dee', undefined],
    ['Abe', 41n],
  ]);
  const descriptor = await graph.store.createIndex({
    name: 'age',
    entity: 'NODE',
    token: graph.label('Person'),
    properties: [graph.key('age')],
  });
  assert.equal(descriptor.state, 'POPULATING');
  assert.equal(graph.store.populateIndexes(2), true, 'two candidates per slice: work remains');
  assert.equal(graph.store.index('age')?.state, 'POPULATING');
  assert.ok((graph.store.index('age')?.populationProgress ?? 1) < 1);
  await graph.store.awaitIndexesOnline();
  assert.equal(graph.store.index('age')?.state, 'ONLINE');
  await graph.store.createIndex({
    name: 'name',
    entity: 'NODE',
    token: graph.label('Person'),
    properties: [graph.key('name')],
  });
  await graph.store.awaitIndexesOnline();
  const tx = graph.store.begin();
  const [ann, bob, cid, , abe] = ids as [number, number, number, number, number];
  assert.deepEqual(seek(tx, 'age', { kind: 'EQUALS', values: [30n] }), [ann, cid], '30 = 30.0');
  assert.deepEqual(
    seek(tx, 'age', {
      kind: 'RANGE',
      lower: { value: 25n, inclusive: false },
      upper: { value: 41, inclusive: true },
    }),
    [ann, cid, abe],
  );
  assert.deepEqual(seek(tx, 'age', { kind: 'RANGE', upper: { value: 30n, inclusive: false } }), [bob]);
  assert.deepEqual(
    seek(tx, 'age', { kind: 'RANGE', lower: { value: 'a', inclusive: true } }),
    [],
    'strings do not compare with numbers',
  );
  assert.deepEqual(seek(tx, 'age', { kind: 'EXISTS' }), [bob, ann, cid, abe]);
  assert.deepEqual(seek(tx, 'name', { kind: 'PREFIX', prefix: 'A' }), [abe, ann]);
  assert.deepEqual(seek(tx, 'name', { kind: 'EQUALS', values: [null] }), []);
  const stats = graph.store.indexStatistics('age');
  assert.deepEqual(stats, { entries: 4, distinctValues: 3, uniqueness: 0.75 });
  assert.equal(graph.store.countNodes(graph.label('Person')), 5);
  assert.equal(graph.store.countNodes(), 5);
});

test('index seeks respect snapshots, own writes, both views and deletions', async () => {
  const graph = new TestGraph();
  const [person, age] = [graph.label('Person'), graph.key('age')];
  await graph.store.createIndex({ name: 'age', entity: 'NODE', token: person, properties: [age] });
  const [a, b] = (await people(graph, [
    ['a', 1n],
    ['b', 2n],
  ])) as [number, number];
  const reader = graph.store.begin();
  const writer = graph.store.begin();
  writer.setNodeProperty(a, age, 2n);
  writer.removeLabel(b, person);
  const c = writer.createNode([person], [[age, 2n]]);
  assert.deepEqual(seek(writer, 'age', { kind: 'EQUALS', values: [2n] }), [a, c]);
  assert.deepEqual(
    seek(writer, 'age', { kind: 'EQUALS', values: [2n] }, 'OLD'),
    [b],
    'OLD: before this statement',
  );
  assert.deepEqual(seek(writer, 'age', { kind: 'EQUALS', values: [1n] }), []);
  assert.deepEqual(seek(reader, 'age', { kind: 'EQUALS', values: [2n] }), [b], 'not the uncommitted writes');
  await writer.commit();
  assert.deepEqual(seek(reader, 'age', { kind: 'EQUALS', values: [1n] }), [a], 'still the old snapshot');
  assert.deepEqual(seek(reader, 'age', { kind: 'EXISTS' }), [a, b]);
  const deleter = graph.store.begin();
  deleter.deleteNode(c);
  assert.deepEqual(seek(deleter, 'age', { kind: 'EQUALS', values: [2n] }), [a]);
  await deleter.commit();
  assert.deepEqual(seek(reader, 'age', { kind: 'EQUALS', values: [2n] }), [b]);
  reader.rollback();
  const fresh = graph.store.begin();
  assert.deepEqual(seek(fresh, 'age', { kind: 'EXISTS' }), [a]);
  assert.equal(
    graph.store.indexStatistics('age')?.entries,
    1,
    'garbage collection removed the stale entries',
  );
});

test('a seek cursor open while the index changes neither skips nor repeats entries', async () => {
  const graph = new TestGraph();
  const [person, age] = [graph.label('Person'), graph.key('age')];
  await graph.store.createIndex({ name: 'age', entity: 'NODE', token: person, properties: [age] });
  const ids = await people(
    graph,
    Array.from({ length: 600 }, (_, index) => [`p${index}`, BigInt(index)] as const),
  );
  const tx = graph.store.begin();
  // The OLD view, as a writing statement reads: its own writes must not feed back into its input.
  const cursor = tx.seekNodes('age', { kind: 'RANGE', lower: { value: 0n, inclusive: true } }, 'OLD');
  const seen: number[] = [];
  for (let id = cursor.next(); id !== -1; id = cursor.next()) {
    seen.push(id);
    // Writes between rows shift the entries (and the block structure) under the cursor.
    if (seen.length % 50 === 0) tx.createNode([person], [[age, -1n]]);
    if (seen.length === 100) tx.setNodeProperty(ids[0] ?? 0, age, 10_000n);
  }
  assert.deepEqual(seen, ids, 'every node once, in key order; the moved one at its old place');
  assert.equal(
    collect(tx.seekNodes('age', { kind: 'RANGE', lower: { value: 0n, inclusive: true } }, 'NEW')).at(-1),
    ids[0],
  );
});

test('composite and relationship property indexes', async () => {
  const graph = new TestGraph();
  const [person, name, age, knows, since] = [
    graph.label('Person'),
    graph.key('name'),
    graph.key('age'),
    graph.type('KNOWS'),
    graph.key('since'),
  ];
  await graph.store.createIndex({ name: 'name_age', entity: 'NODE', token: person, properties: [name, age] });
  await graph.store.createIndex({ name: 'since', entity: 'RELATIONSHIP', token: knows, properties: [since] });
  const [ann, ann2, bob] = (await people(graph, [
    ['Ann', 3n],
    ['Ann', 5n],
    ['Bob', 3n],
    ['Cy', undefined],
  ])) as [number, number, number];
  const tx = graph.store.begin();
  const r1 = tx.createRelationship(knows, ann, bob, [[since, 2000n]]);
  const r2 = tx.createRelationship(knows, bob, ann, [[since, 2010n]]);
  tx.createRelationship(knows, bob, ann2);
  assert.deepEqual(seek(tx, 'name_age', { kind: 'EQUALS', values: ['Ann'] }), [ann, ann2]);
  assert.deepEqual(seek(tx, 'name_age', { kind: 'EQUALS', values: ['Ann', 5n] }), [ann2]);
  assert.deepEqual(seek(tx, 'name_age', { kind: 'EXISTS' }).length, 3, 'Cy lacks age');
  assert.deepEqual(
    collect(tx.seekRelationships('since', { kind: 'RANGE', lower: { value: 2005n, inclusive: true } })),
    [r2],
  );
  tx.setRelationshipProperty(r1, since, 2020n);
  assert.deepEqual(
    collect(tx.seekRelationships('since', { kind: 'RANGE', lower: { value: 2005n, inclusive: true } })),
    [r2, r1],
  );
  await tx.commit();
  await graph.store.createIndex({
    name: 'since-late',
    entity: 'RELATIONSHIP',
    token: graph.type('OTHER'),
    properties: [since],
  });
  await graph.store.awaitIndexesOnline();
  assert.deepEqual(collect(graph.store.begin().seekRelationships('since-late', { kind: 'EXISTS' })), []);
});

test('index management errors carry Neo4j status codes', async () => {
  const graph = new TestGraph({ indexPopulation: 'MANUAL' });
  const [person, age] = [graph.label('Person'), graph.key('age')];
  await graph.store.createIndex({ name: 'age', entity: 'NODE', token: person, properties: [age] });
  await assert.rejects(
    graph.store.createIndex({ name: 'other', entity: 'NODE', token: person, properties: [age] }),
    {
      code: 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
    },
  );
  await assert.rejects(
    graph.store.createIndex({ name: 'age', entity: 'NODE', token: person, properties: [graph.key('x')] }),
    {
      code: 'Neo.ClientError.Schema.IndexWithNameAlreadyExists',
    },
  );
  assert.throws(() => graph.store.begin().seekNodes('nope', { kind: 'EXISTS' }), {
    code: 'Neo.ClientError.Schema.IndexNotFound',
  });
  await people(graph, [['a', 1n]]);
  const generated = await graph.store.createIndex({
    entity: 'NODE',
    token: person,
    properties: [graph.key('name')],
  });
  assert.match(generated.name, /^index_[0-9a-f]{8}$/);
  assert.throws(
    () => graph.store.begin().seekNodes(generated.name, { kind: 'EXISTS' }),
    { name: 'InternalError' },
    'not ONLINE yet',
  );
  assert.throws(() => graph.store.begin().seekRelationships('age', { kind: 'EXISTS' }), {
    name: 'InternalError',
  });
  await graph.store.dropIndex('age');
  assert.equal(graph.store.index('age'), undefined);
  await assert.rejects(graph.store.dropIndex('age'), { code: 'Neo.ClientError.Schema.IndexNotFound' });
  assert.deepEqual(
    graph.store.indexes().map((index) => index.name),
    [generated.name],
  );
});

test('index creation and drops reach the commit log in commit order', async () => {
  const records: CommitRecord[] = [];
  const graph = new TestGraph({ commitLog: { append: (record) => void records.push(record) } });
  const [person, age] = [graph.label('Person'), graph.key('age')];
  await people(graph, [['a', 1n]]);
  await graph.store.createIndex({ name: 'age', entity: 'NODE', token: person, properties: [age] });
  await graph.store.dropIndex('age');
  assert.deepEqual(
    records.map((record) => record.commitTs),
    [1, 2, 3],
  );
  assert.deepEqual(records[1], {
    commitTs: 2,
    tokens: [
      { kind: 'LABEL', id: person, name: 'Person' },
      { kind: 'PROPERTY_KEY', id: age, name: 'age' },
    ],
    changes: [
      { kind: 'CreateIndex', index: { name: 'age', entity: 'NODE', token: person, properties: [age] } },
    ],
  });
  assert.deepEqual(records[2]?.changes, [{ kind: 'DropIndex', name: 'age' }]);
  const failing = new TestGraph({ commitLog: { append: () => Promise.reject(new Error('disk full')) } });
  await assert.rejects(
    failing.store.createIndex({
      name: 'x',
      entity: 'NODE',
      token: failing.label('L'),
      properties: [failing.key('k')],
    }),
    {
      code: 'Neo.DatabaseError.Transaction.TransactionLogError',
    },
  );
  assert.equal(failing.store.index('x'), undefined, 'a creation the log refused is undone');
});
