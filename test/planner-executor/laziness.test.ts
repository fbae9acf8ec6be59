import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProfiledPlanDescription } from '../../src/planner/index.js';
import { TestDatabase } from './harness.js';

/** The PROFILE row count of the first operator named `type` (depth first). */
function rowsOf(profile: ProfiledPlanDescription | undefined, type: string): number | undefined {
  if (profile === undefined) return undefined;
  if (profile.operatorType === type) return profile.rows;
  for (const child of profile.children) {
    const rows = rowsOf(child, type);
    if (rows !== undefined) return rows;
  }
  return undefined;
}

describe('read-only plans are lazy', () => {
  it('unwinds only the range elements a LIMIT pulls', async () => {
    const db = new TestDatabase();
    const result = await db.run('UNWIND range(1, 100000000) AS x RETURN x LIMIT 3', {}, { profile: true });
    assert.deepEqual(result.rows, [[1n], [2n], [3n]]);
    assert.equal(rowsOf(result.profile, 'Unwind'), 3);
  });

  it('scans only as many nodes as the consumer pulls', async () => {
    const db = new TestDatabase();
    await db.run('UNWIND range(1, 2000) AS i CREATE (:N {i: i})');
    const result = await db.run('MATCH (n:N) RETURN n.i AS i', {}, { profile: true, limit: 5 });
    assert.equal(result.rows.length, 5);
    assert.equal(rowsOf(result.profile, 'NodeByLabelScan'), 5);
  });

  it('expands only until the LIMIT is satisfied', async () => {
    const db = new TestDatabase();
    await db.run('CREATE (h:Hub) WITH h UNWIND range(1, 500) AS i CREATE (h)-[:R]->(:Leaf)');
    const result = await db.run('MATCH (:Hub)-[:R]->(l) RETURN l LIMIT 2', {}, { profile: true });
    assert.equal(result.rows.length, 2);
    assert.equal(rowsOf(result.profile, 'Expand(All)'), 2);
  });

  it('still runs every write of an updating query under LIMIT 0', async () => {
    const db = new TestDatabase();
    const result = await db.run('UNWIND range(1, 10) AS i CREATE (n:W) RETURN n LIMIT 0');
    assert.deepEqual(result.rows, []);
    assert.equal(result.statistics.nodesCreated, 10);
  });
});
