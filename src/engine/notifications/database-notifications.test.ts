import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Database } from '../index.js';

async function codes(db: Database, query: string): Promise<string[]> {
  const summary = await db.session().run(query).summary();
  return (summary.notifications ?? []).map((notification) => notification.definition.gql.code);
}

describe('notifications in the embedded summary', () => {
  test('reflect the tokens at the time of each run of the same (cached) query', async () => {
    const db = await Database.open();
    const query = 'MATCH (n:Person) RETURN n.name AS name';
    assert.deepEqual(await codes(db, query), ['01N50', '01N52']);
    await db.session().run("CREATE (:Person {name: 'Ada'})").summary();
    assert.deepEqual(await codes(db, query), []);
    assert.equal(db.engine.cache.hits > 0, true);
  });

  test('name the database in the status parameters', async () => {
    const db = await Database.open({ name: 'movies' });
    const summary = await db.session().run('MATCH (m:Movie) RETURN m').summary();
    assert.deepEqual(summary.notifications?.[0]?.parameters, { label: 'Movie', db: 'movies' });
  });

  test('see tokens a write created earlier in the same transaction', async () => {
    const db = await Database.open();
    const tx = db.session().beginTransaction();
    await tx.run('CREATE (:Fresh {k: 1})').summary();
    const summary = await tx.run('MATCH (n:Fresh) RETURN n.k').summary();
    assert.deepEqual(summary.notifications, []);
    await tx.rollback();
  });

  test('come with EXPLAIN, which runs nothing, and not with write queries', async () => {
    const db = await Database.open();
    assert.deepEqual(await codes(db, 'EXPLAIN MATCH (a:Ghost), (b) RETURN a, b'), ['01N50', '03N90']);
    assert.deepEqual(await codes(db, 'CREATE (:Ghost)-[:HAUNTS]->(:House {old: true})'), []);
  });
});
