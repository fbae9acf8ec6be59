// The Quiver Bolt client against the server over real sockets: every transport (TCP, WebSocket, TLS, WSS)
// and a spread of versions run the Appendix A scenarios (a 5.4-style session, 4.4 routing) and explicit
// transactions, failure and recovery.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BoltClient,
  BoltResponseError,
  basicAuth,
  protocolVersion,
  type BoltClientOptions,
  type VersionProposal,
} from '../bolt/index.js';
import { makeTestCertificate, OPENSSL_MISSING } from '../../test/support/tls.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

const certificate = makeTestCertificate();

function exactly(major: number, minor: number): VersionProposal[] {
  return [{ kind: 'VERSION', version: protocolVersion(major, minor) }];
}

type Transport = Pick<BoltClientOptions, 'transport' | 'tls'>;

const TRANSPORTS: readonly (readonly [string, Transport, boolean])[] = [
  ['TCP', { transport: 'tcp' }, false],
  ['WebSocket', { transport: 'websocket' }, false],
  ['TLS', { transport: 'tcp', tls: { rejectUnauthorized: false } }, true],
  ['WebSocket over TLS', { transport: 'websocket', tls: { rejectUnauthorized: false } }, true],
];

describe('Quiver client sessions', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      backendOptions: { users: { neo4j: 'pw' } },
      ...(certificate === null ? {} : { tls: { cert: certificate.cert, key: certificate.key } }),
    });
  });

  after(async () => {
    await server.close();
  });

  for (const [name, transport, needsTls] of TRANSPORTS) {
    const skip = needsTls && certificate === null ? OPENSSL_MISSING : false;

    test(`${name}: the Appendix A 5.4 session runs (HELLO+LOGON, RUN+PULL, GOODBYE)`, { skip }, async () => {
      const client = await BoltClient.connect({ port: server.port, ...transport, proposals: exactly(5, 4) });
      assert.equal(client.versionText, '5.4');
      const hello = await client.login(basicAuth('neo4j', 'pw'));
      assert.equal(hello['server'], 'Neo4j/5.26.0');
      const result = await client.query('RETURN $x AS x', { x: 1n });
      assert.deepEqual(result.fields, ['x']);
      assert.deepEqual(result.records, [[1n]]);
      assert.equal(result.summary['type'], 'r');
      assert.equal(result.summary['db'], 'neo4j');
      assert.match(String(result.summary['bookmark']), /^bm:\d+$/);
      await client.goodbye();
    });

    test(`${name}: the Appendix A 4.4 routing table comes back for ROUTE`, { skip }, async () => {
      const client = await BoltClient.connect({ port: server.port, ...transport, proposals: exactly(4, 4) });
      await client.login(basicAuth('neo4j', 'pw'));
      const metadata = await client.route({ address: 'localhost:7687' });
      assert.deepEqual(metadata['rt'], {
        ttl: 300n,
        db: 'neo4j',
        servers: ['WRITE', 'READ', 'ROUTE'].map((role) => ({ addresses: ['localhost:7687'], role })),
      });
      await client.goodbye();
    });

    test(
      `${name}: the manifest handshake reaches Bolt 6.1 and an explicit transaction commits`,
      { skip },
      async () => {
        const client = await BoltClient.connect({ port: server.port, ...transport });
        assert.equal(client.versionText, '6.1');
        assert.equal(client.viaManifest, true);
        const hello = await client.login(basicAuth('neo4j', 'pw'));
        assert.equal(hello['protocol_version'], '6.1');
        await client.begin();
        const run = await client.run('CREATE (:Item)');
        assert.equal(run['qid'], 0n);
        await client.pull();
        const commit = await client.commit();
        assert.match(String(commit['bookmark']), /^bm:\d+$/);
        await client.goodbye();
      },
    );
  }

  test('a FAILURE ignores what follows until RESET, then the connection works again', async () => {
    const client = await BoltClient.connect({ port: server.port });
    await client.login(basicAuth('neo4j', 'pw'));
    const run = client.run('FAIL Neo.ClientError.Statement.SyntaxError');
    const pull = client.pull();
    await assert.rejects(run, (error: unknown) => {
      assert.ok(error instanceof BoltResponseError);
      assert.equal(error.serverCode, 'Neo.ClientError.Statement.SyntaxError');
      return true;
    });
    await assert.rejects(pull, (error: unknown) => error instanceof BoltResponseError && error.isIgnored);
    await client.reset();
    assert.deepEqual((await client.query('RETURN 7 AS x')).records, [[7n]]);
    await client.goodbye();
  });

  test('old versions use their own message shapes: Bolt 1 INIT and PULL_ALL, Bolt 3 HELLO with credentials', async () => {
    for (const [major, minor] of [
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
    ] as const) {
      const client = await BoltClient.connect({ port: server.port, proposals: exactly(major, minor) });
      await client.login(basicAuth('neo4j', 'pw'));
      assert.deepEqual((await client.query('RETURN 2 AS y')).records, [[2n]], `${major}.${minor}`);
      await client.begin();
      await client.query('CREATE (:Item)');
      await client.rollback();
      if (major >= 3) await client.goodbye();
      else client.close();
    }
  });

  test('wrong credentials are answered with Unauthorized and the server closes the connection', async () => {
    const client = await BoltClient.connect({ port: server.port });
    await assert.rejects(client.login(basicAuth('neo4j', 'wrong')), (error: unknown) => {
      assert.ok(error instanceof BoltResponseError);
      assert.equal(error.serverCode, 'Neo.ClientError.Security.Unauthorized');
      return true;
    });
    await client.closed;
  });

  test('a long result streams in batches with has_more', async () => {
    const client = await BoltClient.connect({ port: server.port, proposals: exactly(5, 4) });
    await client.login(basicAuth('neo4j', 'pw'));
    await client.run('UNWIND range(1, $n) AS i RETURN i', { n: 2500n });
    const first = await client.pull(1000);
    assert.equal(first.records.length, 1000);
    assert.equal(first.hasMore, true);
    let count = 0;
    const rest = await client.pull(-1, undefined, () => count++);
    assert.equal(count, 1500);
    assert.equal(rest.hasMore, false);
    await client.goodbye();
  });
});
