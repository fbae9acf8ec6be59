import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLimitError } from '../errors/index.js';
import { Database, MemoryPool } from './index.js';
import { queryOutcome as outcome } from '../../test/support/query-outcome.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

const MIB = 1024 * 1024;
const OUT_OF_MEMORY = 'Neo.ClientError.General.TransactionOutOfMemoryError';

/** Queries that hold every input value at once (they run with 50,000, and with 1,000 under the limit). */
const RETAINING_QUERIES = [
  'UNWIND range(1, $n) AS i RETURN i ORDER BY i DESC',
  'UNWIND range(1, $n) AS i RETURN i ORDER BY i DESC LIMIT $n',
  'UNWIND range(1, $n) AS i RETURN collect(i) AS c',
  'UNWIND range(1, $n) AS i RETURN collect(DISTINCT toString(i)) AS c',
  'UNWIND range(1, $n) AS i RETURN count(DISTINCT i) AS c',
  'UNWIND range(1, $n) AS i RETURN percentileDisc(i, 0.5) AS p',
  'UNWIND range(1, $n) AS i RETURN i, count(*) AS c',
  'UNWIND range(1, $n) AS i RETURN DISTINCT i',
  'RETURN COLLECT { UNWIND range(1, $n) AS i RETURN i } AS l',
  'RETURN [x IN range(1, 1) | size([(a)-->(b) | b])] AS l, size(COLLECT { UNWIND range(1, $n) AS i RETURN i }) AS s',
];

function withN(query: string, n: number): string {
  return query.replaceAll('$n', String(n));
}

