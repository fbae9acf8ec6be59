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
