// The engine behind Bolt, as drivers see it: the transaction memory guard's failure (code, rollback, the
// session usable afterwards) and the authenticated user reaching dbms.showCurrentUser.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import neo4j44 from 'neo4j-driver-44';
import neo4j6 from 'neo4j-driver-6';
import { MemoryPool } from '../engine/index.js';
import { silentLogger } from './logging.js';
import { startServer, type QuiverServer } from './start-server.js';

const OUT_OF_MEMORY = 'Neo.ClientError.General.TransactionOutOfMemoryError';
const TOO_MUCH = 'UNWIND range(1, 100000) AS i RETURN i ORDER BY i DESC';
const FAST_SCRYPT = { N: 16, r: 1, p: 1 };

let guarded: QuiverServer;
let open: QuiverServer;

before(async () => {
  guarded = await startServer({
    host: '127.0.0.1',
    port: 0,
    inMemory: true,
    logger: silentLogger,
    transactionMemoryMax: 512 * 1024,
    auth: { users: [{ username: 'alice', password: 'wonderland' }], scrypt: FAST_SCRYPT },
  });
  open = await startServer({
    host: '127.0.0.1',
    port: 0,
    inMemory: true,
    logger: silentLogger,
    memoryPool: new MemoryPool(512 * 1024),
  });
});

after(async () => {
  await guarded.close();
  await open.close();
});

/** The code of the error `work` rejects with. */
async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'no error';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('The memory guard over Bolt', () => {
  test('a 6.x driver sees TransactionOutOfMemoryError and keeps using its session', async () => {
    const driver = neo4j6.driver(guarded.url, neo4j6.auth.basic('alice', 'wonderland'));
    try {
      const session = driver.session();
      assert.equal(await codeOf(session.run(TOO_MUCH)), OUT_OF_MEMORY);
      const after = await session.run('UNWIND range(1, 3) AS i RETURN i ORDER BY i DESC');
      assert.deepEqual(
        after.records.map((record) => Number(record.get('i'))),
        [3, 2, 1],
      );
      // In an explicit transaction the failure rolls everything back.
      const tx = session.beginTransaction();
      await tx.run('CREATE (:Lost)');
      assert.equal(await codeOf(tx.run(TOO_MUCH)), OUT_OF_MEMORY);
      await tx.close();
      const count = await session.run('MATCH (n:Lost) RETURN count(n) AS c');
      assert.equal(Number(count.records[0]?.get('c')), 0);
      await session.close();
    } finally {
      await driver.close();
    }
  });

  test('a 4.4 driver (no GQL metadata) sees the same code', async () => {
    const driver = neo4j44.driver(guarded.url, neo4j44.auth.basic('alice', 'wonderland'));
    try {
      const session = driver.session();
      assert.equal(await codeOf(session.run(TOO_MUCH)), OUT_OF_MEMORY);
      const ok = await session.run('RETURN 1 AS x');
      assert.equal(Number(ok.records[0]?.get('x')), 1);
      await session.close();
    } finally {
      await driver.close();
    }
  });

  test('the shared pool answers with the transient MemoryPoolOutOfMemoryError', async () => {
    const driver = neo4j6.driver(open.url, neo4j6.auth.basic('neo4j', 'any'));
    try {
      const session = driver.session();
      assert.equal(
        await codeOf(session.run(TOO_MUCH)),
        'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      );
      const ok = await session.run('RETURN 1 AS x');
      assert.equal(Number(ok.records[0]?.get('x')), 1);
      await session.close();
    } finally {
      await driver.close();
    }
  });
});

describe('dbms.showCurrentUser and SHOW CURRENT USER over Bolt', () => {
  test('answers the user the connection authenticated as', async () => {
    const driver = neo4j6.driver(guarded.url, neo4j6.auth.basic('alice', 'wonderland'));
    try {
      const session = driver.session();
      const result = await session.run('CALL dbms.showCurrentUser()');
      const record = result.records[0];
      assert.deepEqual(
        [record?.get('username'), record?.get('roles'), record?.get('flags')],
        ['alice', null, []],
      );
      const current = await session.run('SHOW CURRENT USER YIELD user, passwordChangeRequired');
      assert.deepEqual(
        current.records.map((each) => [each.get('user'), each.get('passwordChangeRequired')] as unknown),
        [['alice', false]],
      );
      const shown = await session.run('SHOW TRANSACTIONS YIELD username');
      assert.deepEqual(
        shown.records.map((each) => each.get('username') as unknown),
        ['alice'],
      );
      await session.close();
    } finally {
      await driver.close();
    }
  });

  test('answers the empty name when authentication is disabled, as Neo4j does', async () => {
    const driver = neo4j6.driver(open.url, neo4j6.auth.basic('neo4j', 'any'));
    try {
      const session = driver.session();
      const result = await session.run('CALL dbms.showCurrentUser() YIELD username');
      assert.equal(result.records[0]?.get('username'), '');
      await session.close();
    } finally {
      await driver.close();
    }
  });
});