describe('The transaction memory guard', () => {
  it('fails a query that sorts, aggregates, collects or deduplicates too much, with the Neo4j code', async () => {
    const db = await Database.open({ transactionMemoryMax: 512 * 1024 });
    for (const query of RETAINING_QUERIES) {
      assert.equal(await outcome(db, withN(query, 50_000)), OUT_OF_MEMORY, query);
    }
  });

  it('lets the same queries through under the limit, with unchanged results', async () => {
    const guarded = await Database.open({ transactionMemoryMax: 512 * 1024 });
    const free = await Database.open();
    for (const query of RETAINING_QUERIES) {
      const text = withN(query, 1000);
      assert.deepEqual(await rows(guarded, text), await rows(free, text), text);
    }
  });

  it('never trips on a streaming query, however many rows it returns', async () => {
    // 100,000 rows of about 80 bytes each: 8 MB streamed through a 64 KiB limit.
    const db = await Database.open({ transactionMemoryMax: 64 * 1024 });
    const result = db.session().run("UNWIND range(1, 100000) AS i WITH i, 'row ' + i AS s RETURN s");
    let count = 0;
    for await (const record of result) if (record.get('s') !== null) count++;
    assert.equal(count, 100_000);
  });

  it('gives a buffer back when its operator is done, so a sort per outer row never adds up', async () => {
    const db = await Database.open({ transactionMemoryMax: 1 * MIB });
    const [[total]] = (await rows(
      db,
      'UNWIND range(1, 200) AS o CALL { WITH o UNWIND range(1, 2000) AS i RETURN i ORDER BY i DESC LIMIT 1 } ' +
        'RETURN sum(i) AS total',
    )) as [[bigint]];
    assert.equal(total, 400_000n);
    const tx = db.session().beginTransaction();
    await tx.run('UNWIND range(1, 5000) AS i RETURN i ORDER BY i DESC').records();
    await tx.run('UNWIND range(1, 5000) AS i RETURN collect(i) AS c').records();
    assert.equal(db.engine.activeTransactions[0]?.memory.used, 0);
    await tx.rollback();
  });

  it('rolls the transaction back and leaves the session and other transactions working', async () => {
    const db = await Database.open({ transactionMemoryMax: 2 * MIB });
    const session = db.session();
    const other = session.beginTransaction();
    await other.run('CREATE (:Kept)').summary();
    const tx = session.beginTransaction();
    await tx.run('CREATE (:Lost)').summary();
    await assert.rejects(
      tx.run('UNWIND range(1, 300000) AS i RETURN i ORDER BY i').records(),
      (error: unknown) => error instanceof MemoryLimitError && error.code === OUT_OF_MEMORY,
    );
    await assert.rejects(tx.run('RETURN 1').records(), /rolled back/);
    await other.commit();
    assert.deepEqual(await rows(db, 'MATCH (n) RETURN labels(n) AS l'), [[['Kept']]]);
    assert.deepEqual(await rows(db, 'UNWIND range(1, 3) AS i RETURN i ORDER BY i DESC'), [[3n], [2n], [1n]]);
  });

  it("counts the transaction's own writes until it ends", async () => {
    const db = await Database.open({ transactionMemoryMax: 2 * MIB });
    assert.equal(await outcome(db, "UNWIND range(1, 50000) AS i CREATE (:N {i: i, s: 'x'})"), OUT_OF_MEMORY);
    assert.deepEqual(await rows(db, 'MATCH (n:N) RETURN count(n) AS c'), [[0n]]);
    // Across statements of one transaction the write set adds up too.
    const tx = db.session().beginTransaction();
    await tx.run('UNWIND range(1, 4000) AS i CREATE (:M {i: i})').summary();
    const held = db.engine.activeTransactions[0]?.memory.used ?? 0;
    assert.ok(held > 4000 * 100, `the write set is counted (${held} bytes)`);
    await tx.run('MATCH (m:M) SET m.s = m.i + 1').summary();
    assert.ok((db.engine.activeTransactions[0]?.memory.used ?? 0) > held);
    await tx.commit();
    assert.deepEqual(await rows(db, 'MATCH (n:M) RETURN count(n) AS c'), [[4000n]]);
  });

  it('bounds the frontier of a shortest-path search', async () => {
    const db = await Database.open({ transactionMemoryMax: 2 * MIB });
    await db.session().run('CREATE (:Hub), (:Target)').summary();
    for (let batch = 0; batch < 15; batch++) {
      await db.session().run('MATCH (h:Hub) UNWIND range(1, 2000) AS i CREATE (h)-[:R]->(:Leaf)').summary();
      await db
        .session()
        .run('MATCH (t:Target) UNWIND range(1, 2000) AS i CREATE (t)-[:R]->(:Leaf)')
        .summary();
    }
    // The ends cannot reach each other: both sides of the search hold their 30,000 leaves.
    const query = 'MATCH (a:Hub), (b:Target) MATCH p = shortestPath((a)-[*..3]-(b)) RETURN length(p) AS l';
    assert.equal(await outcome(db, query), OUT_OF_MEMORY);
    const small = await Database.open({ transactionMemoryMax: 2 * MIB });
    await small
      .session()
      .run('CREATE (h:Hub) WITH h UNWIND range(1, 100) AS i CREATE (h)-[:R]->(:Leaf)')
      .summary();
    await small.session().run('MATCH (l:Leaf) WITH l LIMIT 1 CREATE (l)-[:R]->(:Target)').summary();
    assert.deepEqual(await rows(small, query), [[2n]]);
  });

  it('fails with the transient pool error when all transactions together hold too much', async () => {
    const pool = new MemoryPool(2 * MIB);
    const first = await Database.open({ memoryPool: pool });
    const second = await Database.open({ memoryPool: pool });
    const holder = first.session().beginTransaction();
    await holder.run('UNWIND range(1, 3000) AS i CREATE (:N {s: "some text to hold"})').summary();
    assert.ok(pool.used > 0);
    const error = await outcome(second, 'UNWIND range(1, 100000) AS i RETURN i ORDER BY i');
    assert.equal(error, 'Neo.TransientError.General.MemoryPoolOutOfMemoryError');
    await holder.rollback();
    assert.equal(pool.used, 0, 'a transaction gives everything back when it ends');
    assert.equal(await outcome(second, 'UNWIND range(1, 10000) AS i RETURN i ORDER BY i'), 'ok');
  });

  it('shows the estimate in SHOW TRANSACTIONS while tracking, null otherwise', async () => {
    const db = await Database.open({ transactionMemoryMax: 64 * MIB });
    const tx = db.session().beginTransaction();
    await tx.run('UNWIND range(1, 100) AS i CREATE (:N {i: i})').summary();
    const [[memory]] = (await rows(db, 'SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory')) as [[bigint]];
    assert.ok(typeof memory === 'bigint' && memory > 0n);
    await tx.rollback();
    const free = await Database.open();
    assert.deepEqual(await rows(free, 'SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory'), [[null]]);
  });
});
