import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

/** `1 / (i - 3)` fails for i = 3: with batches of 2 rows, the second batch (i = 3, 4) fails. */
const FAILING_AT_3 = 'UNWIND range(1, 6) AS i CALL (i) { CREATE (:N {i: i, q: 1 / (i - 3)}) }';

test('each batch commits on its own: a failing batch fails the query and keeps the batches before it', async () => {
  const db = await Database.open();
  assert.equal(
    await queryOutcome(db, `${FAILING_AT_3} IN TRANSACTIONS OF 2 ROWS`),
    'Neo.ClientError.Statement.ArithmeticError',
  );
  assert.deepEqual(await rows(db, 'MATCH (n:N) RETURN n.i ORDER BY n.i'), [[1n], [2n]]);
  // In one transaction (no IN TRANSACTIONS) the same failure leaves nothing.
  await db.session().run('MATCH (n:N) DELETE n').summary();
  assert.equal(await queryOutcome(db, FAILING_AT_3), 'Neo.ClientError.Statement.ArithmeticError');
  assert.deepEqual(await rows(db, 'MATCH (n:N) RETURN count(n)'), [[0n]]);
  await db.close();
});

test('ON ERROR CONTINUE rolls the failing batch back and goes on; REPORT STATUS tells each row its batch', async () => {
  const db = await Database.open();
  const statuses = await rows(
    db,
    `${FAILING_AT_3} IN TRANSACTIONS OF 2 ROWS ON ERROR CONTINUE REPORT STATUS AS s
     RETURN i, s.started, s.committed, s.errorMessage IS NULL, s.transactionId IS NOT NULL`,
  );
  assert.deepEqual(statuses, [
    [1n, true, true, true, true],
    [2n, true, true, true, true],
    [3n, true, false, false, true],
    [4n, true, false, false, true],
    [5n, true, true, true, true],
    [6n, true, true, true, true],
  ]);
  assert.deepEqual(await rows(db, 'MATCH (n:N) RETURN n.i ORDER BY n.i'), [[1n], [2n], [5n], [6n]]);
  await db.close();
});

test('ON ERROR BREAK runs no batch after the failing one; their rows come with nulls and started false', async () => {
  const db = await Database.open();
  const result = await rows(
    db,
    `UNWIND range(1, 6) AS i CALL (i) { CREATE (n:N {i: i, q: 1 / (i - 3)}) RETURN n.i AS created }
     IN TRANSACTIONS OF 2 ROWS ON ERROR BREAK REPORT STATUS AS s
     RETURN i, created, s.started, s.committed`,
  );
  assert.deepEqual(result, [
    [1n, 1n, true, true],
    [2n, 2n, true, true],
    [3n, null, true, false],
    [4n, null, true, false],
    [5n, null, false, false],
    [6n, null, false, false],
  ]);
  assert.deepEqual(await rows(db, 'MATCH (n:N) RETURN count(n)'), [[2n]]);
  await db.close();
});

test('returned entities outlive their batch, and the summary counts what the committed batches changed', async () => {
  const db = await Database.open();
  const result = db.session().run(
    `UNWIND range(1, 5) AS i CALL (i) { CREATE (n:N {i: i, q: 1 / (i - 3)}) RETURN n }
       IN TRANSACTIONS OF 1 ROW ON ERROR CONTINUE
       RETURN n.i, labels(n)`,
  );
  const records = await result.records();
  assert.deepEqual(
    records.map((record) => [...record.values]),
    [
      [1n, ['N']],
      [2n, ['N']],
      [null, null],
      [4n, ['N']],
      [5n, ['N']],
    ],
  );
  const summary = await result.summary();
  assert.equal(summary.statistics.nodesCreated, 4);
  assert.equal(summary.statistics.propertiesSet, 8);
  // Deleting in batches (a common clean-up) sees every node once.
  await db.session().run('MATCH (n:N) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 3 ROWS').summary();
  assert.deepEqual(await rows(db, 'MATCH (n) RETURN count(n)'), [[0n]]);
  await db.close();
});

test('only an implicit transaction runs CALL IN TRANSACTIONS; the options are checked', async () => {
  const db = await Database.open();
  const tx = db.session().beginTransaction();
  await assert.rejects(
    tx.run('UNWIND [1] AS i CALL (i) { CREATE () } IN TRANSACTIONS').records(),
    (error: { code?: string; message?: string }) =>
      error.code === 'Neo.DatabaseError.Transaction.TransactionStartFailed' &&
      (error.message ?? '').includes('only be executed in an implicit transaction'),
  );
  await tx.rollback();
  const call = 'UNWIND [1] AS i CALL (i) { CREATE () } IN TRANSACTIONS';
  assert.equal(await queryOutcome(db, `EXPLAIN ${call}`), 'ok');
  assert.equal(await queryOutcome(db, `${call} OF 0 ROWS`), 'Neo.ClientError.Statement.ArgumentError');
  assert.equal(
    await queryOutcome(db, `${call} REPORT STATUS AS s RETURN s`),
    'Neo.ClientError.Statement.SyntaxError',
  );
  assert.equal(
    await queryOutcome(db, 'CALL { CALL { CREATE () } IN TRANSACTIONS } RETURN 1'),
    'Neo.ClientError.Statement.SyntaxError',
  );
  assert.deepEqual(await rows(db, 'MATCH (n) RETURN count(n)'), [[0n]]);
  await db.close();
});

test('the batches committed before a failure are durable', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'quiver-call-in-tx-'));
  try {
    const db = await Database.open({ dataDir });
    assert.equal(
      await queryOutcome(db, `${FAILING_AT_3} IN TRANSACTIONS OF 1 ROW`),
      'Neo.ClientError.Statement.ArithmeticError',
    );
    await db.close();
    const reopened = await Database.open({ dataDir });
    assert.deepEqual(await rows(reopened, 'MATCH (n:N) RETURN n.i ORDER BY n.i'), [[1n], [2n]]);
    await reopened.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
