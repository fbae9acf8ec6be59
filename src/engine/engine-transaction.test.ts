import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatabaseError, Status } from '../errors/index.js';
import type { CypherValue } from '../values/index.js';
import { DatabaseEngine, isReadOnlyStatement } from './database-engine.js';
import type { StatementResult } from './statement-result.js';

function drain(result: StatementResult): CypherValue[][] {
  const rows: CypherValue[][] = [];
  while (result.pull(100, (values) => rows.push([...values])) === true);
  return rows;
}

test('a compilation from tryCompile runs like its text', async () => {
  const engine = new DatabaseEngine();
  const compiled = engine.tryCompile('UNWIND range(1, $n) AS i RETURN i * 2 AS double');
  assert.ok(compiled !== undefined && isReadOnlyStatement(compiled));
  const transaction = engine.begin({ readOnly: true });
  const result = transaction.runCompiled(compiled, { n: 3n });
  assert.deepEqual(result.fields, ['double']);
  assert.deepEqual(drain(result), [[2n], [4n], [6n]]);
  assert.equal(transaction.currentQuery, compiled.text);
  await transaction.commit();
});

test('tryCompile answers undefined for text that does not compile, and writes are not read-only', () => {
  const engine = new DatabaseEngine();
  assert.equal(engine.tryCompile('RETURN RETURN'), undefined);
  const write = engine.tryCompile('CREATE (:A)');
  assert.ok(write !== undefined && !isReadOnlyStatement(write));
  assert.equal(engine.isReadOnlyQuery('CREATE (:A)'), false);
  assert.equal(engine.isReadOnlyQuery('RETURN 1 AS x'), true);
});

test('runCompiled keeps the checks of run: access mode and missing parameters', () => {
  const engine = new DatabaseEngine();
  const write = engine.tryCompile('CREATE (:A)');
  assert.ok(write !== undefined);
  assert.throws(
    () => engine.begin({ readOnly: true }).runCompiled(write),
    (error: unknown) => error instanceof DatabaseError && error.status === Status.AccessMode,
  );
  const needsParameter = engine.tryCompile('RETURN $x AS x');
  assert.ok(needsParameter !== undefined);
  assert.throws(
    () => engine.begin().runCompiled(needsParameter, {}),
    (error: unknown) => error instanceof DatabaseError && error.status === Status.ParameterMissing,
  );
});

test('records of node results are snapshots that share one frozen label list per label set', async () => {
  const engine = new DatabaseEngine();
  const writer = engine.begin();
  drain(writer.run("UNWIND range(1, 3) AS i CREATE (:P:Q {i: i, name: 'n' + i})"));
  await writer.commit();
  const reader = engine.begin({ readOnly: true });
  const rows = drain(reader.run('MATCH (n:P) RETURN n ORDER BY n.i'));
  await reader.commit();
  const nodes = rows.map(([node]) => node as { labels: readonly string[]; properties: object });
  assert.deepEqual(
    nodes.map((node) => node.properties),
    [
      { i: 1n, name: 'n1' },
      { i: 2n, name: 'n2' },
      { i: 3n, name: 'n3' },
    ],
  );
  const [first, , third] = nodes;
  assert.ok(first !== undefined && third !== undefined);
  assert.deepEqual(first.labels, ['P', 'Q']);
  assert.ok(Object.isFrozen(first.labels));
  assert.equal(first.labels, third.labels);
});

test('db.nameFromElementId names the database of the server an element id comes from', async () => {
  const engines: DatabaseEngine[] = [];
  const administration = {
    defaultDatabase: 'neo4j',
    databases: () => engines,
    create: () => false,
    drop: () => false,
  };
  const first = new DatabaseEngine({ name: 'neo4j', administration });
  const second = new DatabaseEngine({ name: 'other', administration });
  engines.push(first, second);
  const created = first.begin();
  const [node] = drain(created.run('CREATE (n) RETURN elementId(n) AS id'));
  await created.commit();
  const transaction = second.begin({ readOnly: true });
  const rows = drain(
    transaction.run(
      "RETURN db.nameFromElementId($id) AS here, db.nameFromElementId('4:no-such-database:0') AS none",
      { id: node?.[0] ?? null },
    ),
  );
  assert.deepEqual(rows, [['neo4j', null]]);
  await transaction.commit();
});
