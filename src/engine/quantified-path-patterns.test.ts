import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

/**
 * The graph: a directed triangle 0 -> 1 -> 2 -> 0 of :R (weights 1, 2, 3), a tail 2 -[:S]-> 3, and a
 * shortcut 0 -[:R {w: 9}]-> 3.
 */
async function triangle(): Promise<Database> {
  const db = await Database.open();
  await db
    .session()
    .run(
      `CREATE (n0:N {i: 0})-[:R {w: 1}]->(n1:N {i: 1})-[:R {w: 2}]->(n2:N {i: 2})-[:R {w: 3}]->(n0),
              (n2)-[:S {w: 4}]->(n3:M {i: 3}), (n0)-[:R {w: 9}]->(n3)`,
    )
    .summary();
  return db;
}

test('a quantified path pattern repeats its chain min..max times, each iteration from the last one’s end', async () => {
  const db = await triangle();
  const ends = (quantifier: string): Promise<unknown[][]> =>
    rows(db, `MATCH (:N {i: 0}) ((a)-[r:R]->(b))${quantifier} (y) RETURN y.i, size(r) ORDER BY size(r), y.i`);
  assert.deepEqual(await ends('{1}'), [
    [1n, 1n],
    [3n, 1n],
  ]);
  assert.deepEqual(await ends('{2,3}'), [
    [2n, 2n],
    [0n, 3n],
  ]);
  // `*` and `{,2}` include zero iterations: the outer nodes are then one node.
  assert.deepEqual(await ends('{,2}'), [
    [0n, 0n],
    [1n, 1n],
    [3n, 1n],
    [2n, 2n],
  ]);
  // No relationship twice: around the triangle once (and out by the shortcut), then the trail ends.
  assert.deepEqual(await ends('+'), [
    [1n, 1n],
    [3n, 1n],
    [2n, 2n],
    [0n, 3n],
    [3n, 4n],
  ]);
  assert.deepEqual(await ends('*'), await ends('{0,}'));
  await db.close();
});

test('inner variables are group variables outside: lists in iteration order, whichever end is planned first', async () => {
  const db = await triangle();
  const forward = await rows(
    db,
    `MATCH (x:N {i: 0}) ((a)-[r]->(m)-[s]->(b)){1,2} (y)
     RETURN [n IN a | n.i], [n IN m | n.i], [q IN r | q.w], [q IN s | q.w], y.i ORDER BY size(r), y.i`,
  );
  assert.deepEqual(forward, [
    [[0n], [1n], [1n], [2n], 2n],
    [[0n, 2n], [1n, 0n], [1n, 3n], [2n, 9n], 3n],
  ]);
  // With only the right end bound, the chain is walked backwards; the lists still read left to right.
  const backward = await rows(
    db,
    `MATCH (y {i: 3}) MATCH p = (x) ((a)-[r]->(m)-[s]->(b)){1,2} (y)
     RETURN x.i, [n IN a | n.i], [n IN m | n.i], [q IN r | q.w], [n IN nodes(p) | n.i] ORDER BY size(r), x.i`,
  );
  assert.deepEqual(backward, [
    [1n, [1n], [2n], [2n], [1n, 2n, 3n]],
    [2n, [2n], [0n], [3n], [2n, 0n, 3n]],
    [0n, [0n, 2n], [1n, 0n], [1n, 3n], [0n, 1n, 2n, 0n, 3n]],
    [2n, [2n, 1n], [0n, 2n], [3n, 2n], [2n, 0n, 1n, 2n, 3n]],
  ]);
  await db.close();
});

test('the trail shares relationship uniqueness with the rest of the MATCH', async () => {
  const db = await triangle();
  // Undirected, three hops around the triangle: each start and direction once (6), never reusing an edge.
  assert.deepEqual(await rows(db, 'MATCH (:N) ((a)-[r:R]-(b)){3} (:N) RETURN count(*)'), [[6n]]);
  // The outer relationship t is the first hop from 0; the trail may not walk it again.
  assert.deepEqual(
    await rows(
      db,
      'MATCH (x:N {i: 0})-[t:R {w: 1}]->(z) ((a)-[r:R]-(b)){1,5} (x) RETURN [q IN r | q.w] ORDER BY size(r)',
    ),
    [[[2n, 3n]]],
  );
  // A cycle back to the start: the end node is the bound start (Into).
  assert.deepEqual(await rows(db, 'MATCH (x:N) ((a)-[:R]->(b))+ (x) RETURN x.i ORDER BY x.i'), [
    [0n],
    [1n],
    [2n],
  ]);
  await db.close();
});

