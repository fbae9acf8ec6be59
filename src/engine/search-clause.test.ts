/**
 * Cypher 25's SEARCH subclause of MATCH (Neo4j 2026.01): the k nearest entities of a VECTOR index, best
 * first, with an in-index WHERE and a SCORE; the MATCH's own predicates and WHERE filter afterwards.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

async function songs(): Promise<Database> {
  const db = await Database.open();
  await rows(
    db,
    'CREATE VECTOR INDEX tunes FOR (s:Song) ON s.sound OPTIONS {indexConfig: {`vector.dimensions`: 2}}',
  );
  await rows(
    db,
    `CREATE (:Song {name: 'north', year: 1970, sound: [0.0, 1.0]}),
            (:Song:Hit {name: 'north-east', year: 1985, sound: [1.0, 1.0]}),
            (:Song {name: 'east', year: 2000, sound: [1.0, 0.0]}),
            (:Song:Hit {name: 'south', year: 2020, sound: [0.0, -1.0]}),
            (:Song {name: 'silent', year: 2021}),
            (:Song {name: 'pair'})-[:COVERS]->(:Song {name: 'covered', sound: [0.1, 1.0]})`,
  );
  return db;
}

test('SEARCH keeps the k nearest, best first, and binds their score', async () => {
  const db = await songs();
  assert.deepEqual(
    await rows(db, 'MATCH (s:Song) SEARCH s IN (VECTOR INDEX tunes FOR [0.0, 2.0] LIMIT 3) RETURN s.name'),
    [['north'], ['covered'], ['north-east']],
  );
  const scored = await rows(
    db,
    `MATCH (s) SEARCH s IN (VECTOR INDEX tunes FOR [0.0, 2.0] LIMIT 2) SCORE AS score
     RETURN s.name, score = vector.similarity.cosine(s.sound, [0.0, 2.0])`,
  );
  assert.deepEqual(scored, [
    ['north', true],
    ['covered', true],
  ]);
  assert.deepEqual(
    await rows(db, 'MATCH (s) SEARCH s IN (VECTOR INDEX tunes FOR [1, 0] LIMIT 0) RETURN s'),
    [],
  );
});

test("the in-index WHERE filters while searching; the MATCH's predicates and WHERE filter afterwards", async () => {
  const db = await songs();
  const search = 'SEARCH s IN (VECTOR INDEX tunes FOR [0.0, 2.0] LIMIT 2)';
  assert.deepEqual(
    await rows(
      db,
      'MATCH (s) SEARCH s IN (VECTOR INDEX tunes FOR [0.0, 2.0] WHERE s.year > 1980 LIMIT 2) RETURN s.name',
    ),
    [['north-east'], ['east']],
  );
  assert.deepEqual(await rows(db, `MATCH (s) WHERE s.year > 1980 ${search} RETURN s.name`), []);
  assert.deepEqual(await rows(db, `MATCH (s) ${search} WHERE s.year < 1980 RETURN s.name`), [['north']]);
  assert.deepEqual(
    await rows(db, 'MATCH (s:Hit) SEARCH s IN (VECTOR INDEX tunes FOR [0.0, 2.0] LIMIT 3) RETURN s.name'),
    [['north-east']],
  );
  // The pattern goes on from what was found.
  assert.deepEqual(await rows(db, `MATCH (c)-[:COVERS]->(s) ${search} RETURN c.name, s.name`), [
    ['pair', 'covered'],
  ]);
});

test('the query vector may come from the graph; OPTIONAL MATCH keeps its row; bad variables are refused', async () => {
  const db = await songs();
  assert.deepEqual(
    await rows(
      db,
      `MATCH (e:Song {name: 'east'})
       MATCH (s:Song) SEARCH s IN (VECTOR INDEX tunes FOR e.sound LIMIT 2)
       RETURN s.name`,
    ),
    [['east'], ['north-east']],
  );
  assert.deepEqual(
    await rows(db, 'OPTIONAL MATCH (s) SEARCH s IN (VECTOR INDEX tunes FOR [1, 0] LIMIT 0) RETURN s'),
    [[null]],
  );
  assert.equal(
    await queryOutcome(db, 'MATCH (s) SEARCH t IN (VECTOR INDEX tunes FOR [1, 0] LIMIT 1) RETURN s'),
    'Neo.ClientError.Statement.SyntaxError',
  );
  assert.equal(
    await queryOutcome(db, 'MATCH (s) SEARCH s IN (VECTOR INDEX nothing FOR [1, 0] LIMIT 1) RETURN s'),
    'Neo.ClientError.Schema.IndexNotFound',
  );
});
