/**
 * FULLTEXT indexes through Cypher: created over several labels or types and properties, listed, dumped,
 * dropped, searched with `db.index.fulltext.queryNodes` / `queryRelationships` (Lucene syntax, BM25
 * scores) as the querying transaction sees the graph, and durable.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FaultyFileSystem } from '../durability/index.js';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

const MOVIES: readonly (readonly [string, string, string])[] = [
  ['Movie', 'The Matrix', 'A hacker learns the true nature of reality and the machines'],
  ['Movie', 'The Matrix Reloaded', 'Neo and the rebels fight the machines'],
  ['Movie', 'Cloud Atlas', 'Six stories, one soul, across the ages'],
  ['Book', 'Neuromancer', 'A washed-up hacker is hired for one last job in the matrix'],
  ['Person', 'Keanu Reeves', 'An actor who played Neo in the Matrix'],
];

async function library(): Promise<Database> {
  const db = await Database.open();
  for (const [label, title, plot] of MOVIES) {
    await rows(db, `CREATE (:${label} {title: $title, plot: $plot})`, { title, plot });
  }
  await rows(db, 'CREATE FULLTEXT INDEX titles_and_plots FOR (n:Movie|Book) ON EACH [n.title, n.plot]');
  return db;
}

async function search(db: Database, query: string, index = 'titles_and_plots'): Promise<unknown[]> {
  const found = await rows(
    db,
    'CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score RETURN node.title, score',
    { index, query },
  );
  for (const [, score] of found) assert.ok(typeof score === 'number' && score > 0);
  for (let at = 1; at < found.length; at++)
    assert.ok((found[at - 1]?.[1] as number) >= (found[at]?.[1] as number), 'best first');
  return found.map(([title]) => title);
}

test('a node FULLTEXT index over two labels and two properties finds terms in either, best first', async () => {
  const db = await library();
  // "matrix" is in two titles and one plot: the plot's term is rarer in its field (higher idf), and of the
  // titles the shorter one scores better (BM25). Keanu is no Movie or Book.
  assert.deepEqual(await search(db, 'matrix'), ['Neuromancer', 'The Matrix', 'The Matrix Reloaded']);
  assert.deepEqual(await search(db, 'title:matrix'), ['The Matrix', 'The Matrix Reloaded']);
  assert.deepEqual(await search(db, 'hacker AND machines'), ['The Matrix']);
  assert.deepEqual(await search(db, '"the machines"'), ['The Matrix Reloaded', 'The Matrix']);
  assert.deepEqual(await search(db, 'matrix -reloaded'), ['Neuromancer', 'The Matrix']);
  assert.deepEqual(await search(db, 'neuro*'), ['Neuromancer']);
  assert.deepEqual(await search(db, 'atlsa~'), ['Cloud Atlas']);
  assert.deepEqual((await search(db, 'nothing-like-this')).length, 0);
});

test('the search sees the transaction: its own writes, and not what it deleted or changed', async () => {
  const db = await library();
  const session = db.session();
  const tx = session.beginTransaction();
  await tx.run("MATCH (n:Movie {title: 'The Matrix'}) DETACH DELETE n").summary();
  await tx.run("MATCH (n:Book) SET n.plot = 'A cyberpunk classic'").summary();
  await tx.run("CREATE (:Movie {title: 'The Matrix Resurrections'})").summary();
  await tx.run('MATCH (n:Person) SET n:Movie').summary();
  const inside = await tx
    .run(
      "CALL db.index.fulltext.queryNodes('titles_and_plots', 'matrix') YIELD node RETURN node.title AS title ORDER BY title",
    )
    .records();
  assert.deepEqual(
    inside.map((record) => record.get('title')),
    ['Keanu Reeves', 'The Matrix Reloaded', 'The Matrix Resurrections'],
  );
  await tx.rollback();
  assert.deepEqual(await search(db, 'matrix'), ['Neuromancer', 'The Matrix', 'The Matrix Reloaded']);
  await rows(db, 'MATCH (n:Book) REMOVE n:Book');
  assert.deepEqual(await search(db, 'matrix'), ['The Matrix', 'The Matrix Reloaded']);
  // A list of strings is indexed value by value.
  await rows(db, "MATCH (n:Movie {title: 'Cloud Atlas'}) SET n.title = ['Cloud', 'Atlas']");
  assert.deepEqual(await search(db, 'title:atlas'), [['Cloud', 'Atlas']]);
});

test('an index created over existing data, skip and limit, another analyzer, and bad queries', async () => {
  const db = await library();
  assert.deepEqual(
    await rows(
      db,
      "CALL db.index.fulltext.queryNodes('titles_and_plots', 'matrix', {skip: 1, limit: 1}) YIELD node RETURN node.title",
    ),
    [['The Matrix']],
  );
  await rows(
    db,
    "CREATE FULLTEXT INDEX plots_english FOR (n:Movie) ON EACH [n.plot] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}",
  );
  // The english analyzer stems: "stories" and "story" meet.
  assert.deepEqual(await search(db, 'story', 'plots_english'), ['Cloud Atlas']);
  assert.deepEqual((await search(db, 'story')).length, 0);
  assert.equal(
    await queryOutcome(db, "CALL db.index.fulltext.queryNodes('missing', 'x')"),
    'Neo.ClientError.Schema.IndexNotFound',
  );
  assert.equal(
    await queryOutcome(db, "CALL db.index.fulltext.queryRelationships('titles_and_plots', 'x')"),
    'Neo.ClientError.Schema.IndexNotFound',
  );
  assert.notEqual(
    await queryOutcome(db, "CALL db.index.fulltext.queryNodes('titles_and_plots', 'a AND (')"),
    'ok',
  );
  assert.equal(
    await queryOutcome(
      db,
      "CALL db.index.fulltext.queryNodes('titles_and_plots', 'x', {analyzer: 'klingon'})",
    ),
    'Neo.ClientError.Statement.ArgumentError',
  );
});

test('a relationship FULLTEXT index over two types', async () => {
  const db = await Database.open();
  await rows(
    db,
    `CREATE (a:P)-[:REVIEWED {summary: 'A moving story about loss'}]->(:M),
            (a)-[:RATED {summary: 'Moving pictures at their best'}]->(:M),
            (a)-[:ACTED_IN {summary: 'moving'}]->(:M)`,
  );
  await rows(db, 'CREATE FULLTEXT INDEX summaries FOR ()-[r:REVIEWED|RATED]-() ON EACH [r.summary]');
  const found = await rows(
    db,
    "CALL db.index.fulltext.queryRelationships('summaries', 'moving') YIELD relationship RETURN type(relationship) ORDER BY type(relationship)",
  );
  assert.deepEqual(found, [['RATED'], ['REVIEWED']]);
});

test('FULLTEXT indexes are listed, dumped, equivalent to their own schema only, configured and dropped', async () => {
  const db = await library();
  await assert.rejects(
    db.session().run('CREATE FULLTEXT INDEX again FOR (n:Movie|Book) ON EACH [n.title, n.plot]').records(),
    { code: 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists' },
  );
  await rows(db, 'CREATE FULLTEXT INDEX again IF NOT EXISTS FOR (n:Movie|Book) ON EACH [n.title, n.plot]');
  await rows(db, 'CREATE FULLTEXT INDEX titles FOR (n:Movie) ON EACH [n.title]');
  assert.deepEqual(
    await rows(
      db,
      'SHOW FULLTEXT INDEXES YIELD name, type, entityType, labelsOrTypes, properties, indexProvider, options, createStatement ORDER BY name',
    ),
    [
      [
        'titles',
        'FULLTEXT',
        'NODE',
        ['Movie'],
        ['title'],
        'fulltext-1.0',
        {
          indexProvider: 'fulltext-1.0',
          indexConfig: {
            'fulltext.analyzer': 'standard-no-stop-words',
            'fulltext.eventually_consistent': false,
          },
        },
        "CREATE FULLTEXT INDEX `titles` FOR (n:`Movie`) ON EACH [n.`title`] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}}",
      ],
      [
        'titles_and_plots',
        'FULLTEXT',
        'NODE',
        ['Movie', 'Book'],
        ['title', 'plot'],
        'fulltext-1.0',
        {
          indexProvider: 'fulltext-1.0',
          indexConfig: {
            'fulltext.analyzer': 'standard-no-stop-words',
            'fulltext.eventually_consistent': false,
          },
        },
        "CREATE FULLTEXT INDEX `titles_and_plots` FOR (n:`Movie`|`Book`) ON EACH [n.`title`, n.`plot`] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}}",
      ],
    ],
  );
  // The planner never uses a FULLTEXT index for a property predicate.
  const plan = await db
    .session()
    .run("EXPLAIN MATCH (n:Movie) WHERE n.title = 'Cloud Atlas' RETURN n")
    .summary();
  assert.doesNotMatch(JSON.stringify(plan.plan), /Index/);
  const records = (await rows(db, 'DUMP DATABASE')).map(([line]) => String(line));
  const fulltextStatement =
    'CREATE FULLTEXT INDEX titles_and_plots IF NOT EXISTS FOR (e:Movie|Book) ON EACH [e.title, e.plot] OPTIONS';
  assert.ok(records.some((record) => record.startsWith(fulltextStatement)));
  // Replayed as a shell does (`:param name => expression` evaluated on the target).
  const copy = await Database.open();
  const parameters: Record<string, unknown> = {};
  for (const record of records) {
    const assignment = /^:param (\w+) => (.*)$/s.exec(record);
    if (assignment === null) await rows(copy, record, parameters);
    else parameters[assignment[1] ?? ''] = (await rows(copy, `RETURN ${assignment[2] ?? ''}`))[0]?.[0];
  }
  assert.deepEqual(await search(copy, 'matrix'), await search(db, 'matrix'));
  const analyzers = await rows(
    db,
    'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords RETURN analyzer, size(stopwords)',
  );
  assert.ok(analyzers.some(([name, stopwords]) => name === 'standard-no-stop-words' && stopwords === 0n));
  assert.ok(analyzers.some(([name, stopwords]) => name === 'english' && (stopwords as bigint) > 0n));
  await rows(db, 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');
  assert.equal(
    await queryOutcome(
      db,
      "CREATE FULLTEXT INDEX bad FOR (n:X) ON EACH [n.a] OPTIONS {indexConfig: {`fulltext.analyzer`: 'klingon'}}",
    ),
    'Neo.ClientError.Statement.ArgumentError',
  );
  await rows(db, 'DROP INDEX titles_and_plots');
  assert.equal(
    await queryOutcome(db, "CALL db.index.fulltext.queryNodes('titles_and_plots', 'matrix')"),
    'Neo.ClientError.Schema.IndexNotFound',
  );
});

test('FULLTEXT indexes survive a crash (from the log) and a restart (from the snapshot)', async () => {
  const fileSystem = new FaultyFileSystem();
  const dataDir = '/fulltext';
  const first = await Database.open({ dataDir, durability: { fileSystem } });
  await rows(
    first,
    "CREATE FULLTEXT INDEX notes FOR (n:Note) ON EACH [n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'english', `fulltext.eventually_consistent`: true}}",
  );
  await rows(first, "CREATE (:Note {text: 'Running the recovery'}), (:Note {text: 'Nothing here'})");
  fileSystem.crash();
  const second = await Database.open({ dataDir, durability: { fileSystem } });
  const expected = [['Running the recovery']];
  assert.deepEqual(
    await rows(second, "CALL db.index.fulltext.queryNodes('notes', 'run') YIELD node RETURN node.text"),
    expected,
  );
  await second.close();
  const third = await Database.open({ dataDir, durability: { fileSystem } });
  assert.deepEqual(
    await rows(third, "CALL db.index.fulltext.queryNodes('notes', 'run') YIELD node RETURN node.text"),
    expected,
  );
  assert.deepEqual(await rows(third, 'SHOW FULLTEXT INDEXES YIELD options RETURN options.indexConfig'), [
    [{ 'fulltext.analyzer': 'english', 'fulltext.eventually_consistent': true }],
  ]);
  await third.close();
});

test('scores are Lucene BM25 (k1 = 1.2, b = 0.75) over the index statistics', async () => {
  const db = await Database.open();
  await rows(db, "CREATE (:D {t: 'apple'}), (:D {t: 'apple banana'}), (:D {t: 'cherry'})");
  await rows(db, 'CREATE FULLTEXT INDEX d FOR (n:D) ON EACH [n.t]');
  const found = await rows(
    db,
    "CALL db.index.fulltext.queryNodes('d', 'apple') YIELD node, score RETURN node.t, score",
  );
  // 3 documents, 2 with "apple", 4 tokens in all: idf = ln(1 + (3 − 2 + 0.5) / (2 + 0.5)), avgdl = 4 / 3.
  const idf = Math.log(1 + 1.5 / 2.5);
  const tf = (length: number): number => 1 / (1 + 1.2 * (0.25 + (0.75 * length) / (4 / 3)));
  assert.deepEqual(
    found.map(([text]) => text),
    ['apple', 'apple banana'],
  );
  assert.ok(Math.abs((found[0]?.[1] as number) - idf * tf(1)) < 1e-9);
  assert.ok(Math.abs((found[1]?.[1] as number) - idf * tf(2)) < 1e-9);
});
