import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Relationship } from '../../values/index.js';
import { Database } from '../index.js';

async function rows(db: Database, query: string): Promise<unknown[][]> {
  const records = await db.session().run(query).records();
  return records.map((record) => [...record.values]);
}

async function graph(): Promise<Database> {
  const db = await Database.open();
  await db
    .session()
    .run(
      "CREATE (a:Person {name: 'Ada', age: 36})-[:KNOWS {since: 2020}]->(b:Person:Admin {name: 'Bob'}), " +
        '(:Gone {x: 1}), (:Empty)',
    )
    .summary();
  await db.session().run('MATCH (n:Gone) DELETE n').summary();
  return db;
}

describe('Built-in token procedures', () => {
  it('lists only the labels and relationship types that visible data uses', async () => {
    const db = await graph();
    assert.deepEqual(await rows(db, 'CALL db.labels()'), [['Admin'], ['Empty'], ['Person']]);
    assert.deepEqual(await rows(db, 'CALL db.relationshipTypes() YIELD relationshipType RETURN *'), [
      ['KNOWS'],
    ]);
  });

  it('lists every property key the database has created, as Neo4j does', async () => {
    const db = await graph();
    assert.deepEqual(await rows(db, 'CALL db.propertyKeys()'), [['age'], ['name'], ['since'], ['x']]);
  });

  it('sees labels created earlier in the same transaction', async () => {
    const db = await Database.open();
    const tx = db.session().beginTransaction();
    await tx.run('CREATE (:Fresh)').summary();
    const records = await tx.run('CALL db.labels() YIELD label RETURN collect(label) AS labels').records();
    assert.deepEqual(records[0]?.get('labels'), ['Fresh']);
    await tx.rollback();
    assert.deepEqual(await rows(db, 'CALL db.labels()'), []);
  });
});

describe('Built-in schema procedures', () => {
  it('derives node property types per label combination, with mandatory flags', async () => {
    const db = await graph();
    assert.deepEqual(await rows(db, 'CALL db.schema.nodeTypeProperties()'), [
      [':`Admin`:`Person`', ['Admin', 'Person'], 'name', ['String'], true],
      [':`Empty`', ['Empty'], null, null, false],
      [':`Person`', ['Person'], 'age', ['Long'], true],
      [':`Person`', ['Person'], 'name', ['String'], true],
    ]);
  });

  it('reports a property missing on some nodes as not mandatory', async () => {
    const db = await Database.open();
    await db.session().run("CREATE (:P {a: 1}), (:P {a: 'x', b: [1, 2]})").summary();
    assert.deepEqual(
      await rows(db, 'CALL db.schema.nodeTypeProperties() YIELD propertyName, propertyTypes, mandatory'),
      [
        ['a', ['Long', 'String'], true],
        ['b', ['LongArray'], false],
      ],
    );
  });

  it('derives relationship property types per type', async () => {
    const db = await graph();
    assert.deepEqual(await rows(db, 'CALL db.schema.relTypeProperties()'), [
      [':`KNOWS`', 'since', ['Long'], true],
    ]);
  });

  it('visualizes the schema as virtual nodes per label and relationships per label pair', async () => {
    const db = await graph();
    const [[nodes, relationships]] = (await rows(db, 'CALL db.schema.visualization()')) as [
      [Node[], Relationship[]],
    ];
    assert.deepEqual(nodes.map((node) => node.labels[0]).sort(), ['Admin', 'Empty', 'Person']);
    assert.ok(nodes.every((node) => node.id < 0n));
    const name = (id: bigint): unknown => nodes.find((node) => node.id === id)?.properties['name'];
    assert.deepEqual(
      relationships
        .map((rel) => `${String(name(rel.startNodeId))}-${rel.type}->${String(name(rel.endNodeId))}`)
        .sort(),
      ['Person-KNOWS->Admin', 'Person-KNOWS->Person'],
    );
  });
});

describe('Built-in DBMS procedures', () => {
  it('lists procedures with Neo4j 5 signatures', async () => {
    const db = await Database.open();
    const records = await rows(
      db,
      "CALL dbms.procedures() YIELD name, signature WHERE name = 'db.labels' RETURN name, signature",
    );
    assert.deepEqual(records, [['db.labels', 'db.labels() :: (label :: STRING)']]);
  });

  it('lists aggregating and scalar functions', async () => {
    const db = await Database.open();
    const records = await rows(
      db,
      "CALL dbms.functions() YIELD name, aggregating WHERE name IN ['count', 'toUpper'] RETURN name, aggregating",
    );
    assert.deepEqual(records, [
      ['count', true],
      ['toUpper', false],
    ]);
  });

  it('answers db.ping, db.info and dbms.showCurrentUser', async () => {
    const db = await Database.open({ name: 'movies' });
    assert.deepEqual(await rows(db, 'CALL db.ping()'), [[true]]);
    const [[id, name, created]] = (await rows(db, 'CALL db.info()')) as [[string, string, string]];
    assert.equal(name, 'movies');
    assert.equal(id, db.engine.store.databaseId);
    assert.ok(!Number.isNaN(Date.parse(created)));
  });

  it('answers dbms.showCurrentUser with the user of the transaction, or the empty name without one', async () => {
    const db = await Database.open();
    // Embedded, authentication is disabled: Neo4j's auth-disabled subject has an empty name.
    assert.deepEqual(await rows(db, 'CALL dbms.showCurrentUser()'), [['', null, []]]);
    const user = { username: 'alice', roles: null, passwordChangeRequired: false };
    const tx = db.session().beginTransaction({ user });
    const records = await tx
      .run('CALL dbms.showCurrentUser() YIELD username, roles, flags RETURN *')
      .records();
    assert.deepEqual(
      records.map((record) => [record.get('username'), record.get('roles'), record.get('flags')]),
      [['alice', null, []]],
    );
    await tx.rollback();
    const expired = db.session().beginTransaction({
      user: { username: 'bob', roles: ['reader'], passwordChangeRequired: true },
    });
    const [record] = await expired.run('CALL dbms.showCurrentUser()').records();
    assert.deepEqual(record === undefined ? [] : [...record.values], [
      'bob',
      ['reader'],
      ['password_change_required'],
    ]);
    await expired.rollback();
  });
});
