import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseError, Status } from '../../errors/index.js';
import { Duration } from '../../values/index.js';
import { Database, type DatabaseEngine } from '../index.js';
import type { DatabaseAdministration } from './administration.js';

async function records(db: Database, query: string, parameters = {}): Promise<Record<string, unknown>[]> {
  const result = await db.session().run(query, parameters).records();
  return result.map((record) => Object.fromEntries(record.keys.map((key, i) => [key, record.values[i]])));
}

/** A fake server: the database under test plus names created through the port. */
async function administered(): Promise<{ db: Database; created: string[] }> {
  const engines: DatabaseEngine[] = [];
  const created: string[] = [];
  const administration: DatabaseAdministration = {
    defaultDatabase: 'neo4j',
    address: 'example:7687',
    databases: () => engines,
    create: (name, ifNotExists) => {
      if (created.includes(name) && ifNotExists) return false;
      created.push(name);
      return true;
    },
    drop: (name, ifExists) => {
      const at = created.indexOf(name);
      if (at < 0 && ifExists) return false;
      if (at < 0) throw new DatabaseError(Status.DatabaseNotFound, `no ${name}`);
      created.splice(at, 1);
      return true;
    },
  };
  const db = await Database.open({ administration });
  engines.push(db.engine);
  return { db, created };
}

describe('SHOW DATABASES', () => {
  it('lists the databases of the administration port with Neo4j default columns', async () => {
    const { db } = await administered();
    const [row] = await records(db, 'SHOW DATABASES');
    assert.deepEqual(Object.keys(row ?? {}), [
      'name',
      'type',
      'aliases',
      'access',
      'address',
      'role',
      'writer',
      'requestedStatus',
      'currentStatus',
      'statusMessage',
      'default',
      'home',
      'constituents',
    ]);
    assert.equal(row?.['address'], 'example:7687');
    assert.equal(row['default'], true);
  });

  it('shows one database by name, and the default one without default/home columns', async () => {
    const { db } = await administered();
    assert.deepEqual(await records(db, 'SHOW DATABASE neo4j YIELD name'), [{ name: 'neo4j' }]);
    assert.deepEqual(await records(db, 'SHOW DATABASE other YIELD name'), []);
    const [row] = await records(db, 'SHOW DEFAULT DATABASE');
    assert.equal(row?.['name'], 'neo4j');
    assert.equal(Object.hasOwn(row, 'home'), false);
  });

  it('sees only itself without an administration port', async () => {
    const db = await Database.open({ name: 'solo' });
    assert.deepEqual(await records(db, 'SHOW DATABASES YIELD name, home'), [{ name: 'solo', home: true }]);
  });
});

describe('CREATE and DROP DATABASE', () => {
  it('go through the administration port and count system updates', async () => {
    const { db, created } = await administered();
    const summary = await db.session().run('CREATE DATABASE Movies').summary();
    assert.equal(summary.statistics.systemUpdates, 1);
    assert.equal(summary.queryType, 's');
    assert.deepEqual(created, ['movies']);
    const again = await db.session().run('CREATE DATABASE movies IF NOT EXISTS').summary();
    assert.equal(again.statistics.systemUpdates, 0);
    await db.session().run('DROP DATABASE movies').summary();
    assert.deepEqual(created, []);
    const missing = await db.session().run('DROP DATABASE movies IF EXISTS').summary();
    assert.equal(missing.statistics.systemUpdates, 0);
  });

  it('are refused by an engine that is not hosted by a server', async () => {
    const db = await Database.open();
    await assert.rejects(db.session().run('CREATE DATABASE x').summary(), DatabaseError);
  });
});

