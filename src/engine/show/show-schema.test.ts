import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, printStatement } from '../../cypher/index.js';
import { DatabaseError } from '../../errors/index.js';
import { Database } from '../index.js';

async function records(db: Database, query: string, parameters = {}): Promise<Record<string, unknown>[]> {
  const result = await db.session().run(query, parameters).records();
  return result.map((record) => Object.fromEntries(record.keys.map((key, i) => [key, record.values[i]])));
}

async function withSchema(): Promise<Database> {
  const db = await Database.open();
  await db.session().run('CREATE (:Person {name: "Ada"})').summary();
  await db.session().run('CREATE INDEX person_name FOR (p:Person) ON (p.name)').summary();
  await db.session().run('CREATE CONSTRAINT book_isbn FOR (b:Book) REQUIRE b.isbn IS UNIQUE').summary();
  await db.session().run('CREATE CONSTRAINT book_title FOR (b:Book) REQUIRE b.title IS NOT NULL').summary();
  return db;
}

describe('SHOW INDEXES', () => {
  it('lists the default columns of every index, sorted by name', async () => {
    const db = await withSchema();
    const result = db.session().run('SHOW INDEXES');
    assert.deepEqual(await result.keys(), [
      'id',
      'name',
      'state',
      'populationPercent',
      'type',
      'entityType',
      'labelsOrTypes',
      'properties',
      'indexProvider',
      'owningConstraint',
      'lastRead',
      'readCount',
    ]);
    const rows = await result.records();
    assert.deepEqual(
      rows.map((row) => [row.get('name'), row.get('labelsOrTypes'), row.get('owningConstraint')]),
      [
        ['book_isbn', ['Book'], 'book_isbn'],
        ['person_name', ['Person'], null],
      ],
    );
    assert.equal(rows[1]?.get('populationPercent'), 100);
    assert.equal(typeof rows[1].get('id'), 'bigint');
  });

  it('gives the full column list with YIELD * and a create statement', async () => {
    const db = await withSchema();
    const [row] = await records(db, "SHOW INDEXES YIELD * WHERE name = 'person_name'");
    assert.equal(Object.keys(row ?? {}).length, 16);
    assert.equal(row?.['createStatement'], 'CREATE RANGE INDEX `person_name` FOR (n:`Person`) ON (n.`name`)');
  });

  it('lists nothing for index kinds Quiver does not have', async () => {
    const db = await withSchema();
    assert.deepEqual(await records(db, 'SHOW TEXT INDEXES'), []);
  });
});

describe('SHOW CONSTRAINTS', () => {
  it('lists constraints with their Neo4j type names and owned indexes', async () => {
    const db = await withSchema();
    assert.deepEqual(await records(db, 'SHOW CONSTRAINTS YIELD name, type, ownedIndex, properties'), [
      { name: 'book_isbn', type: 'NODE_PROPERTY_UNIQUENESS', ownedIndex: 'book_isbn', properties: ['isbn'] },
      { name: 'book_title', type: 'NODE_PROPERTY_EXISTENCE', ownedIndex: null, properties: ['title'] },
    ]);
  });

  it('filters by constraint kind', async () => {
    const db = await withSchema();
    assert.deepEqual(await records(db, 'SHOW UNIQUE CONSTRAINTS YIELD name'), [{ name: 'book_isbn' }]);
    assert.deepEqual(await records(db, 'SHOW EXISTENCE CONSTRAINTS YIELD name'), [{ name: 'book_title' }]);
  });
});

describe('SHOW PROCEDURES and SHOW FUNCTIONS', () => {
  it('filters with WHERE over any column and projects with RETURN', async () => {
    const db = await Database.open();
    assert.deepEqual(
      await records(
        db,
        "SHOW PROCEDURES YIELD name, mode, signature WHERE name STARTS WITH 'db.schema.' RETURN name, mode ORDER BY name DESC",
      ),
      [
        { name: 'db.schema.visualization', mode: 'READ' },
        { name: 'db.schema.relTypeProperties', mode: 'READ' },
        { name: 'db.schema.nodeTypeProperties', mode: 'READ' },
      ],
    );
  });

  it('returns the default columns after a WHERE without YIELD', async () => {
    const db = await Database.open();
    assert.deepEqual(await records(db, "SHOW PROCEDURES WHERE signature CONTAINS 'propertyKey ::'"), [
      {
        name: 'db.propertyKeys',
        description: 'List all property keys in the database.',
        mode: 'READ',
        worksOnSystem: false,
      },
    ]);
  });

  it('lists scalar and aggregating functions with parameters in WHERE', async () => {
    const db = await Database.open();
    assert.deepEqual(
      await records(db, 'SHOW FUNCTIONS YIELD name, category, aggregating WHERE name IN $names', {
        names: ['collect', 'toUpper'],
      }),
      [
        { name: 'collect', category: 'Aggregating', aggregating: true },
        { name: 'toUpper', category: 'String', aggregating: false },
      ],
    );
    const [count] = await records(db, 'SHOW FUNCTIONS YIELD name RETURN count(*) AS n');
    assert.ok((count?.['n'] as bigint) > 50n);
  });

  it('refuses to yield a column the command does not have', async () => {
    const db = await Database.open();
    await assert.rejects(db.session().run('SHOW FUNCTIONS YIELD nope').records(), DatabaseError);
  });

  it('reports SHOW as a read query with the original text', async () => {
    const db = await Database.open();
    const summary = await db.session().run('SHOW PROCEDURES').summary();
    assert.equal(summary.queryType, 'r');
    assert.equal(summary.text, 'SHOW PROCEDURES');
  });
});

describe('SHOW … YIELD with ORDER BY, SKIP and LIMIT', () => {
  it('orders, skips and limits the yielded rows before WHERE, as Neo4j does', async () => {
    const db = await withSchema();
    const names = async (query: string): Promise<unknown[]> =>
      (await records(db, query)).map((row) => row['name']);
    assert.deepEqual(await names('SHOW CONSTRAINTS YIELD name ORDER BY name DESC'), [
      'book_title',
      'book_isbn',
    ]);
    assert.deepEqual(await names('SHOW INDEXES YIELD name ORDER BY name SKIP 1'), ['person_name']);
    assert.deepEqual(await names('SHOW INDEXES YIELD name, type ORDER BY name DESC LIMIT 1'), [
      'person_name',
    ]);
    assert.deepEqual(
      await names("SHOW INDEXES YIELD * ORDER BY name WHERE name <> 'book_isbn' RETURN name"),
      ['person_name'],
    );
    await db.close();
  });

  it('prints back as written, so the statement round-trips through the printer', () => {
    const text =
      "SHOW INDEXES YIELD name, type AS kind ORDER BY name DESC SKIP 1 LIMIT 2 WHERE kind = 'RANGE'";
    assert.equal(printStatement(parse(text)), text);
  });
});
