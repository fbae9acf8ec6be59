import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TransactionConflictError } from '../../src/errors/index.js';
import { SeekDatabase } from './seek-database.js';

/**
 * Index seeks read through their transaction: its snapshot plus its own writes (MVCC), and they record an
 * index read that serializable validation checks at commit, also where the seek replaced the Filter that
 * used to read the property.
 */
async function seekGraph(): Promise<SeekDatabase> {
  const db = new SeekDatabase();
  await db.run(
    'CREATE (a:A {k: 0, a: 1, b: 2})-[:T {k: 0, p: 1}]->(b:A {k: 1, a: 1, b: 3}), (b)-[:T {k: 1, p: 2}]->(a),' +
      ' (:User {k: 2, id: 10})',
  );
  const { store } = db;
  const key = (name: string): number => store.tokens.propertyKeys.getOrCreate(name);
  const A = store.tokens.labels.getOrCreate('A');
  const User = store.tokens.labels.getOrCreate('User');
  const T = store.tokens.relationshipTypes.getOrCreate('T');
  await store.createIndex({ name: 'a_b', entity: 'NODE', token: A, properties: [key('a'), key('b')] });
  await store.createIndex({ name: 'user_id', entity: 'NODE', token: User, properties: [key('id')] });
  await store.createIndex({ name: 't_p', entity: 'RELATIONSHIP', token: T, properties: [key('p')] });
  await store.awaitIndexesOnline();
  return db;
}

const REL_SEEK = 'MATCH (x)-[r:T {p: $p}]->(y) RETURN r.k AS r, x.k AS x, y.k AS y ORDER BY r';
const NODE_SEEK = 'MATCH (n:A {a: $a, b: $b}) RETURN n.k AS n ORDER BY n';

function assertOutdated(error: unknown): boolean {
  assert.ok(error instanceof TransactionConflictError);
  assert.equal(error.code, 'Neo.TransientError.Transaction.Outdated');
  return true;
}

describe('index seeks in transactions', () => {
  it('plan the seeks these tests rely on', async () => {
    const db = await seekGraph();
    assert.match(db.explain(REL_SEEK), /DirectedRelationshipIndexSeek/);
    assert.match(db.explain(NODE_SEEK), /NodeIndexSeek RANGE INDEX n:A\(a, b\)/);
    assert.doesNotMatch(db.explain('MATCH (n:User {id: $id}) RETURN n.k'), /Filter/);
  });

  it('see the snapshot, not writes of other transactions committed later', async () => {
    const db = await seekGraph();
    const reader = db.store.begin();
    assert.deepEqual(db.runIn(reader, REL_SEEK, { p: 1n }), [[0n, 0n, 1n]]);
    assert.deepEqual(db.runIn(reader, NODE_SEEK, { a: 1n, b: 3n }), [[1n]]);
    const writer = db.store.begin();
    db.runIn(writer, 'MATCH ()-[r:T {k: 0}]->() SET r.p = 5');
    db.runIn(writer, 'MATCH (n:A {k: 1}) SET n.b = 2');
    assert.deepEqual(db.runIn(reader, REL_SEEK, { p: 1n }), [[0n, 0n, 1n]], 'uncommitted');
    await writer.commit();
    assert.deepEqual(db.runIn(reader, REL_SEEK, { p: 1n }), [[0n, 0n, 1n]], 'committed after the snapshot');
    assert.deepEqual(db.runIn(reader, REL_SEEK, { p: 5n }), []);
    assert.deepEqual(db.runIn(reader, NODE_SEEK, { a: 1n, b: 2n }), [[0n]]);
    reader.rollback();
    assert.deepEqual(db.rowsOf(REL_SEEK, { p: 5n }), ['["0n","0n","1n"]']);
    assert.deepEqual(db.rowsOf(NODE_SEEK, { a: 1n, b: 2n }), ['["0n"]', '["1n"]']);
  });

  it("see the transaction's own creations, updates and deletions", async () => {
    const db = await seekGraph();
    const tx = db.store.begin();
    db.runIn(tx, 'MATCH (a:A {k: 0}), (b:A {k: 1}) CREATE (b)-[:T {k: 9, p: 1}]->(a)');
    assert.deepEqual(db.runIn(tx, REL_SEEK, { p: 1n }), [
      [0n, 0n, 1n],
      [9n, 1n, 0n],
    ]);
    db.runIn(tx, 'MATCH ()-[r:T {k: 0}]->() SET r.p = 2');
    assert.deepEqual(db.runIn(tx, REL_SEEK, { p: 1n }), [[9n, 1n, 0n]]);
    assert.deepEqual(db.runIn(tx, REL_SEEK, { p: 2n }), [
      [0n, 0n, 1n],
      [1n, 1n, 0n],
    ]);
    db.runIn(tx, 'MATCH ()-[r:T {k: 1}]->() DELETE r');
    assert.deepEqual(db.runIn(tx, REL_SEEK, { p: 2n }), [[0n, 0n, 1n]]);
    db.runIn(tx, 'MATCH (n:A {k: 0}) REMOVE n.b');
    assert.deepEqual(db.runIn(tx, NODE_SEEK, { a: 1n, b: 2n }), []);
    db.runIn(tx, 'CREATE (:A {k: 7, a: 1, b: 2})');
    assert.deepEqual(db.runIn(tx, NODE_SEEK, { a: 1n, b: 2n }), [[7n]]);
    tx.rollback();
  });

  it('fail a commit when a concurrent commit put an entity where a seek looked, and only then', async () => {
    const cases = [
      { read: REL_SEEK, params: { p: 7n }, hit: 'MATCH (a {k: 0}) CREATE (a)-[:T {p: 7}]->(a)' },
      { read: NODE_SEEK, params: { a: 4n, b: 4n }, hit: 'MATCH (n:A {k: 1}) SET n.a = 4, n.b = 4' },
      // The point lookup has no Filter: no property of the node is read, the index read alone conflicts.
      {
        read: 'MATCH (n:User {id: $id}) RETURN n.k',
        params: { id: 11n },
        hit: 'MATCH (u:User) SET u.id = 11',
      },
    ];
    for (const { read, params, hit } of cases) {
      for (const conflicting of [true, false]) {
        const db = await seekGraph();
        const tx = db.store.begin();
        assert.deepEqual(db.runIn(tx, read, params), [], read);
        const other = db.store.begin();
        db.runIn(other, conflicting ? hit : 'CREATE (:Unrelated {p: 7, a: 4, b: 4, id: 11})');
        await other.commit();
        db.runIn(tx, 'CREATE (:Marker)');
        if (conflicting) await assert.rejects(async () => tx.commit(), assertOutdated, read);
        else await tx.commit();
      }
    }
  });
});
