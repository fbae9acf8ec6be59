import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Database } from '../../src/engine/index.js';
import { splitPathPredicate } from '../../src/execution/operators/shortest-path-predicates.js';
import type { PhysicalPlan, ShortestPathOp } from '../../src/planner/index.js';
import { TestDatabase } from './harness.js';
import { queryOutcome as outcome } from '../support/query-outcome.js';

const MIB = 1024 * 1024;
const OUT_OF_MEMORY = 'Neo.ClientError.General.TransactionOutOfMemoryError';

/** A chain (:C {i: 0})-[:NEXT]->(:C {i: 1}) … of `size` nodes. */
async function chain(size: number): Promise<TestDatabase> {
  const db = new TestDatabase();
  await db.run(
    'UNWIND range(0, $last) AS i CREATE (:C {i: i}) WITH i WHERE i > 0 ' +
      'MATCH (a:C {i: i - 1}), (b:C {i: i}) CREATE (a)-[:NEXT]->(b)',
    { last: BigInt(size - 1) },
  );
  return db;
}

/** A side × side grid with relationships to the right and downwards, cells (:G {x, y}). */
async function grid(side: number): Promise<TestDatabase> {
  const db = new TestDatabase();
  const last = BigInt(side - 1);
  await db.run('UNWIND range(0, $last) AS x UNWIND range(0, $last) AS y CREATE (:G {x: x, y: y})', { last });
  await db.run('MATCH (a:G), (b:G) WHERE b.x = a.x + 1 AND b.y = a.y CREATE (a)-[:R]->(b)');
  await db.run('MATCH (a:G), (b:G) WHERE b.y = a.y + 1 AND b.x = a.x CREATE (a)-[:R]->(b)');
  return db;
}

