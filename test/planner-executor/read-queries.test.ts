import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestDatabase } from './harness.js';

async function social(): Promise<TestDatabase> {
  const db = new TestDatabase();
  await db.run(
    "CREATE (a:Person {name: 'Ann', age: 30})-[:KNOWS {since: 2000}]->(b:Person {name: 'Bob', age: 25})," +
      " (b)-[:KNOWS {since: 2010}]->(c:Person {name: 'Cid', age: 35}), (a)-[:LIKES]->(c), (:City {name: 'Oslo'})",
  );
  return db;
}

describe('read queries end to end', () => {
  it('returns the nodes of a label scan with a property filter', async () => {
    const db = await social();
    const result = await db.run('MATCH (n:Person) WHERE n.age > 28 RETURN n.name AS name ORDER BY name');
    assert.deepEqual(result.columns, ['name']);
    assert.deepEqual(result.rows, [['Ann'], ['Cid']]);
  });

  it('expands relationships in the pattern direction with a type', async () => {
    const db = await social();
    const result = await db.run('MATCH (a)-[r:KNOWS]->(b) RETURN a.name, r.since, b.name ORDER BY r.since');
    assert.deepEqual(result.columns, ['a.name', 'r.since', 'b.name']);
    assert.deepEqual(result.rows, [
      ['Ann', 2000n, 'Bob'],
      ['Bob', 2010n, 'Cid'],
    ]);
  });

  it('follows undirected patterns both ways and keeps relationships unique within a MATCH', async () => {
    const db = await social();
    const result = await db.run("MATCH (a {name: 'Bob'})-[:KNOWS]-(x)-[:KNOWS]-(y) RETURN x.name, y.name");
    assert.deepEqual(result.rows, []);
    const two = await db.run("MATCH (a {name: 'Ann'})-[r1]-(x), (x)-[r2]-(y) RETURN count(*) AS c");
    // Ann has 2 relationships; from Bob one other (Cid), from Cid one other (Bob).
    assert.deepEqual(two.rows, [[2n]]);
  });

  it('groups with aggregation and orders by the aggregate', async () => {
    const db = await social();
    const result = await db.run(
      'MATCH (a:Person)-->(b) RETURN a.name AS name, count(b) AS friends, collect(b.name) AS names ORDER BY friends DESC, name',
    );
    assert.deepEqual(result.rows, [
      ['Ann', 2n, ['Bob', 'Cid']],
      ['Bob', 1n, ['Cid']],
    ]);
  });

  it('counts zero rows as one row with zero', async () => {
    const db = new TestDatabase();
    const result = await db.run('MATCH (n:Nothing) RETURN count(*) AS c, count(n) AS d');
    assert.deepEqual(result.rows, [[0n, 0n]]);
  });

  it('applies WITH, DISTINCT, SKIP and LIMIT', async () => {
    const db = await social();
    const result = await db.run(
      'MATCH (n:Person) WITH n.age > 26 AS old, n ORDER BY n.name SKIP 1 LIMIT 2 RETURN DISTINCT old',
    );
    assert.deepEqual(result.rows, [[false], [true]]);
  });

  it('unwinds lists and nulls', async () => {
    const db = new TestDatabase();
    const result = await db.run('UNWIND [1, 2, 3] AS x UNWIND [x, null] AS y RETURN x, y');
    assert.equal(result.rows.length, 6);
    const none = await db.run('UNWIND null AS x RETURN x');
    assert.deepEqual(none.rows, []);
  });

  it('fills OPTIONAL MATCH misses with nulls', async () => {
    const db = await social();
    const result = await db.run(
      'MATCH (n:Person) OPTIONAL MATCH (n)-[:LIKES]->(m) RETURN n.name, m.name ORDER BY n.name',
    );
    assert.deepEqual(result.rows, [
      ['Ann', 'Cid'],
      ['Bob', null],
      ['Cid', null],
    ]);
  });

  it('matches variable-length paths and binds the relationship list', async () => {
    const db = await social();
    const result = await db.run(
      "MATCH p = (a {name: 'Ann'})-[:KNOWS*1..2]->(b) RETURN b.name, length(p) ORDER BY b.name",
    );
    assert.deepEqual(result.rows, [
      ['Bob', 1n],
      ['Cid', 2n],
    ]);
    const zero = await db.run("MATCH (a {name: 'Ann'})-[:KNOWS*0..1]->(b) RETURN b.name ORDER BY b.name");
    assert.deepEqual(zero.rows, [['Ann'], ['Bob']]);
  });

  it('combines UNION (distinct) and UNION ALL', async () => {
    const db = new TestDatabase();
    const distinct = await db.run('RETURN 1 AS x UNION RETURN 1 AS x');
    assert.deepEqual(distinct.rows, [[1n]]);
    const all = await db.run('RETURN 1 AS x UNION ALL RETURN 1 AS x');
    assert.deepEqual(all.rows, [[1n], [1n]]);
  });

  it('evaluates pattern predicates through subplans', async () => {
    const db = await social();
    const result = await db.run('MATCH (n:Person) WHERE (n)-[:LIKES]->() RETURN n.name');
    assert.deepEqual(result.rows, [['Ann']]);
    const counted = await db.run('MATCH (n:Person) RETURN n.name, COUNT { (n)-->() } AS out ORDER BY n.name');
    assert.deepEqual(counted.rows, [
      ['Ann', 2n],
      ['Bob', 1n],
      ['Cid', 0n],
    ]);
  });

  it('returns all variables for RETURN * sorted by name', async () => {
    const db = await social();
    const result = await db.run("MATCH (b {name: 'Bob'})<-[r]-(a) RETURN *");
    assert.deepEqual(result.columns, ['a', 'b', 'r']);
  });

  it('runs a returning CALL subquery per row', async () => {
    const db = new TestDatabase();
    const result = await db.run('UNWIND [1, 2] AS x CALL { WITH x UNWIND [x, x] AS y RETURN y } RETURN x, y');
    assert.deepEqual(result.rows, [
      [1n, 1n],
      [1n, 1n],
      [2n, 2n],
      [2n, 2n],
    ]);
  });

  it('finds a shortest path', async () => {
    const db = await social();
    const result = await db.run(
      "MATCH (a {name: 'Ann'}), (c {name: 'Cid'}) MATCH p = shortestPath((a)-[*]-(c)) RETURN length(p)",
    );
    assert.deepEqual(result.rows, [[1n]]);
  });
});
