import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseError } from '../../src/errors/index.js';
import { TestDatabase } from './harness.js';

describe('write queries end to end', () => {
  it('creates nodes and relationships with properties, skipping nulls, and counts them', async () => {
    const db = new TestDatabase();
    const result = await db.run("CREATE (a:A:B {x: 1, y: null})-[r:T {w: 'k'}]->(b:A) RETURN a, r");
    assert.deepEqual(result.statistics.nodesCreated, 2);
    assert.deepEqual(result.statistics.relationshipsCreated, 1);
    assert.deepEqual(result.statistics.labelsAdded, 3);
    assert.deepEqual(result.statistics.propertiesSet, 2);
    assert.deepEqual(result.rows, [
      [
        { labels: ['A', 'B'], properties: { x: 1n } },
        { type: 'T', properties: { w: 'k' } },
      ],
    ]);
    assert.equal(result.plan.queryType, 'rw');
  });

  it('sets, replaces, merges and removes properties and labels', async () => {
    const db = new TestDatabase();
    await db.run('CREATE (:P {a: 1, b: 2})');
    const set = await db.run('MATCH (n:P) SET n.c = 3, n:Q SET n += {a: 10} RETURN n');
    assert.deepEqual(set.rows, [[{ labels: ['P', 'Q'], properties: { a: 10n, b: 2n, c: 3n } }]]);
    assert.equal(set.statistics.labelsAdded, 1);
    const replaced = await db.run('MATCH (n:P) SET n = {z: 0} REMOVE n:Q RETURN n');
    assert.deepEqual(replaced.rows, [[{ labels: ['P'], properties: { z: 0n } }]]);
    assert.equal(replaced.statistics.labelsRemoved, 1);
    const removed = await db.run('MATCH (n:P) REMOVE n.z SET n.gone = null RETURN n');
    assert.deepEqual(removed.rows, [[{ labels: ['P'], properties: {} }]]);
  });

  it('ignores SET on a null entity from OPTIONAL MATCH', async () => {
    const db = new TestDatabase();
    const result = await db.run('OPTIONAL MATCH (n:Missing) SET n.x = 1 RETURN n');
    assert.deepEqual(result.rows, [[null]]);
    assert.equal(result.statistics.propertiesSet, 0);
  });

  it('fails to delete a node that keeps relationships, but detach-deletes it', async () => {
    const db = new TestDatabase();
    await db.run('CREATE (:D)-[:R]->(:E)');
    await assert.rejects(db.run('MATCH (n:D) DELETE n'), (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.equal(error.detail, 'DeleteConnectedNode');
      return true;
    });
    const ok = await db.run('MATCH (n:D) DETACH DELETE n');
    assert.equal(ok.statistics.nodesDeleted, 1);
    assert.equal(ok.statistics.relationshipsDeleted, 1);
    assert.equal(ok.plan.queryType, 'w');
  });

  it('deletes a node together with its relationships in one statement', async () => {
    const db = new TestDatabase();
    await db.run('CREATE (:D)-[:R]->(:E)');
    const result = await db.run('MATCH (n:D)-[r]->() DELETE n, r');
    assert.equal(result.statistics.nodesDeleted, 1);
    assert.equal(result.statistics.relationshipsDeleted, 1);
  });

  it('merges: matches existing patterns and creates missing ones once per distinct row', async () => {
    const db = new TestDatabase();
    await db.run("CREATE (:City {name: 'Oslo'})");
    const result = await db.run(
      "UNWIND ['Oslo', 'Rome', 'Rome'] AS name MERGE (c:City {name: name}) ON CREATE SET c.new = true ON MATCH SET c.seen = true",
    );
    assert.equal(result.statistics.nodesCreated, 1);
    const cities = await db.run('MATCH (c:City) RETURN c.name, c.new, c.seen ORDER BY c.name');
    // Oslo existed; Rome was created by the second row and matched by the third.
    assert.deepEqual(cities.rows, [
      ['Oslo', null, true],
      ['Rome', true, true],
    ]);
  });

  it('merges a relationship between bound nodes', async () => {
    const db = new TestDatabase();
    await db.run('CREATE (:A), (:B)');
    await db.run('MATCH (a:A), (b:B) MERGE (a)-[:KNOWS]->(b)');
    const again = await db.run('MATCH (a:A), (b:B) MERGE (a)-[r:KNOWS]->(b) RETURN count(r) AS c');
    assert.deepEqual(again.rows, [[1n]]);
    assert.equal(again.statistics.relationshipsCreated, 0);
  });

  it('runs FOREACH bodies per element', async () => {
    const db = new TestDatabase();
    const result = await db.run('FOREACH (i IN [1, 2, 3] | CREATE (:F {i: i}))');
    assert.equal(result.statistics.nodesCreated, 3);
    const check = await db.run('MATCH (f:F) RETURN sum(f.i) AS s');
    assert.deepEqual(check.rows, [[6n]]);
  });

  it('sees earlier clauses writes in later reads of the same statement', async () => {
    const db = new TestDatabase();
    const result = await db.run('CREATE (:S) WITH 1 AS one MATCH (s:S) RETURN count(s) AS c');
    assert.deepEqual(result.rows, [[1n]]);
    const twice = await db.run('MATCH (s:S) CREATE (:S) WITH 1 AS one MATCH (s:S) RETURN count(s) AS c');
    assert.deepEqual(twice.rows, [[2n]]);
  });
});
