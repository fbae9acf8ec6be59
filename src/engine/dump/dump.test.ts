import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, printStatement } from '../../cypher/index.js';
import type { NodeCursor, RelationshipCursor } from '../../storage/index.js';
import type { CypherValue } from '../../values/index.js';
import { DatabaseEngine } from '../database-engine.js';
import { canonical, exportGraph, run } from './canonical.fixture.js';
import { BATCH_ROWS } from './dump-batches.js';
import { BYTES_PARAMETER_PREFIX } from './dump-entities.js';
import type { DumpReader } from './dump-reader.js';
import { DumpResult } from './dump-result.js';

/** A graph with every property type Cypher can write, odd names, a self loop and a schema. */
async function richGraph(): Promise<DatabaseEngine> {
  const engine = new DatabaseEngine();
  await run(engine, 'CREATE CONSTRAINT person_k FOR (p:Person) REQUIRE p.k IS UNIQUE');
  await run(engine, 'CREATE CONSTRAINT typed FOR (p:Person) REQUIRE p.age IS :: INTEGER');
  await run(engine, 'CREATE CONSTRAINT since_nn FOR ()-[r:KNOWS]-() REQUIRE r.since IS NOT NULL');
  await run(engine, 'CREATE INDEX `odd index` FOR (n:`Odd Label`) ON (n.`odd key`, n.k)');
  await run(
    engine,
    `CREATE (a:Person:\`Odd Label\` {k: 1, name: 'it\\'s a "quote" \\\\ \\n\\t é 😀', age: -9223372036854775807 - 1,
       big: 9223372036854775807, t: true, f: false, nan: 0.0 / 0.0, inf: 1.0 / 0.0, ninf: -1.0 / 0.0,
       nzero: -0.0, tiny: 5e-324, pi: 3.141592653589793, \`odd key\`: 'x', \`MATCH\`: 1, \`back\`\`tick\`: 2,
       d: date('-0001-12-31'), lt: localtime('23:59:59.999999999'), tm: time('12:00:00.000000001-08:30'),
       ldt: localdatetime('+10000-01-01T00:00:00.5'),
       dtz: datetime('2019-10-27T01:30:00Z[Europe/London]'), dto: datetime('2019-10-27T01:30:00.123+05:45'),
       du: duration('P1Y14M-3DT-25H61M0.000000001S'), p2: point({x: 1.5, y: -2.0}),
       p3: point({x: 1.0, y: 2.0, z: 3.0}), wgs: point({longitude: 12.5, latitude: 55.6}),
       wgs3: point({longitude: 1.0, latitude: 2.0, height: 3.0}),
       ints: [1, -2, 3], floats: [1.0, 0.0 / 0.0], strings: ['a', ''], bools: [true], dates: [date('2020-02-29')],
       durations: [duration('PT1S')], points: [point({x: 0.0, y: 0.0})], empty: []})
     -[:KNOWS {since: 2020, w: 0.5}]->(b:Person {k: 2}),
     (b)-[:\`SELF LOOP\` {since: 1}]->(b),
     (b)-[:KNOWS {since: 1999}]->(a),
     (b)-[:LINKS]->(a),
     (:Lonely {k: 3}), ({k: 4}), (:Lonely {k: 5, blob: $blob, other: $empty}),
     (a)-[:KNOWS {since: 1, blob: $blob}]->(b)`,
    { blob: Uint8Array.of(0, 1, 127, 128, 255), empty: new Uint8Array(0) },
  );
  return engine;
}

async function dump(engine: DatabaseEngine): Promise<string[]> {
  return (await run(engine, 'DUMP DATABASE')).map(([statement]) => statement as string);
}

/**
 * Replays dump records as a shell does: statements in their own transactions, `:param name => expression`
 * evaluated on the target, a dump's BYTES parameter (a list of integers) made BYTES again.
 */
