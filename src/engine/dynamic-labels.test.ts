import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';

async function column(db: Database, query: string, parameters = {}): Promise<unknown[]> {
  const records = await db.session().run(query, parameters).records();
  return records.map((record) => record.values[0]);
}

test('dynamic labels in CREATE, MATCH, WHERE, MERGE, SET and REMOVE', async () => {
  const db = await Database.open();
  await column(db, "UNWIND ['Person', 'City'] AS kind CREATE (:$(kind) {name: kind})");
  await column(db, "CREATE (:Base:$(['X', 'Y']) {name: 'xy'})");
  assert.deepEqual(await column(db, "WITH 'Person' AS l MATCH (n:$(l)) RETURN n.name"), ['Person']);
  assert.deepEqual(
    await column(db, 'MATCH (n:$any($l)) RETURN n.name ORDER BY n.name', { l: ['City', 'X'] }),
    ['City', 'xy'],
  );
  assert.deepEqual(await column(db, "MATCH (n:$all(['X', 'Y'])) RETURN labels(n)"), [['Base', 'X', 'Y']]);
  assert.deepEqual(await column(db, 'MATCH (n) WHERE n:$($l) RETURN n.name', { l: 'City' }), ['City']);
  assert.deepEqual(await column(db, "MATCH (n:Person) SET n:$('Vip') RETURN labels(n)"), [['Person', 'Vip']]);
  assert.deepEqual(await column(db, "MATCH (n:Vip) REMOVE n:$(['Vip', 'Person']) RETURN labels(n)"), [[]]);
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(await column(db, "MERGE (n:$('Town') {name: 'Oslo'}) RETURN labels(n)"), [['Town']]);
  }
  assert.deepEqual(await column(db, 'MATCH (n:Town) RETURN count(n)'), [1n]);
  await db.close();
});

test('a dynamic label must be a non-empty STRING or a LIST<STRING>; CREATE takes conjunctions only', async () => {
  const db = await Database.open();
  assert.equal(await queryOutcome(db, 'CREATE (:$(1))'), 'Neo.ClientError.Statement.TypeError');
  assert.equal(await queryOutcome(db, 'CREATE (:$(null))'), 'Neo.ClientError.Statement.TypeError');
  assert.equal(await queryOutcome(db, "CREATE (:$(['A', null]))"), 'Neo.ClientError.Statement.TypeError');
  assert.equal(await queryOutcome(db, "CREATE (:$(''))"), 'Neo.ClientError.Statement.ArgumentError');
  assert.equal(
    await queryOutcome(db, 'MATCH (n:$(nowhere)) RETURN n'),
    'Neo.ClientError.Statement.SyntaxError',
  );
  for (const labels of ['A|B', '!A', '%', "$any(['A'])"]) {
    assert.equal(
      await queryOutcome(db, `CREATE (:${labels})`),
      'Neo.ClientError.Statement.SyntaxError',
      labels,
    );
    assert.equal(
      await queryOutcome(db, `MERGE (:${labels})`),
      'Neo.ClientError.Statement.SyntaxError',
      labels,
    );
  }
  assert.deepEqual(await column(db, 'MATCH (n) RETURN count(n)'), [0n]);
  await db.close();
});
