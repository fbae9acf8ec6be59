import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';

async function column(db: Database, query: string, parameters = {}): Promise<unknown[]> {
  const records = await db.session().run(query, parameters).records();
  return records.map((record) => record.values[0]);
}

/** (a)-[:KNOWS]->(b)-[:KNOWS]->(c)-[:LIKES]->(d), names as properties. */
async function chain(): Promise<Database> {
  const db = await Database.open();
  await column(
    db,
    `CREATE (a {n: 'a'})-[:KNOWS]->(b {n: 'b'})-[:KNOWS]->(c {n: 'c'})-[:LIKES]->(d {n: 'd'})`,
  );
  return db;
}

test('dynamic relationship types in MATCH: one type, any of a list, beside static types, variable length', async () => {
  const db = await chain();
  const ends = (pattern: string, parameters = {}): Promise<unknown[]> =>
    column(db, `MATCH (x)${pattern}(y) RETURN x.n + y.n AS e ORDER BY e`, parameters);
  assert.deepEqual(await ends('-[:$($t)]->', { t: 'KNOWS' }), ['ab', 'bc']);
  assert.deepEqual(await ends('-[:$any($t)]->', { t: ['LIKES', 'NONE'] }), ['cd']);
  assert.deepEqual(await ends("-[:LIKES|$('KNOWS')]->"), ['ab', 'bc', 'cd']);
  // A relationship has one type: it cannot have all of several.
  assert.deepEqual(await ends("-[:$(['KNOWS', 'LIKES'])]->"), []);
  assert.deepEqual(await ends("-[:$('KNOWS')*2]->"), ['ac']);
  assert.deepEqual(await ends("-[:$('KNOWS')]->+"), ['ab', 'ac', 'bc']);
  assert.deepEqual(
    await column(db, "MATCH (x {n: 'a'}) ((p)-[:$('KNOWS')]->(q))+ (y) RETURN y.n ORDER BY y.n"),
    ['b', 'c'],
  );
  await db.close();
});

test('dynamic relationship types in CREATE and MERGE: evaluated per row, exactly one type', async () => {
  const db = await chain();
  assert.deepEqual(
    await column(
      db,
      "UNWIND ['T1', 'T2'] AS t MATCH (a {n: 'a'}), (d {n: 'd'}) CREATE (a)-[r:$(t)]->(d) RETURN type(r)",
    ),
    ['T1', 'T2'],
  );
  assert.deepEqual(
    await column(db, "MATCH (a {n: 'a'}), (d {n: 'd'}) CREATE (d)-[r:$(['BACK'])]->(a) RETURN type(r)"),
    ['BACK'],
  );
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(
      await column(db, "MATCH (a {n: 'a'}), (b {n: 'b'}) MERGE (a)-[r:$($t)]->(b) RETURN type(r)", {
        t: 'FOLLOWS',
      }),
      ['FOLLOWS'],
    );
  }
  assert.deepEqual(await column(db, 'MATCH ()-[r:FOLLOWS]->() RETURN count(r)'), [1n]);
  const create = (type: string): Promise<string> =>
    queryOutcome(db, `MATCH (a {n: 'a'}) CREATE (a)-[:${type}]->(a)`);
  assert.equal(await create("$(['A', 'B'])"), 'Neo.ClientError.Statement.ArgumentError');
  assert.equal(await create("$('')"), 'Neo.ClientError.Statement.ArgumentError');
  assert.equal(await create('$(1)'), 'Neo.ClientError.Statement.TypeError');
  assert.equal(await create("$any(['A'])"), 'Neo.ClientError.Statement.SyntaxError');
  assert.equal(await create("A|$('B')"), 'Neo.ClientError.Statement.SyntaxError');
  assert.deepEqual(await column(db, 'MATCH (a)-[r]->(a) RETURN count(r)'), [0n]);
  await db.close();
});