describe('SHOW and TERMINATE TRANSACTIONS', () => {
  it('lists open transactions with their id, query and elapsed time', async () => {
    const { db } = await administered();
    const open = db.session().beginTransaction();
    await open.run('RETURN 1').records();
    const rows = await records(
      db,
      'SHOW TRANSACTIONS YIELD transactionId, currentQuery, status, elapsedTime',
    );
    const mine = rows.find((row) => row['currentQuery'] === 'RETURN 1');
    assert.ok(mine !== undefined);
    assert.match(String(mine['transactionId']), /^neo4j-transaction-\d+$/u);
    assert.equal(mine['status'], 'Running');
    assert.ok(mine['elapsedTime'] instanceof Duration);
    assert.ok(rows.some((row) => String(row['currentQuery']).startsWith('SHOW TRANSACTIONS')));
    await open.rollback();
  });

  it('terminates a transaction by id, which then fails', async () => {
    const { db } = await administered();
    const victim = db
      .session()
      .beginTransaction({ user: { username: 'alice', roles: null, passwordChangeRequired: false } });
    await victim.run('RETURN 1').records();
    const [row] = await records(
      db,
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery = 'RETURN 1'",
    );
    const id = String(row?.['transactionId']);
    assert.deepEqual(await records(db, 'TERMINATE TRANSACTIONS $id', { id }), [
      { transactionId: id, username: 'alice', message: 'Transaction terminated.' },
    ]);
    await assert.rejects(victim.run('RETURN 2').records(), DatabaseError);
    assert.deepEqual(await records(db, "TERMINATE TRANSACTIONS 'neo4j-transaction-0'"), [
      { transactionId: 'neo4j-transaction-0', username: null, message: 'Transaction not found.' },
    ]);
  });
});

describe('tx.setMetaData', () => {
  it('replaces the metadata SHOW TRANSACTIONS reports for the running transaction', async () => {
    const { db } = await administered();
    const tx = db.session().beginTransaction({ metadata: { app: 'first' } });
    const metadata = async (): Promise<unknown> => {
      const [row] = await records(
        db,
        "SHOW TRANSACTIONS YIELD currentQuery, metaData WHERE currentQuery STARTS WITH 'CALL tx.'",
      );
      return row?.['metaData'];
    };
    await tx.run("CALL tx.setMetaData({app: 'second', attempt: 2})").records();
    assert.deepEqual(await metadata(), { app: 'second', attempt: 2n });
    await tx.run('CALL tx.setMetaData(null)').records();
    assert.deepEqual(await metadata(), {});
    await assert.rejects(tx.run('CALL tx.setMetaData(1)').records(), DatabaseError);
    await tx.rollback();
  });
});

describe('SHOW CURRENT USER', () => {
  it('lists the user running the transaction with Neo4j columns', async () => {
    const db = await Database.open();
    const tx = db
      .session()
      .beginTransaction({ user: { username: 'alice', roles: null, passwordChangeRequired: false } });
    const rows = await tx.run('SHOW CURRENT USER').records();
    assert.deepEqual(
      rows.map((row) => Object.fromEntries(row.keys.map((key) => [key, row.get(key)]))),
      [{ user: 'alice', roles: null, passwordChangeRequired: false, suspended: null, home: null }],
    );
    const yielded = await tx.run('SHOW CURRENT USER YIELD user WHERE user STARTS WITH "a"').records();
    assert.deepEqual(
      yielded.map((row) => row.get('user')),
      ['alice'],
    );
    await tx.rollback();
  });

  it('lists no row when authentication is disabled, as Neo4j does', async () => {
    const db = await Database.open();
    assert.deepEqual(await records(db, 'SHOW CURRENT USER'), []);
    await assert.rejects(db.session().run('SHOW USERS').records(), /Unsupported administration command/);
  });
});

describe('SHOW SETTINGS', () => {
  it('lists the default database of an engine that no server hosts', async () => {
    const db = await Database.open({ name: 'films' });
    assert.deepEqual(await records(db, 'SHOW SETTINGS YIELD name, value, isExplicitlySet'), [
      { name: 'initial.dbms.default_database', value: 'films', isExplicitlySet: true },
    ]);
    assert.deepEqual(await records(db, "SHOW SETTING 'nothing'"), []);
  });
});
