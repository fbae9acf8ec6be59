import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Database } from '../../src/engine/index.js';
import { ImportDirectory } from './csv-engine.js';

const directory = new ImportDirectory();
after(() => {
  directory.remove();
});

describe('LOAD CSV through the embedded API', () => {
  it('creates one Person per record of a file with headers', async () => {
    directory.write('people.csv', 'name,age\nAlice,30\n"Bob, Jr",41\nCarol,\n');
    const db = await Database.open({ importDirectory: directory.path });
    try {
      const session = db.session();
      const created = session.run(
        "LOAD CSV WITH HEADERS FROM 'file:///people.csv' AS row " +
          'CREATE (:Person {name: row.name, age: toInteger(row.age)})',
      );
      const summary = await created.summary();
      assert.equal(summary.statistics.nodesCreated, 3);
      const records = await session
        .run('MATCH (p:Person) RETURN p.name AS name, p.age AS age ORDER BY name')
        .records();
      assert.deepEqual(
        records.map((record) => [record.get('name'), record.get('age')]),
        [
          ['Alice', 30n],
          ['Bob, Jr', 41n],
          ['Carol', null],
        ],
      );
      await session.close();
    } finally {
      await db.close();
    }
  });
});