async function replay(records: readonly string[]): Promise<DatabaseEngine> {
  const target = new DatabaseEngine();
  const parameters: Record<string, CypherValue> = {};
  for (const record of records) {
    const assignment = /^:param (\w+) => (.*)$/s.exec(record);
    if (assignment === null) {
      await run(target, record, parameters);
      continue;
    }
    const [, name = '', expression = ''] = assignment;
    const [[value]] = (await run(target, `RETURN ${expression}`)) as [[CypherValue]];
    parameters[name] = name.startsWith(BYTES_PARAMETER_PREFIX)
      ? Uint8Array.from(value as bigint[], Number)
      : value;
  }
  return target;
}

describe('DUMP DATABASE', () => {
  it('parses, prints back and reports one column named statement', () => {
    const statement = parse('dump database;');
    assert.equal(statement.kind, 'DumpDatabase');
    assert.equal(printStatement(statement), 'DUMP DATABASE');
    const result = new DatabaseEngine().begin().run('DUMP DATABASE');
    assert.deepEqual(result.fields, ['statement']);
  });

  it('rebuilds a graph holding every property type, BYTES included, when its records are replayed', async () => {
    const source = await richGraph();
    const target = await replay(await dump(source));
    assert.deepEqual(await exportGraph(target), await exportGraph(source));
    assert.equal(target.store.countNodes(), source.store.countNodes());
    assert.equal(target.store.countRelationships(), source.store.countRelationships());
    const [[propertyCount]] = (await run(target, 'MATCH (n) RETURN sum(size(keys(n))) AS c')) as [[bigint]];
    const [[sourceCount]] = (await run(source, 'MATCH (n) RETURN sum(size(keys(n))) AS c')) as [[bigint]];
    assert.equal(propertyCount, sourceCount);
  });

  it('rebuilds the schema and leaves no temporary label, key or index behind', async () => {
    const source = await richGraph();
    const target = await replay(await dump(source));
    const describe = (engine: DatabaseEngine): string[] => [
      ...engine.store
        .constraints()
        .map((c) => canonical([c.name, c.kind, c.entity, c.properties.length, c.types])),
      ...engine.store
        .indexes()
        .map((i) => canonical([i.name, i.entity, i.properties.length, i.owningConstraint])),
    ];
    assert.deepEqual(describe(target).sort(), describe(source).sort());
    assert.deepEqual(await run(target, 'MATCH (n:__QuiverDumpNode) RETURN count(n)'), [[0n]]);
    assert.deepEqual(await run(target, 'MATCH (n) WHERE n.__quiver_dump_id IS NOT NULL RETURN count(n)'), [
      [0n],
    ]);
  });

  it('orders schema first, then node batches, then relationship batches, then cleanup', async () => {
    const statements = await dump(await richGraph());
    const kinds = statements.map((text) =>
      text.startsWith('CREATE CONSTRAINT') || text.startsWith('CREATE INDEX')
        ? 0
        : text.startsWith('UNWIND [{_id:') || text.startsWith('CREATE (') || text.startsWith(':param')
          ? 1
          : text.startsWith('UNWIND [{start:') || text.startsWith('MATCH (a:')
            ? 2
            : 3,
    );
    assert.deepEqual(kinds, [...kinds].sort());
    const rows = (text: string, key: string): number => text.split(`{${key}: `).length - 1;
    // Four node label sets; the node with BYTES comes on its own after the :param lines for its values.
    assert.equal(statements.filter((text) => text.startsWith('UNWIND [{_id:')).length, 4);
    assert.equal(
      statements.reduce((sum, text) => sum + rows(text, '_id'), 0),
      4,
    );
    assert.deepEqual(
      statements.filter((text) => text.startsWith(':param')),
      [
        ':param __quiver_bytes_0 => [0, 1, 127, 128, 255]',
        ':param __quiver_bytes_1 => []',
        ':param __quiver_bytes_0 => [0, 1, 127, 128, 255]',
      ],
    );
    // KNOWS with properties, SELF LOOP, and LINKS without properties (no SET clause).
    const relationshipBatches = statements.filter((text) => text.startsWith('UNWIND [{start:'));
    assert.equal(relationshipBatches.length, 3);
    assert.equal(relationshipBatches.filter((text) => !text.includes('SET r +=')).length, 1);
    assert.equal(
      relationshipBatches.reduce((sum, text) => sum + rows(text, 'start'), 0),
      4,
    );
  });

  it('cuts batches at the row limit and keeps every row', async () => {
    const engine = new DatabaseEngine();
    await run(engine, `UNWIND range(1, ${String(2 * BATCH_ROWS + 5)}) AS i CREATE (:N {i: i})`);
    const statements = (await dump(engine)).filter((text) => text.startsWith('UNWIND'));
    assert.deepEqual(
      statements.map((text) => text.split('{_id: ').length - 1),
      [BATCH_ROWS, BATCH_ROWS, 5],
    );
    const target = await replay(await dump(engine));
    assert.deepEqual(await exportGraph(target), await exportGraph(engine));
  });

  it("sees the transaction's own uncommitted writes", async () => {
    const engine = new DatabaseEngine();
    const tx = engine.begin();
    const create = tx.run('CREATE (:Fresh {k: 1})');
    await create.discard(Infinity);
    const rows: string[] = [];
    const result = tx.run('DUMP DATABASE');
    while (await result.pull(10, ([statement]) => rows.push(statement as string)));
    tx.rollback();
    assert.equal(rows.filter((text) => text.includes(':Fresh')).length, 1);
    assert.equal(result.summary().records, rows.length);
  });

  it('reads only as far as records are pulled (10 records of a 100k-node dump)', async () => {
    const engine = new DatabaseEngine();
    await run(engine, 'UNWIND range(1, 100000) AS i CREATE (:N {i: i})');
    await run(engine, 'MATCH (a:N {i: 1}), (b:N {i: 2}) CREATE (a)-[:R]->(b)');
    const tx = engine.store.begin({ readOnly: true });
    let reads = 0;
    const counting: DumpReader = {
      nodeLabels: (id) => (reads++, tx.nodeLabels(id)),
      forEachNodeProperty: (id, visit) => {
        reads++;
        tx.forEachNodeProperty(id, visit);
      },
      relationshipType: (id) => (reads++, tx.relationshipType(id)),
      relationshipStart: (id) => (reads++, tx.relationshipStart(id)),
      relationshipEnd: (id) => (reads++, tx.relationshipEnd(id)),
      forEachRelationshipProperty: (id, visit) => {
        reads++;
        tx.forEachRelationshipProperty(id, visit);
      },
      scanNodes: () => countingCursor(tx.scanNodes()),
      scanRelationships: () => countingCursor(tx.scanRelationships()),
    };
    function countingCursor<C extends NodeCursor | RelationshipCursor>(cursor: C): C {
      return { next: () => (reads++, cursor.next()) } as C;
    }
    const options = {
      store: engine.store,
      reader: counting,
      text: 'DUMP DATABASE',
      parameters: {},
      database: 'neo4j',
    };
    const lazy = new DumpResult(options);
    const first: string[] = [];
    assert.equal(
      lazy.pull(10, ([statement]) => first.push(statement as string)),
      true,
    );
    assert.equal(first.length, 10);
    // One head statement (the dump index) and nine batches of nodes: three reads per node.
    assert.ok(reads <= 9 * BATCH_ROWS * 3 + 3, `read ${String(reads)} times for 10 records`);
    lazy.close();
    assert.equal(lazy.done, true);

    reads = 0;
    const full = new DumpResult(options);
    let records = 0;
    while (full.pull(50_000, () => records++));
    assert.equal(records, 1 + 100_000 / BATCH_ROWS + 1 + 2);
    assert.ok(reads >= 3 * 100_000, 'the full dump reads every node');
    tx.rollback();
  });
});