function findShortestPath(plan: PhysicalPlan): ShortestPathOp | undefined {
  if (plan.kind === 'ShortestPath') return plan;
  for (const value of Object.values(plan)) {
    if (typeof value === 'object' && value !== null && 'kind' in value) {
      const found = findShortestPath(value as PhysicalPlan);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

describe('shortestPath', () => {
  it('respects the maximum length on a long chain', async () => {
    const db = await chain(20);
    const query = (max: string): string =>
      `MATCH (a:C {i: 0}), (b:C {i: $to}) MATCH p = shortestPath((a)-[:NEXT${max}]->(b)) RETURN length(p)`;
    assert.deepEqual((await db.run(query('*..15'), { to: 15n })).rows, [[15n]]);
    assert.deepEqual((await db.run(query('*..15'), { to: 16n })).rows, []);
    assert.deepEqual((await db.run(query('*'), { to: 19n })).rows, [[19n]]);
    // Against the direction of the chain there is no path.
    const backwards = 'MATCH (a:C {i: 0}), (b:C {i: 5}) MATCH p = shortestPath((a)<-[*]-(b)) RETURN p';
    assert.deepEqual((await db.run(backwards)).rows, []);
  });

  it('gives every shortest path of a grid with allShortestPaths and one with shortestPath', async () => {
    const db = await grid(4);
    const query = (form: string, arrow: string): string =>
      `MATCH (a:G {x: 0, y: 0}), (b:G {x: 3, y: 3}) MATCH p = ${form}((a)-[*]-${arrow}(b)) ` +
      'RETURN [n IN nodes(p) | [n.x, n.y]] AS cells';
    for (const arrow of ['>', '']) {
      const all = (await db.run(query('allShortestPaths', arrow))).rows;
      // Six steps, three of them to the right: C(6, 3) monotone paths, all different.
      assert.equal(all.length, 20);
      assert.equal(new Set(all.map((row) => String(row))).size, 20);
      for (const [cells] of all as [bigint[][]][]) assert.equal(cells.length, 7);
      const one = (await db.run(query('shortestPath', arrow))).rows;
      assert.equal(one.length, 1);
    }
  });

  it('returns the zero-length path for equal end nodes only when the minimum is 0', async () => {
    const db = await chain(3);
    const query = (length: string): string =>
      `MATCH (a:C {i: 1}) MATCH p = shortestPath((a)-[*${length}]-(a)) RETURN length(p)`;
    assert.deepEqual((await db.run(query('0..'))).rows, [[0n]]);
    assert.deepEqual((await db.run(query(''))).rows, []);
  });

  it('finds the shortest path that satisfies a relationship predicate, not the shortest one', async () => {
    const db = new TestDatabase();
    await db.run(
      "CREATE (a:P {n: 'a'})-[:R {ok: false}]->(b:P {n: 'b'}), (a)-[:R {ok: true}]->(:P)-[:R {ok: true}]->(b)",
    );
    const result = await db.run(
      "MATCH (a:P {n: 'a'}), (b:P {n: 'b'}) MATCH p = shortestPath((a)-[*]->(b)) " +
        'WHERE all(r IN relationships(p) WHERE r.ok) RETURN length(p)',
    );
    assert.deepEqual(result.rows, [[2n]]);
  });
});

describe('the path predicate of shortestPath', () => {
  const cases: readonly [string, readonly string[], boolean][] = [
    ['all(x IN relationships(p) WHERE x.w > 1)', ['relationship-of-path'], false],
    ['none(n IN nodes(p) WHERE n.bad)', ['node'], false],
    ['all(x IN r WHERE x.w > 1) AND none(n IN nodes(p) WHERE n.bad)', ['relationship-list', 'node'], false],
    ['any(x IN relationships(p) WHERE x.w > 1)', [], true],
    ['length(p) > 1', [], true],
    ['all(x IN relationships(p) WHERE x.w < length(p))', [], true],
    ['all(x IN relationships(p) WHERE x.w > 1) AND length(p) > 1', ['relationship-of-path'], true],
  ];
  for (const [where, steps, whole] of cases) {
    it(`checks ${where} ${whole ? 'on whole paths' : 'at each step'}`, () => {
      const db = new TestDatabase();
      const plan = db.plan(`MATCH (a), (b) MATCH p = shortestPath((a)-[r*]->(b)) WHERE ${where} RETURN p`);
      const operator = findShortestPath(plan.root);
      assert.ok(operator !== undefined, 'the plan has a ShortestPath operator');
      const split = splitPathPredicate(operator);
      assert.deepEqual(
        split.steps.map((step) => step.binding),
        steps,
      );
      assert.equal(split.whole !== undefined, whole);
    });
  }
});

describe('the memory of a shortestPath search', () => {
  it('is charged to the transaction while the search runs', async () => {
    const db = await Database.open({ transactionMemoryMax: 1 * MIB });
    await db.session().run('CREATE (:Hub), (:Target)').summary();
    for (const label of ['Hub', 'Target']) {
      for (let batch = 0; batch < 15; batch++) {
        await db
          .session()
          .run(`MATCH (h:${label}) UNWIND range(1, 1000) AS i CREATE (h)-[:R]->(:Leaf)`)
          .summary();
      }
    }
    // Unreachable from each other: both sides visit their 15,000 leaves before the search ends.
    const query = 'MATCH (a:Hub), (b:Target) MATCH p = shortestPath((a)-[*..5]-(b)) RETURN length(p) AS l';
    assert.equal(await outcome(db, query), OUT_OF_MEMORY);
    await db.close();
  });

  it('is given back when the search ends', async () => {
    const db = await Database.open({ transactionMemoryMax: 1 * MIB });
    await db.session().run('CREATE (:Hub), (:Target)').summary();
    for (const label of ['Hub', 'Hub', 'Hub', 'Target', 'Target', 'Target']) {
      await db
        .session()
        .run(`MATCH (h:${label}) UNWIND range(1, 1000) AS i CREATE (h)-[:R]->(:Leaf)`)
        .summary();
    }
    const tx = db.session().beginTransaction();
    const query = 'MATCH (a:Hub), (b:Target) MATCH p = shortestPath((a)-[*..5]-(b)) RETURN length(p) AS l';
    // Each search holds about a quarter of the limit: five in one transaction only fit if each gives back.
    for (let run = 0; run < 5; run++) assert.deepEqual(await tx.run(query).records(), []);
    assert.equal(db.engine.activeTransactions[0]?.memory.used, 0);
    await tx.rollback();
    await db.close();
  });
});
