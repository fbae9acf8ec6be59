import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

async function numbers(): Promise<Database> {
  const db = await Database.open();
  await db.session().run('UNWIND range(1, 5) AS i CREATE (:N {i: i})').summary();
  return db;
}

test('LET binds new variables and keeps every other one in scope', async () => {
  const db = await numbers();
  assert.deepEqual(
    await rows(
      db,
      'MATCH (n:N) LET sq = n.i * n.i, half = n.i / 2.0 LET both = sq + half RETURN n.i, both ORDER BY n.i LIMIT 2',
    ),
    [
      [1n, 1.5],
      [2n, 5.0],
    ],
  );
  assert.deepEqual(await rows(db, 'LET x = 1 RETURN x'), [[1n]]);
  const syntaxError = 'Neo.ClientError.Statement.SyntaxError';
  // Only new variables, no aggregation, and the items of one LET do not see each other.
  assert.equal(await queryOutcome(db, 'MATCH (n) LET n = 1 RETURN n'), syntaxError);
  assert.equal(await queryOutcome(db, 'MATCH (n) LET c = count(n) RETURN c'), syntaxError);
  assert.equal(await queryOutcome(db, 'LET x = 1, y = x RETURN y'), syntaxError);
  assert.equal(await queryOutcome(db, 'MATCH (n) LET x = 1'), syntaxError);
  await db.close();
});

test('FILTER keeps the rows its predicate holds for, with or without WHERE', async () => {
  const db = await numbers();
  assert.deepEqual(await rows(db, 'MATCH (n:N) FILTER n.i % 2 = 0 RETURN n.i ORDER BY n.i'), [[2n], [4n]]);
  assert.deepEqual(await rows(db, 'MATCH (n:N) LET j = n.i FILTER WHERE j > 3 RETURN j ORDER BY j'), [
    [4n],
    [5n],
  ]);
  // After OPTIONAL MATCH, FILTER drops rows (a WHERE of the OPTIONAL MATCH would keep them with nulls).
  assert.deepEqual(
    await rows(db, 'UNWIND [1, 9] AS k OPTIONAL MATCH (n:N {i: k}) FILTER n IS NOT NULL RETURN k'),
    [[1n]],
  );
  assert.equal(
    await queryOutcome(db, 'MATCH (n:N) FILTER count(n) > 1 RETURN n'),
    'Neo.ClientError.Statement.SyntaxError',
  );
  await db.close();
});

test('ORDER BY, SKIP, OFFSET and LIMIT as clauses of their own', async () => {
  const db = await numbers();
  assert.deepEqual(await rows(db, 'MATCH (n:N) ORDER BY n.i DESC LIMIT 2 RETURN n.i'), [[5n], [4n]]);
  assert.deepEqual(await rows(db, 'MATCH (n:N) ORDER BY n.i OFFSET 1 LIMIT 2 RETURN n.i'), [[2n], [3n]]);
  assert.deepEqual(await rows(db, 'MATCH (n:N) ORDER BY n.i SKIP 4 RETURN n.i'), [[5n]]);
  assert.deepEqual(await rows(db, 'MATCH (n:N) LIMIT 3 RETURN count(*)'), [[3n]]);
  assert.equal(await queryOutcome(db, 'MATCH (n:N) ORDER BY n.i'), 'Neo.ClientError.Statement.SyntaxError');
  await db.close();
});

test('INSERT creates like CREATE, with labels joined by & only', async () => {
  const db = await Database.open();
  assert.deepEqual(
    await rows(
      db,
      "INSERT (a:Person&Actor {name: 'Tom'})-[:KNOWS {since: 2001}]->(b:Person) RETURN labels(a), labels(b)",
    ),
    [[['Person', 'Actor'], ['Person']]],
  );
  assert.deepEqual(await rows(db, 'MATCH (a:Actor)-[k:KNOWS]->(b) INSERT (b)-[:KNOWS]->(a) RETURN k.since'), [
    [2001n],
  ]);
  assert.deepEqual(await rows(db, 'MATCH ()-[k:KNOWS]->() RETURN count(k)'), [[2n]]);
  assert.equal(await queryOutcome(db, 'INSERT (a:Person:Actor)'), 'Neo.ClientError.Statement.SyntaxError');
});

test('FOR x IN list is UNWIND list AS x', async () => {
  const db = await Database.open();
  assert.deepEqual(await rows(db, "FOR x IN [1, 2, null] RETURN x, 'v' AS y"), [
    [1n, 'v'],
    [2n, 'v'],
    [null, 'v'],
  ]);
  assert.deepEqual(await rows(db, 'FOR x IN [1, 2] FOR y IN range(1, x) RETURN count(*)'), [[3n]]);
  assert.deepEqual(await rows(db, 'WITH [[1], []] AS lists FOR l IN lists FOR x IN l RETURN x'), [[1n]]);
});
