/**
 * Cypher 25 composed queries: NEXT (the whole table to the next query) and WHEN … THEN … ELSE (a branch
 * per incoming row), alone, with UNION on either side, in braces, inside CALL, and their errors.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

/** Three readers, four books, who read what. */
async function library(): Promise<Database> {
  const db = await Database.open();
  await rows(
    db,
    `CREATE (ann:Reader {name: 'Ann', age: 31}), (bo:Reader {name: 'Bo', age: 17}), (cy:Reader {name: 'Cy', age: 64}),
            (dune:Book {title: 'Dune', pages: 600}), (emma:Book {title: 'Emma', pages: 400}),
            (ulysses:Book {title: 'Ulysses', pages: 700}), (zen:Book {title: 'Zen', pages: 150}),
            (ann)-[:READ]->(dune), (ann)-[:READ]->(emma), (bo)-[:READ]->(dune), (bo)-[:READ]->(zen),
            (cy)-[:READ]->(ulysses), (cy)-[:READ]->(emma), (cy)-[:READ]->(dune)`,
  );
  return db;
}

const sorted = (table: unknown[][]): unknown[][] =>
  [...table].sort((a, b) => JSON.stringify(a, big).localeCompare(JSON.stringify(b, big)));
const big = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : value);

test('NEXT hands the returned columns to the next query, and only them', async () => {
  const db = await library();
  assert.deepEqual(
    sorted(
      await rows(
        db,
        `MATCH (r:Reader)-[:READ]->(b:Book) RETURN r AS reader, b.pages AS pages
         NEXT
         RETURN reader.name AS name, sum(pages) AS total`,
      ),
    ),
    [
      ['Ann', 1000n],
      ['Bo', 750n],
      ['Cy', 1700n],
    ],
  );
  // `b` was not returned before NEXT.
  assert.equal(
    await queryOutcome(db, 'MATCH (r:Reader)-[:READ]->(b:Book) RETURN r AS reader NEXT RETURN b'),
    'Neo.ClientError.Statement.SyntaxError',
  );
});

test('aggregation after NEXT sees the whole table; NEXT chains', async () => {
  const db = await library();
  assert.deepEqual(
    await rows(
      db,
      `MATCH (b:Book) RETURN b.pages AS pages
       NEXT
       RETURN count(*) AS books, sum(pages) AS pages
       NEXT
       RETURN pages / books AS average`,
    ),
    [[462n]],
  );
});

test('a UNION after NEXT gets the whole table in each arm; a UNION before NEXT is one table', async () => {
  const db = await library();
  assert.deepEqual(
    sorted(
      await rows(
        db,
        `MATCH (r:Reader) RETURN r.name AS name, r.age AS age
         NEXT
         FILTER age >= 18 RETURN 'adults' AS kind, count(*) AS n
         UNION ALL
         RETURN 'everyone' AS kind, count(*) AS n`,
      ),
    ),
    [
      ['adults', 2n],
      ['everyone', 3n],
    ],
  );
  assert.deepEqual(
    sorted(
      await rows(
        db,
        `MATCH (:Reader {name: 'Ann'})-[:READ]->(b) RETURN b.title AS title
         UNION ALL
         MATCH (:Reader {name: 'Cy'})-[:READ]->(b) RETURN b.title AS title
         NEXT
         RETURN title, count(*) AS readers`,
      ),
    ),
    [
      ['Dune', 2n],
      ['Emma', 2n],
      ['Ulysses', 1n],
    ],
  );
});

test('queries with NEXT in braces are UNION arms', async () => {
  const db = await library();
  assert.deepEqual(
    sorted(
      await rows(
        db,
        `{ MATCH (b:Book) WHERE b.pages > 500 RETURN b AS book NEXT RETURN book.title AS title }
         UNION
         { MATCH (b:Book) WHERE b.pages < 200 RETURN b AS book NEXT RETURN book.title AS title }`,
      ),
    ),
    [['Dune'], ['Ulysses'], ['Zen']],
  );
});