test('inner predicates: labels, properties, WHERE per iteration, and variables of earlier clauses', async () => {
  const db = await triangle();
  assert.deepEqual(
    await rows(db, 'MATCH (:N {i: 0}) ((a)-[r WHERE r.w < 9]->(b:N)){1,4} (y) RETURN y.i ORDER BY y.i'),
    [[0n], [1n], [2n]],
  );
  assert.deepEqual(
    await rows(
      db,
      'MATCH (:N {i: 0}) ((a)-[r]->(b) WHERE r.w + a.i < 4){1,4} (y) RETURN [q IN r | q.w] ORDER BY size(r)',
    ),
    [[[1n]], [[1n, 2n]]],
  );
  assert.deepEqual(
    await rows(
      db,
      `MATCH (stop {i: 2}) MATCH (:N {i: 0}) ((a)-[r]->(b) WHERE b <> stop){1,4} (y)
       RETURN y.i ORDER BY y.i`,
    ),
    [[1n], [3n]],
  );
  // A WHERE of the MATCH sees the lists.
  assert.deepEqual(
    await rows(db, 'MATCH (:N {i: 0}) ((a)-[r]->(b))+ (y) WHERE size(r) = 2 RETURN y.i ORDER BY y.i'),
    [[2n]],
  );
  await db.close();
});

test('quantified path patterns in OPTIONAL MATCH, EXISTS, COUNT and pattern comprehensions', async () => {
  const db = await triangle();
  assert.deepEqual(await rows(db, 'MATCH (x:M) OPTIONAL MATCH (x) ((a)-[r]->(b))+ (y) RETURN x.i, y, r'), [
    [3n, null, null],
  ]);
  assert.deepEqual(await rows(db, 'MATCH (x) WHERE EXISTS { (x) ((a)-[:S]->(b)){1} } RETURN x.i'), [[2n]]);
  assert.deepEqual(
    await rows(db, 'MATCH (x) RETURN x.i, COUNT { (x) ((a)-[:R]->(b)){2} (y) } ORDER BY x.i'),
    [
      [0n, 1n],
      [1n, 1n],
      [2n, 2n],
      [3n, 0n],
    ],
  );
  assert.deepEqual(await rows(db, 'MATCH (x:N {i: 1}) RETURN [(x) ((a)-[:R]->(b)){1,2} (y) | y.i] AS ys'), [
    [[2n, 0n]],
  ]);
  await db.close();
});

test('a quantified path pattern at either end or beside another gets an anonymous node', async () => {
  const db = await triangle();
  // 0>1>2>0, 1>2>0>1, 1>2>0>3 and 2>0>1>2.
  assert.deepEqual(await rows(db, 'MATCH ((a)-[:R]->(b)){3} RETURN count(*)'), [[4n]]);
  assert.deepEqual(
    await rows(db, 'MATCH ((a)-[:R]->(b)){2} ((c)-[:S]->(d)){1} RETURN [n IN a | n.i], [n IN d | n.i]'),
    [[[0n, 1n], [3n]]],
  );
  await db.close();
});

test('refused quantified path patterns', async () => {
  const db = await triangle();
  const syntaxError = 'Neo.ClientError.Statement.SyntaxError';
  for (const query of [
    'MATCH (((a)-->(b)){2}){2} RETURN 1',
    'MATCH ((a)){2} RETURN 1',
    'MATCH ((a)-[*]->(b)){2} RETURN 1',
    'MATCH ((a)-[:R]->+(b)){2} RETURN 1',
    'MATCH (a) ((b)-->(c)) (d) RETURN 1',
    'MATCH (a) (b) RETURN 1',
    'MATCH (a) ((a)-->(b))+ RETURN 1',
    'MATCH ((a)-->(b))+, ((c)-->(a))+ RETURN 1',
    'MATCH (x) MATCH ((x)-->(b))+ RETURN 1',
    'MATCH (x) ((a)-->(b) WHERE a <> x)+ RETURN 1',
    'MATCH ((a)-[r]->(b) WHERE count(*) > 1){2} RETURN 1',
    'MATCH ((a)-->(b)){3,2} RETURN 1',
    'CREATE ((a)-[:R]->(b)){2}',
    'MERGE (x) ((a)-[:R]->(b)){1} (y)',
    'MATCH p = shortestPath((x) ((a)-->(b))+ (y)) RETURN p',
  ]) {
    assert.equal(await queryOutcome(db, query), syntaxError, query);
  }
  assert.equal(
    await queryOutcome(db, 'MATCH ((a)-[r]->(b)){1,2} RETURN a.i'),
    'Neo.ClientError.Statement.TypeError',
  );
  await db.close();
});

test('EXPLAIN shows the trail as Repeat(Trail) over the inner plan of one iteration', async () => {
  const db = await triangle();
  const summary = await db
    .session()
    .run('EXPLAIN MATCH (x:N {i: 0}) ((a)-[r:R]->(b) WHERE r.w > 0){1,3} (y) RETURN y')
    .summary();
  const operators: string[] = [];
  const walk = (plan: { operatorType: string; children: readonly unknown[] }): void => {
    operators.push(plan.operatorType);
    for (const child of plan.children) walk(child as typeof plan);
  };
  assert.ok(summary.plan !== undefined);
  walk(summary.plan);
  assert.ok(operators.includes('Repeat(Trail)'), operators.join(', '));
  const trail = JSON.stringify(summary.plan);
  assert.match(trail, /\(x\) \(\(a\)-\[r:R\]->\(b\) WHERE r\.w > 0\)\{1,3\} \(y\)/);
  await db.close();
});
