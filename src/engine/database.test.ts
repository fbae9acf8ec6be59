import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseError } from '../errors/index.js';
import { Node } from '../values/index.js';
import { Database } from './index.js';

async function rows(db: Database, query: string, parameters = {}): Promise<unknown[][]> {
  const records = await db.session().run(query, parameters).records();
  return records.map((record) => [...record.values]);
}

describe('The embedded Database API', () => {
  it('commits an auto-commit query once its result is consumed', async () => {
    const db = await Database.open();
    const summary = await db
      .session()
      .run("CREATE (:Person {name: 'Ada'}), (:Person {name: 'Bob'})")
      .summary();
    assert.equal(summary.statistics.nodesCreated, 2);
    assert.equal(summary.statistics.labelsAdded, 2);
    assert.equal(summary.statistics.propertiesSet, 2);
    assert.equal(summary.queryType, 'w');
    assert.deepEqual(await rows(db, 'MATCH (p:Person) RETURN p.name AS name ORDER BY name'), [
      ['Ada'],
      ['Bob'],
    ]);
  });

  it('returns nodes as snapshots that outlive their transaction', async () => {
    const db = await Database.open();
    await db.session().run('CREATE (:A {k: 1})').summary();
    const [[node]] = (await rows(db, 'MATCH (n:A) RETURN n')) as [[Node]];
    assert.ok(node instanceof Node);
    assert.deepEqual(node.labels, ['A']);
    assert.deepEqual(node.properties, { k: 1n });
  });

  it('keeps a property named __proto__ an ordinary own key of the returned map', async () => {
    const db = await Database.open();
    const [[node]] = (await rows(db, 'CREATE (n:P {`__proto__`: 1, a: 2}) RETURN n')) as [[Node]];
    assert.deepEqual(Object.keys(node.properties), ['__proto__', 'a']);
    assert.equal(Object.getPrototypeOf(node.properties), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(node.properties, '__proto__')?.value, 1n);
  });

  it('rolls back an explicit transaction', async () => {
    const db = await Database.open();
    const tx = db.session().beginTransaction();
    await tx.run('CREATE (:Gone)').summary();
    assert.deepEqual(
      (await tx.run('MATCH (n:Gone) RETURN count(n) AS c').records()).map((r) => r.get('c')),
      [1n],
    );
    await tx.rollback();
    assert.deepEqual(await rows(db, 'MATCH (n:Gone) RETURN count(n) AS c'), [[0n]]);
  });

  it('keeps several results of one transaction open and pulls them alternately', async () => {
    const db = await Database.open();
    const tx = db.session().beginTransaction();
    const first = tx.run('UNWIND range(1, 5) AS x RETURN x');
    const second = tx.run('UNWIND range(10, 14) AS y RETURN y');
    const a = await first.pull(2);
    const b = await second.pull(3);
    const c = await first.pull(10);
    assert.deepEqual(
      a.records.map((r) => r.get('x')),
      [1n, 2n],
    );
    assert.deepEqual(
      b.records.map((r) => r.get('y')),
      [10n, 11n, 12n],
    );
    assert.deepEqual(
      c.records.map((r) => r.get('x')),
      [3n, 4n, 5n],
    );
    assert.equal(c.hasMore, false);
    await tx.commit();
  });

  it('reports a missing parameter before running anything', async () => {
    const db = await Database.open();
    await assert.rejects(
      db.session().run('RETURN $missing AS x').records(),
      (error: unknown) =>
        error instanceof DatabaseError && error.code === 'Neo.ClientError.Statement.ParameterMissing',
    );
  });

  it('rolls back an auto-commit query that fails at run time', async () => {
    const db = await Database.open();
    await assert.rejects(db.session().run('CREATE (:Half) WITH 1 AS one RETURN 1 / 0 AS boom').records());
    assert.deepEqual(await rows(db, 'MATCH (n:Half) RETURN count(n) AS c'), [[0n]]);
  });

  it('answers EXPLAIN with a plan and no records', async () => {
    const db = await Database.open();
    const result = db.session().run('EXPLAIN MATCH (n) RETURN n');
    assert.deepEqual(await result.records(), []);
    const summary = await result.summary();
    assert.equal(summary.plan?.operatorType.startsWith('ProduceResults'), true);
  });

  it('is lazy: a LIMIT over a huge UNWIND finishes after the rows it needs', async () => {
    const db = await Database.open();
    assert.deepEqual(await rows(db, 'UNWIND range(1, 100000000) AS x RETURN x LIMIT 3'), [[1n], [2n], [3n]]);
  });

  it('creates an index and uses it for equality lookups', async () => {
    const db = await Database.open();
    const session = db.session();
    await session.run('UNWIND range(1, 100) AS i CREATE (:User {id: i})').summary();
    const created = await session.run('CREATE INDEX user_id IF NOT EXISTS FOR (u:User) ON (u.id)').summary();
    assert.equal(created.statistics.indexesAdded, 1);
    await db.engine.store.awaitIndexesOnline();
    assert.deepEqual(await rows(db, 'MATCH (u:User {id: 42}) RETURN u.id AS id'), [[42n]]);
    const again = await session.run('CREATE INDEX user_id IF NOT EXISTS FOR (u:User) ON (u.id)').summary();
    assert.equal(again.statistics.indexesAdded, 0);
  });

  it('replans a cached query when an index is created, comes online or is dropped', async () => {
    const db = await Database.open();
    const session = db.session();
    await session.run('UNWIND range(1, 100) AS i CREATE (:User {id: i})').summary();
    const query = 'EXPLAIN MATCH (u:User {id: 42}) RETURN u';
    const leaf = async (): Promise<string> => {
      let plan = (await session.run(query).summary()).plan;
      while (plan !== undefined && plan.children.length > 0) plan = plan.children[0];
      return plan?.operatorType.split('@')[0] ?? '';
    };
    assert.equal(await leaf(), 'NodeByLabelScan');
    await session.run('CREATE INDEX user_id FOR (u:User) ON (u.id)').summary();
    await db.engine.store.awaitIndexesOnline();
    assert.equal(await leaf(), 'NodeIndexSeek');
    await session.run('DROP INDEX user_id').summary();
    assert.equal(await leaf(), 'NodeByLabelScan');
    await db.close();
  });
});