test('NEXT inside CALL runs per outer row', async () => {
  const db = await library();
  assert.deepEqual(
    await rows(
      db,
      `MATCH (r:Reader)
       CALL (r) {
         MATCH (r)-[:READ]->(b) RETURN b.pages AS pages
         NEXT
         RETURN max(pages) AS longest
       }
       RETURN r.name, longest ORDER BY r.name`,
    ),
    [
      ['Ann', 600n],
      ['Bo', 600n],
      ['Cy', 700n],
    ],
  );
});

test('WHEN runs the first branch whose condition holds, per incoming row; none: no row', async () => {
  const db = await library();
  assert.deepEqual(
    sorted(
      await rows(
        db,
        `MATCH (r:Reader) RETURN r.name AS name, r.age AS age
         NEXT
         WHEN age < 18 THEN RETURN name, 'young' AS group
         WHEN age < 60 THEN RETURN name, 'adult' AS group
         ELSE RETURN name, 'senior' AS group`,
      ),
    ),
    [
      ['Ann', 'adult'],
      ['Bo', 'young'],
      ['Cy', 'senior'],
    ],
  );
  assert.deepEqual(
    await rows(
      db,
      `MATCH (r:Reader) RETURN r.age AS age NEXT WHEN age > 60 THEN RETURN age NEXT RETURN collect(age) AS ages`,
    ),
    [[[64n]]],
  );
  // A null condition is not true: the next branch decides.
  assert.deepEqual(await rows(db, 'WHEN null THEN RETURN 1 AS x ELSE RETURN 2 AS x'), [[2n]]);
  assert.deepEqual(await rows(db, 'WHEN 1 = 2 THEN RETURN 1 AS x'), []);
});

test('a WHEN branch in braces may hold NEXT and return an incoming variable', async () => {
  const db = await library();
  assert.deepEqual(
    sorted(
      await rows(
        db,
        `MATCH (r:Reader)-[:READ]->(b) RETURN r.name AS name, sum(b.pages) AS pages
         NEXT
         WHEN pages > 1200 THEN { RETURN name, 'heavy' AS kind }
         ELSE {
           RETURN name AS name, pages / 100 AS hundreds
           NEXT
           RETURN name, 'light ' + toString(hundreds) AS kind
         }`,
      ),
    ),
    [
      ['Ann', 'light 10'],
      ['Bo', 'light 7'],
      ['Cy', 'heavy'],
    ],
  );
});

test('writes run once before NEXT, and only in the chosen branch', async () => {
  const db = await library();
  await rows(
    db,
    `MATCH (b:Book) RETURN b AS book
     NEXT
     WHEN book.pages > 500 THEN SET book:Long RETURN book.title AS title
     ELSE SET book:Short RETURN book.title AS title`,
  );
  assert.deepEqual(await rows(db, 'MATCH (b:Long) RETURN b.title ORDER BY b.title'), [['Dune'], ['Ulysses']]);
  assert.deepEqual(await rows(db, 'MATCH (b:Short) RETURN count(b)'), [[2n]]);
  await rows(
    db,
    'CREATE (:Counter {n: 0}) RETURN 1 AS one NEXT MATCH (c:Counter) SET c.n = c.n + 1 RETURN c.n AS n',
  );
  assert.deepEqual(await rows(db, 'MATCH (c:Counter) RETURN c.n'), [[1n]]);
});

test('what cannot be composed is a syntax error; NEXT and WHEN stay usable as names', async () => {
  const db = await library();
  const syntaxError = 'Neo.ClientError.Statement.SyntaxError';
  assert.equal(await queryOutcome(db, 'MATCH (r:Reader) RETURN * NEXT RETURN r'), syntaxError);
  assert.equal(await queryOutcome(db, 'WHEN true THEN RETURN 1 AS a ELSE RETURN 2 AS b'), syntaxError);
  assert.equal(await queryOutcome(db, 'MATCH (r:Reader) SET r.x = 1 NEXT RETURN 1 AS one'), syntaxError);
  assert.deepEqual(await rows(db, 'WITH 1 AS next, 2 AS when RETURN next + when AS sum'), [[3n]]);
});
