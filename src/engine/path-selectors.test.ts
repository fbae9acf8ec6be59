import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';

/** From s to t: s>a>t and s>d>t (length 2) and s>b>c>t (length 3). */
async function routes(): Promise<Database> {
  const db = await Database.open();
  await db
    .session()
    .run(
      `CREATE (s:X {n: 's'})-[:R]->(a:X {n: 'a'})-[:R]->(t:X {n: 't'}),
              (s)-[:R]->(b:X {n: 'b'})-[:R]->(c:X {n: 'c'})-[:R]->(t),
              (s)-[:R]->(d:X {n: 'd'})-[:R]->(t)`,
    )
    .summary();
  return db;
}

async function column(db: Database, query: string, parameters = {}): Promise<unknown[]> {
  const records = await db.session().run(query, parameters).records();
  return records.map((record) => record.values[0]);
}

const FROM_S_TO_T = "(:X {n: 's'})-[:R]->+(:X {n: 't'})";

test('SHORTEST k, SHORTEST k GROUPS and ANY k keep their paths of each pair of end nodes', async () => {
  const db = await routes();
  const lengths = (selector: string): Promise<unknown[]> =>
    column(db, `MATCH p = ${selector} ${FROM_S_TO_T} RETURN length(p) AS l ORDER BY l`);
  assert.deepEqual(await lengths('SHORTEST 1'), [2n]);
  assert.deepEqual(await lengths('ANY SHORTEST'), [2n]);
  assert.deepEqual(await lengths('SHORTEST 2'), [2n, 2n]);
  assert.deepEqual(await lengths('SHORTEST 3 PATHS'), [2n, 2n, 3n]);
  assert.deepEqual(await lengths('SHORTEST 9'), [2n, 2n, 3n]);
  assert.deepEqual(await lengths('ALL SHORTEST'), [2n, 2n]);
  assert.deepEqual(await lengths('SHORTEST GROUPS'), [2n, 2n]);
  assert.deepEqual(await lengths('SHORTEST 2 GROUPS'), [2n, 2n, 3n]);
  assert.equal((await lengths('ANY 2')).length, 2);
  assert.equal((await lengths('ANY')).length, 1);
  assert.deepEqual(await lengths('ALL'), [2n, 2n, 3n]);
  // One partition per end node: the shortest path to every node s reaches.
  assert.deepEqual(
    await column(
      db,
      "MATCH p = SHORTEST 1 (:X {n: 's'})-[:R]->+(x) RETURN x.n + ':' + toString(length(p)) AS e ORDER BY e",
    ),
    ['a:1', 'b:1', 'c:2', 'd:1', 't:2'],
  );
  await db.close();
});

test('a selector selects per input row, over quantified path patterns too, with k from a parameter', async () => {
  const db = await routes();
  assert.deepEqual(
    await column(
      db,
      "UNWIND [1, 2] AS i MATCH p = SHORTEST 2 (:X {n: 's'}) ((u)-[:R]->(v)){1,4} (:X {n: 't'}) RETURN i ORDER BY i",
    ),
    [1n, 1n, 2n, 2n],
  );
  assert.deepEqual(await column(db, `MATCH p = SHORTEST $k ${FROM_S_TO_T} RETURN count(p)`, { k: 3n }), [3n]);
  await assert.rejects(
    column(db, `MATCH p = SHORTEST $k ${FROM_S_TO_T} RETURN p`, { k: 0n }),
    (error: { code?: string }) => error.code === 'Neo.ClientError.Statement.ArgumentError',
  );
  assert.equal(
    await queryOutcome(db, `MATCH p = SHORTEST 0 ${FROM_S_TO_T} RETURN p`),
    'Neo.ClientError.Statement.SyntaxError',
  );
  await db.close();
});

test('the MATCH WHERE filters the selected paths; predicates inside the pattern choose what is selected', async () => {
  const db = await routes();
  // The two shortest paths have length 2: `length(p) = 3` then removes both.
  assert.deepEqual(
    await column(db, `MATCH p = SHORTEST 2 ${FROM_S_TO_T} WHERE length(p) = 3 RETURN length(p)`),
    [],
  );
  // Inside the pattern, the condition is part of what is matched: the shortest path avoiding a and d.
  assert.deepEqual(
    await column(
      db,
      "MATCH p = SHORTEST 1 (:X {n: 's'}) ((u)-[:R]->(v WHERE NOT v.n IN ['a', 'd'])){1,4} (:X {n: 't'}) RETURN length(p)",
    ),
    [3n],
  );
  assert.equal(
    await queryOutcome(db, `MATCH p = SHORTEST 2 ${FROM_S_TO_T} CREATE p = SHORTEST 1 (:Y)-[:R]->(:Y)`),
    'Neo.ClientError.Statement.SyntaxError',
  );
  const summary = await db.session().run(`EXPLAIN MATCH p = SHORTEST 2 ${FROM_S_TO_T} RETURN p`).summary();
  assert.match(JSON.stringify(summary.plan), /StatefulShortestPath/);
  await db.close();
});

test('a selector finds the shortest trails from a node back to itself', async () => {
  const db = await Database.open();
  await db
    .session()
    .run('CREATE (a:C {n: 1})-[:R]->(:C {n: 2})-[:R]->(:C {n: 3})-[:R]->(a), (a)-[:R]->(a)')
    .summary();
  const lengths = (selector: string): Promise<unknown[]> =>
    column(db, `MATCH p = ${selector} (a:C {n: 1})-[:R]->+(a) RETURN length(p) AS l ORDER BY l`);
  // The self-loop (1), then the triangle (3), then both (4).
  assert.deepEqual(await lengths('ANY SHORTEST'), [1n]);
  assert.deepEqual(await lengths('SHORTEST 2'), [1n, 3n]);
  assert.deepEqual(await lengths('SHORTEST 3 GROUPS'), [1n, 3n, 4n, 4n]);
  // shortestPath() keeps Neo4j's rule for its function: no path from a node to itself but the empty one.
  assert.deepEqual(await column(db, 'MATCH p = shortestPath((a:C {n: 1})-[:R*]->(a)) RETURN length(p)'), []);
  await db.close();
});
