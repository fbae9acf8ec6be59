import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Database } from './index.js';

async function column(db: Database, query: string): Promise<unknown[]> {
  const records = await db.session().run(query).records();
  return records.map((record) => record.values[0]);
}

test('quantified relationships match like variable-length ones, SHORTEST included', async () => {
  const db = await Database.open();
  await db
    .session()
    .run('CREATE (:N {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 5}]->(:N {i: 2})-[:R {w: 1}]->(:N {i: 3})')
    .summary();
  const from0 = (pattern: string): Promise<unknown[]> =>
    column(db, `MATCH (:N {i: 0})${pattern}(b) RETURN b.i ORDER BY b.i`);
  assert.deepEqual(await from0('-[:R]->+'), [1n, 2n, 3n]);
  assert.deepEqual(await from0('-[:R]->*'), [0n, 1n, 2n, 3n]);
  assert.deepEqual(await from0('-[:R]->{2}'), [2n]);
  assert.deepEqual(await from0('-[:R]->{,2}'), [0n, 1n, 2n]);
  // The inner WHERE is checked on every hop: the w = 5 relationship stops the path.
  assert.deepEqual(await from0('-[r:R WHERE r.w < 3]->+'), [1n]);
  assert.deepEqual(await column(db, 'MATCH p = SHORTEST 1 (:N {i: 0})-[:R]-+(:N {i: 3}) RETURN length(p)'), [
    3n,
  ]);
  await db.close();
});

test('a GQL selector picks the shortest paths first, then the MATCH WHERE filters them', async () => {
  const db = await Database.open();
  // Two ways from 0 to 3: the direct :S, and three :R hops.
  await db
    .session()
    .run('CREATE (a:N {i: 0})-[:R]->(:N {i: 1})-[:R]->(:N {i: 2})-[:R]->(d:N {i: 3}), (a)-[:S]->(d)')
    .summary();
  const lengths = (query: string): Promise<unknown[]> => column(db, query);
  const ends = '(:N {i: 0})-[*]-(:N {i: 3})';
  // The shortest path is the direct one; `length(p) > 1` then removes it.
  assert.deepEqual(await lengths(`MATCH p = SHORTEST 1 ${ends} WHERE length(p) > 1 RETURN length(p)`), []);
  assert.deepEqual(await lengths(`MATCH p = ALL SHORTEST ${ends} WHERE length(p) > 1 RETURN length(p)`), []);
  // shortestPath() searches with the WHERE: the shortest path that satisfies it.
  assert.deepEqual(await lengths(`MATCH p = shortestPath(${ends}) WHERE length(p) > 1 RETURN length(p)`), [
    3n,
  ]);
  // Predicates inside the pattern are part of the search.
  assert.deepEqual(await lengths('MATCH p = ANY SHORTEST (:N {i: 0})-[:R]-+(:N {i: 3}) RETURN length(p)'), [
    3n,
  ]);
  await db.close();
});
