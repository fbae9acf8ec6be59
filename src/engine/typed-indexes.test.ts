/**
 * TEXT, POINT and VECTOR indexes: created, listed, dumped and dropped as in Neo4j, durable, and VECTOR
 * indexes searched with `db.index.vector.queryNodes` / `queryRelationships`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

const VECTORS: readonly (readonly [string, readonly number[]])[] = [
  ['east', [1, 0, 0]],
  ['east-north-east', [0.9, 0.1, 0]],
  ['north', [0, 1, 0]],
  ['up', [0, 0, 1]],
  ['diagonal', [1, 1, 1]],
];

async function documents(similarity = 'cosine'): Promise<Database> {
  const db = await Database.open();
  await rows(
    db,
    `CREATE VECTOR INDEX doc_embedding FOR (d:Doc) ON d.embedding
     OPTIONS {indexConfig: {\`vector.dimensions\`: 3, \`vector.similarity_function\`: $similarity}}`,
    { similarity },
  );
  await rows(db, 'UNWIND $docs AS doc CREATE (:Doc {name: doc[0], embedding: doc[1]})', {
    docs: VECTORS.map(([name, vector]) => [name, vector.map((value) => value + 0.0)]),
  });
  return db;
}

test('a VECTOR index finds the nearest nodes by cosine, best first, with the vector.similarity scores', async () => {
  const db = await documents();
  const found = await rows(
    db,
    `CALL db.index.vector.queryNodes('doc_embedding', 3, [1.0, 0.05, 0.0]) YIELD node, score
     RETURN node.name, score, score = vector.similarity.cosine(node.embedding, [1.0, 0.05, 0.0])`,
  );
  assert.deepEqual(
    found.map(([name, , same]) => [name, same]),
    [
      ['east', true],
      ['east-north-east', true],
      ['diagonal', true],
    ],
  );
  const scores = found.map(([, score]) => score as number);
  assert.ok(scores[0]! > scores[1]! && scores[1]! > scores[2]!);
});

test('Euclidean VECTOR indexes score 1 / (1 + d²); k larger than the index returns everything', async () => {
  const db = await documents('euclidean');
  const found = await rows(
    db,
    `CALL db.index.vector.queryNodes('doc_embedding', 10, [0.0, 0.0, 1.0]) YIELD node, score
     RETURN node.name, score`,
  );
  assert.equal(found.length, VECTORS.length);
  assert.deepEqual(found[0], ['up', 1]);
  assert.deepEqual(found[1], ['east-north-east', 1 / (1 + 0.81 + 0.01 + 1)]);
  // A tie (east and north are both √2 away) goes to the older node.
  assert.deepEqual(found.slice(2, 4), [
    ['east', 1 / 3],
    ['north', 1 / 3],
  ]);
});

test('the search sees the transaction: its own writes, not deleted or changed vectors', async () => {
  const db = await documents();
  const session = db.session();
  const tx = session.beginTransaction();
  await tx.run("MATCH (d:Doc {name: 'east'}) DETACH DELETE d").summary();
  await tx.run("MATCH (d:Doc {name: 'north'}) SET d.embedding = 'not a vector'").summary();
  await tx.run("CREATE (:Doc {name: 'new-east', embedding: [2.0, 0.0, 0.0]})").summary();
  await tx
    .run("MATCH (d:Doc {name: 'up'}) CALL db.create.setNodeVectorProperty(d, 'embedding', [0.0, 3.0, 0.0])")
    .summary();
  const inside = await tx
    .run(
      "CALL db.index.vector.queryNodes('doc_embedding', 10, [1.0, 0.0, 0.0]) YIELD node RETURN node.name AS name",
    )
    .records();
  assert.deepEqual(
    inside.map((record) => record.get('name')),
    ['new-east', 'east-north-east', 'diagonal', 'up'],
  );
  await tx.rollback();
  const outside = await rows(
    db,
    "CALL db.index.vector.queryNodes('doc_embedding', 10, [1.0, 0.0, 0.0]) YIELD node RETURN node.name",
  );
  assert.deepEqual(outside.flat(), ['east', 'east-north-east', 'diagonal', 'north', 'up']);
});

test('vectors of another dimension are not indexed; wrong queries fail as in Neo4j', async () => {
  const db = await documents();
  await rows(
    db,
    "CREATE (:Doc {name: 'flat', embedding: [1.0, 0.0]}), (:Doc {name: 'zero', embedding: [0.0, 0.0, 0.0]})",
  );
  const all = await rows(
    db,
    "CALL db.index.vector.queryNodes('doc_embedding', 100, [1, 0, 0]) YIELD node RETURN count(*)",
  );
  assert.deepEqual(all, [[BigInt(VECTORS.length)]]);
  const failures: [string, string][] = [
    [
      "CALL db.index.vector.queryNodes('doc_embedding', 2, [1.0, 0.0]) YIELD node RETURN node",
      'Neo.ClientError.Statement.ArgumentError',
    ],
    [
      "CALL db.index.vector.queryNodes('doc_embedding', 0, [1.0, 0.0, 0.0]) YIELD node RETURN node",
      'Neo.ClientError.Statement.ArgumentError',
    ],
    [
      "CALL db.index.vector.queryNodes('doc_embedding', 2, [0.0, 0.0, 0.0]) YIELD node RETURN node",
      'Neo.ClientError.Statement.ArgumentError',
    ],
    [
      "CALL db.index.vector.queryNodes('nope', 2, [1.0, 0.0, 0.0]) YIELD node RETURN node",
      'Neo.ClientError.Schema.IndexNotFound',
    ],
    [
      "CALL db.index.vector.queryRelationships('doc_embedding', 2, [1.0, 0.0, 0.0]) YIELD relationship RETURN relationship",
      'Neo.ClientError.Schema.IndexNotFound',
    ],
  ];
  for (const [query, code] of failures) {
    assert.equal(await queryOutcome(db, query), code, query);
  }
});

test('relationship VECTOR indexes without a dimension', async () => {
  const db = await Database.open();
  await rows(db, 'CREATE VECTOR INDEX rel_embedding FOR ()-[r:SIMILAR]-() ON (r.embedding)');
  await rows(
    db,
    'CREATE (a)-[:SIMILAR {w: 1, embedding: [1.0, 0.0]}]->(b), (a)-[:SIMILAR {w: 2, embedding: [0.0, 1.0, 0.0]}]->(b)',
  );
  assert.deepEqual(
    await rows(
      db,
      'CALL db.index.vector.queryRelationships($name, 5, [0.0, 1.0, 0.0]) YIELD relationship, score RETURN relationship.w, score',
      {
        name: 'rel_embedding',
      },
    ),
    [[2n, 1]],
  );
});

test('TEXT, POINT and VECTOR indexes are listed, dumped, equivalent only to their own type, and dropped', async () => {
  const db = await Database.open();
  await rows(db, 'CREATE TEXT INDEX person_name FOR (p:Person) ON (p.name)');
  await rows(db, 'CREATE INDEX person_name_range FOR (p:Person) ON (p.name)');
  await rows(db, 'CREATE POINT INDEX person_home FOR (p:Person) ON (p.home)');
  await rows(db, 'CREATE VECTOR INDEX person_embedding FOR (p:Person) ON p.embedding');
  await assert.rejects(db.session().run('CREATE TEXT INDEX other FOR (p:Person) ON (p.name)').records(), {
    code: 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
    message: /type='TEXT'/,
  });
  await rows(db, 'CREATE TEXT INDEX other IF NOT EXISTS FOR (p:Person) ON (p.name)');
  assert.deepEqual(await rows(db, 'SHOW INDEXES YIELD name, type, indexProvider, options ORDER BY name'), [
    [
      'person_embedding',
      'VECTOR',
      'vector-2.0',
      { indexProvider: 'vector-2.0', indexConfig: { 'vector.similarity_function': 'COSINE' } },
    ],
    ['person_home', 'POINT', 'point-1.0', { indexProvider: 'point-1.0', indexConfig: {} }],
    ['person_name', 'TEXT', 'text-2.0', { indexProvider: 'text-2.0', indexConfig: {} }],
    ['person_name_range', 'RANGE', 'range-1.0', { indexProvider: 'range-1.0', indexConfig: {} }],
  ]);
  assert.deepEqual(await rows(db, 'SHOW POINT INDEXES YIELD name'), [['person_home']]);
  const dump = (await rows(db, 'DUMP DATABASE')).map(([line]) => String(line)).join('\n');
  assert.match(dump, /CREATE TEXT INDEX person_name IF NOT EXISTS FOR \(e:Person\) ON \(e\.name\)\n/);
  assert.match(
    dump,
    /CREATE VECTOR INDEX `?person_embedding`? IF NOT EXISTS .* OPTIONS \{indexConfig: \{`vector.similarity_function`: 'COSINE'\}\}/,
  );
  await rows(db, 'DROP INDEX person_name');
  assert.deepEqual((await rows(db, 'SHOW TEXT INDEXES YIELD name')).length, 0);
});

test('LOOKUP indexes, composite TEXT indexes and bad vector settings are refused', async () => {
  const db = await Database.open();
  const refused: [string, string][] = [
    ['CREATE LOOKUP INDEX l FOR (n) ON EACH labels(n)', 'Neo.ClientError.Statement.SyntaxError'],
    ['CREATE TEXT INDEX t FOR (n:N) ON (n.a, n.b)', 'Neo.ClientError.Statement.SyntaxError'],
    [
      'CREATE VECTOR INDEX v FOR (n:N) ON n.e OPTIONS {indexConfig: {`vector.dimensions`: 5000}}',
      'Neo.ClientError.Statement.ArgumentError',
    ],
    [
      "CREATE VECTOR INDEX v FOR (n:N) ON n.e OPTIONS {indexConfig: {`vector.similarity_function`: 'dot'}}",
      'Neo.ClientError.Statement.ArgumentError',
    ],
  ];
  for (const [query, code] of refused) {
    assert.equal(await queryOutcome(db, query), code, query);
  }
});

test('typed indexes survive a restart, from the snapshot and from the log', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'quiver-typed-indexes-'));
  try {
    const first = await Database.open({ dataDir });
    await rows(
      first,
      "CREATE VECTOR INDEX emb FOR (d:Doc) ON d.e OPTIONS {indexConfig: {`vector.dimensions`: 2, `vector.similarity_function`: 'euclidean'}}",
    );
    await rows(first, 'CREATE (:Doc {e: [1.0, 0.0]}), (:Doc {e: [0.0, 1.0]})');
    await first.close();
    const second = await Database.open({ dataDir });
    await rows(second, 'CREATE TEXT INDEX doc_name FOR (d:Doc) ON (d.name)');
    // Closed without a snapshot of the TEXT index? The close snapshots; the index then comes from it.
    await second.close();
    const third = await Database.open({ dataDir });
    assert.deepEqual(await rows(third, 'SHOW INDEXES YIELD name, type, options ORDER BY name'), [
      ['doc_name', 'TEXT', { indexProvider: 'text-2.0', indexConfig: {} }],
      [
        'emb',
        'VECTOR',
        {
          indexProvider: 'vector-2.0',
          indexConfig: { 'vector.dimensions': 2n, 'vector.similarity_function': 'EUCLIDEAN' },
        },
      ],
    ]);
    assert.deepEqual(
      await rows(
        third,
        "CALL db.index.vector.queryNodes('emb', 1, [0.0, 2.0]) YIELD node, score RETURN node.e, score",
      ),
      [[[0, 1], 0.5]],
    );
    await third.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the planner seeks a TEXT index for STARTS WITH and string literals, and never loses other values', async () => {
  const db = await Database.open();
  await rows(db, 'CREATE TEXT INDEX person_name FOR (p:Person) ON (p.name)');
  await rows(db, "UNWIND ['Ann', 'Anna', 'Bob'] AS name CREATE (:Person {name: name})");
  await rows(db, 'CREATE (:Person {name: 5}), (:Person)');
  const plan = async (query: string): Promise<string> =>
    JSON.stringify((await db.session().run(`EXPLAIN ${query}`).summary()).plan);
  assert.match(
    await plan("MATCH (p:Person) WHERE p.name STARTS WITH 'An' RETURN p"),
    /TEXT INDEX p:Person\(name\) WHERE name STARTS WITH/,
  );
  assert.match(
    await plan("MATCH (p:Person {name: 'Bob'}) RETURN p"),
    /TEXT INDEX p:Person\(name\) WHERE name = /,
  );
  // A parameter may hold a non-string at run time, and IS NOT NULL covers every value: no TEXT seek.
  assert.doesNotMatch(await plan('MATCH (p:Person {name: $name}) RETURN p'), /TEXT INDEX/);
  assert.doesNotMatch(await plan('MATCH (p:Person) WHERE p.name IS NOT NULL RETURN p'), /TEXT INDEX/);
  assert.deepEqual(
    await rows(db, "MATCH (p:Person) WHERE p.name STARTS WITH 'An' RETURN p.name ORDER BY p.name"),
    [['Ann'], ['Anna']],
  );
  assert.deepEqual(await rows(db, "MATCH (p:Person {name: 'Bob'}) RETURN count(*)"), [[1n]]);
  assert.deepEqual(await rows(db, 'MATCH (p:Person {name: 5}) RETURN count(*)'), [[1n]]);
  assert.deepEqual(await rows(db, 'MATCH (p:Person) WHERE p.name IS NOT NULL RETURN count(*)'), [[4n]]);
  // With a RANGE index on the same property, the RANGE index is preferred.
  await rows(db, 'CREATE INDEX person_name_range FOR (p:Person) ON (p.name)');
  assert.match(await plan("MATCH (p:Person {name: 'Bob'}) RETURN p"), /RANGE INDEX p:Person\(name\)/);
});

test('CONTAINS and ENDS WITH scan a TEXT index (NodeIndexContainsScan, NodeIndexEndsWithScan), never a RANGE one', async () => {
  const db = await Database.open();
  await rows(db, 'CREATE INDEX city_range FOR (c:City) ON (c.name)');
  await rows(db, "UNWIND ['Berlin', 'Bern', 'Dublin', 'Lisbon'] AS name CREATE (:City {name: name})");
  await rows(db, "CREATE (:City {name: 42}), (:Town {name: 'Eberlin'})");
  const plan = async (query: string): Promise<string> =>
    JSON.stringify((await db.session().run(`EXPLAIN ${query}`).summary()).plan);
  const contains = "MATCH (c:City) WHERE c.name CONTAINS 'erl' RETURN c.name ORDER BY c.name";
  const endsWith = "MATCH (c:City) WHERE c.name ENDS WITH 'lin' RETURN c.name ORDER BY c.name";
  assert.doesNotMatch(await plan(contains), /IndexContainsScan/);
  const before = [await rows(db, contains), await rows(db, endsWith)];
  await rows(db, 'CREATE TEXT INDEX city_text FOR (c:City) ON (c.name)');
  assert.match(await plan(contains), /NodeIndexContainsScan.*TEXT INDEX c:City\(name\) WHERE name CONTAINS/);
  assert.match(await plan(endsWith), /NodeIndexEndsWithScan.*TEXT INDEX c:City\(name\) WHERE name ENDS WITH/);
  assert.deepEqual([await rows(db, contains), await rows(db, endsWith)], before);
  assert.deepEqual(before, [[['Berlin']], [['Berlin'], ['Dublin']]]);
  // A parameter that is not a string makes the predicate null: no rows, with or without the index.
  assert.deepEqual(
    (await db.session().run('MATCH (c:City) WHERE c.name CONTAINS $x RETURN c', { x: 4n }).records()).length,
    0,
  );
});

test('OPTIONS is an expression: LangChain writes `vector.dimensions`: toInteger($embedding_dimension)', async () => {
  const db = await Database.open();
  await rows(
    db,
    'CREATE VECTOR INDEX vector IF NOT EXISTS FOR (m:`Chunk`) ON m.`embedding` OPTIONS { indexConfig: { ' +
      '`vector.dimensions`: toInteger($embedding_dimension), `vector.similarity_function`: $similarity_metric }}',
    { embedding_dimension: '3', similarity_metric: 'cosine' },
  );
  assert.deepEqual(await rows(db, 'SHOW VECTOR INDEXES YIELD options RETURN options.indexConfig'), [
    [{ 'vector.dimensions': 3n, 'vector.similarity_function': 'COSINE' }],
  ]);
  await assert.rejects(
    db.session().run('CREATE TEXT INDEX t FOR (n:N) ON (n.a) OPTIONS $options', { options: 42 }).records(),
    { code: 'Neo.ClientError.Statement.ArgumentError', message: /expected a map/ },
  );
});
