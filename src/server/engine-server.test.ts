// The real server (engine behind Bolt) with official drivers: a 6.x driver and the 1.7 line, which still
// uses Cypher routing procedures and legacy hydration.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import neo4j6 from 'neo4j-driver-6';
import { silentLogger } from './logging.js';
import { startServer, type QuiverServer } from './start-server.js';

/** The slice of the 1.7 driver's API this test uses (the package's own types do not load under NodeNext). */
interface Driver1 {
  driver(
    url: string,
    auth: unknown,
    config: { encrypted: boolean },
  ): {
    session(): { run(query: string): Promise<{ records: { get(key: string): unknown }[] }>; close(): void };
    close(): void;
  };
  auth: { basic(user: string, password: string): unknown };
}
const neo4j1 = (createRequire(import.meta.url)('neo4j-driver-1x') as { v1: Driver1 }).v1;

let server: QuiverServer;

before(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, inMemory: true, logger: silentLogger });
});

after(async () => {
  await server.close();
});

describe('The server over the engine', () => {
  test('runs Cypher for neo4j-driver 6 (bolt:// and neo4j://), with counters and explicit transactions', async () => {
    for (const scheme of ['bolt', 'neo4j']) {
      const driver = neo4j6.driver(`${scheme}://127.0.0.1:${server.port}`, neo4j6.auth.basic('neo4j', 'x'));
      try {
        const session = driver.session();
        const created = await session.run("CREATE (:Driver {name: $name, n: $n}) RETURN 'ok' AS ok", {
          name: scheme,
          n: neo4j6.int(7),
        });
        assert.equal(created.records[0]?.get('ok'), 'ok');
        assert.equal(created.summary.counters.updates().nodesCreated, 1);
        const tx = session.beginTransaction();
        const read = await tx.run('MATCH (d:Driver {name: $name}) RETURN d, d.n AS n', { name: scheme });
        await tx.commit();
        const node = read.records[0]?.get('d') as { labels: string[]; properties: { name: string } };
        assert.deepEqual(node.labels, ['Driver']);
        assert.equal(node.properties.name, scheme);
        assert.equal(String(read.records[0]?.get('n')), '7');
        await session.close();
      } finally {
        await driver.close();
      }
    }
  });

  test('serves neo4j-driver 1.7 with routing through dbms.cluster.routing.getRoutingTable', async () => {
    const driver = neo4j1.driver(`bolt+routing://127.0.0.1:${server.port}`, neo4j1.auth.basic('neo4j', 'x'), {
      encrypted: false, // 1.x drivers encrypt by default
    });
    try {
      const session = driver.session();
      const result = await session.run('UNWIND range(1, 3) AS i RETURN i * 2 AS twice');
      assert.deepEqual(
        result.records.map((record) => String(record.get('twice'))),
        ['2', '4', '6'],
      );
      session.close();
    } finally {
      driver.close();
    }
  });

  test('streams a large result lazily in the driver fetch size', async () => {
    const driver = neo4j6.driver(`bolt://127.0.0.1:${server.port}`, neo4j6.auth.basic('neo4j', 'x'));
    try {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- the driver types its config as a class; plain objects are how it is used
      const session = driver.session({ fetchSize: 100 });
      let count = 0;
      await new Promise<void>((resolve, reject) => {
        session.run('UNWIND range(1, 20000) AS i RETURN i').subscribe({
          onNext: () => {
            count++;
          },
          onCompleted: () => {
            resolve();
          },
          onError: reject,
        });
      });
      assert.equal(count, 20000);
      await session.close();
    } finally {
      await driver.close();
    }
  });
});

describe('SHOW SETTINGS, dbms.listConfig and dbms.clientConfig', () => {
  test('list the server configuration under Neo4j setting names, the way Neo4j Browser reads it', async () => {
    const driver = neo4j6.driver(`bolt://127.0.0.1:${server.port}`, neo4j6.auth.basic('neo4j', 'x'));
    try {
      const session = driver.session();
      const address = `127.0.0.1:${server.port}`;
      const shown = await session.run(
        "SHOW SETTINGS YIELD name, value, isDynamic, isExplicitlySet WHERE name STARTS WITH 'server.bolt' RETURN name, value, isDynamic, isExplicitlySet",
      );
      assert.deepEqual(
        shown.records.map((record) => record.toObject()),
        [
          { name: 'server.bolt.advertised_address', value: address, isDynamic: false, isExplicitlySet: true },
          { name: 'server.bolt.enabled', value: 'true', isDynamic: false, isExplicitlySet: false },
          { name: 'server.bolt.listen_address', value: address, isDynamic: false, isExplicitlySet: true },
          { name: 'server.bolt.tls_level', value: 'DISABLED', isDynamic: false, isExplicitlySet: false },
        ],
      );
      const named = await session.run("SHOW SETTINGS 'db.transaction.timeout', 'no.such.setting'");
      assert.deepEqual(
        named.records.map((record) => record.keys),
        [['name', 'value', 'isDynamic', 'defaultValue', 'description']],
      );
      assert.equal(named.records[0]?.get('value'), '0s');
      const listed = await session.run("CALL dbms.listConfig('directories') YIELD name, value");
      // The server of this file keeps its databases in memory: no data directory.
      assert.deepEqual(
        listed.records.map((record) => record.toObject()),
        [{ name: 'server.directories.data', value: null }],
      );
      const client = await session.run('CALL dbms.clientConfig() YIELD name, value RETURN name, value');
      const values = new Map(client.records.map((record) => [record.get('name'), record.get('value')]));
      assert.equal(values.get('browser.remote_content_hostname_allowlist'), 'guides.neo4j.com,localhost');
      assert.equal(values.get('dbms.security.auth_enabled'), 'true');
      assert.equal(values.has('server.bolt.listen_address'), false);
      await session.close();
    } finally {
      await driver.close();
    }
  });
});
