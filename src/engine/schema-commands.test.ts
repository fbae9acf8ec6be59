import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryOutcome } from '../../test/support/query-outcome.js';
import { Database } from './index.js';
import { queryRows as rows } from '../../test/support/query-rows.js';

test('property type constraints store the canonical type of any spelling, unions included', async () => {
  const db = await Database.open();
  await rows(db, 'CREATE CONSTRAINT a FOR (n:A) REQUIRE n.x IS :: INT');
  await rows(db, 'CREATE CONSTRAINT b FOR (n:B) REQUIRE n.x IS TYPED ARRAY<BOOL NOT NULL>');
  await rows(db, 'CREATE CONSTRAINT c FOR (n:C) REQUIRE n.x :: TIMESTAMP WITH TIME ZONE');
  await rows(db, 'CREATE CONSTRAINT d FOR (n:D) REQUIRE n.x IS :: INTEGER | VARCHAR');
  const shown = await rows(db, 'SHOW CONSTRAINTS YIELD name, propertyType');
  assert.deepEqual(shown.sort(), [
    ['a', 'INTEGER'],
    ['b', 'LIST<BOOLEAN NOT NULL>'],
    ['c', 'ZONED DATETIME'],
    ['d', 'INTEGER | STRING'],
  ]);
  // Before, `INT` was stored as written and no INTEGER ever conformed to it.
  await rows(db, 'CREATE (:A {x: 1}), (:B {x: [true]}), (:C {x: datetime()}), (:D {x: 1}), (:D {x: "s"})');
  assert.equal(
    await queryOutcome(db, 'CREATE (:D {x: 1.5})'),
    'Neo.ClientError.Schema.ConstraintValidationFailed',
  );
  await db.close();
});

test('types no property can be constrained to are refused, unknown words too', async () => {
  const db = await Database.open();
  for (const type of [
    'NODE',
    'MAP',
    'ANY',
    'INTEGER NOT NULL',
    'LIST<INTEGER>',
    'INTEGER | NODE',
    'LIST<INTEGER NOT NULL | STRING NOT NULL>',
    'FOO',
  ]) {
    assert.equal(
      await queryOutcome(db, `CREATE CONSTRAINT FOR (n:A) REQUIRE n.x IS :: ${type}`),
      'Neo.ClientError.Statement.SyntaxError',
      type,
    );
  }
  assert.deepEqual(await rows(db, 'SHOW CONSTRAINTS YIELD name'), []);
  await db.close();
});
