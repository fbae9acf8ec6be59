// Smoke test with the official JavaScript drivers (6.x and 4.4) over TCP and TLS: connect with bolt:// and
// neo4j://, run `RETURN 1 AS x`, commit an explicit transaction. The full driver matrix lives in test/drivers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import neo4j44 from 'neo4j-driver-44';
import neo4j6 from 'neo4j-driver-6';
import { makeTestCertificate, OPENSSL_MISSING } from '../../test/support/tls.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

const certificate = makeTestCertificate();

/** The part of both drivers' APIs this test uses. */
interface ResultLike {
  readonly records: { get(key: string): unknown }[];
  readonly summary: { readonly server: { readonly protocolVersion?: unknown; readonly agent?: string } };
}

interface DriverLike {
  verifyConnectivity(): Promise<unknown>;
  session(): {
    run(query: string): Promise<ResultLike>;
    beginTransaction(): {
      run(query: string): Promise<ResultLike>;
      commit(): Promise<void>;
    };
    lastBookmarks?: () => string[];
    close(): Promise<void>;
  };
  close(): Promise<void>;
}

function asNumber(value: unknown): number {
  return typeof value === 'object' && value !== null && 'toNumber' in value
    ? (value as { toNumber(): number }).toNumber()
    : Number(value);
}

/** 4.4 reports the version as a number (4.4), 6.x as `{major, minor}`. */
function versionText(version: unknown): string {
  if (typeof version === 'number') return version.toFixed(1);
  const { major, minor } = version as { major: number; minor: number };
  return `${major}.${minor}`;
}

async function exercise(driver: DriverLike): Promise<string> {
  try {
    await driver.verifyConnectivity();
    const session = driver.session();
    try {
      const result = await session.run('RETURN 1 AS x');
      assert.equal(asNumber(result.records[0]?.get('x')), 1);
      assert.equal(result.summary.server.agent, 'Neo4j/5.26.0');
      const tx = session.beginTransaction();
      const inTx = await tx.run('RETURN 2 AS y');
      assert.equal(asNumber(inTx.records[0]?.get('y')), 2);
      await tx.commit();
      return versionText(result.summary.server.protocolVersion);
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

describe('official drivers connect and run queries', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer(certificate === null ? {} : { tls: certificate });
  });

  after(async () => {
    await server.close();
  });

  const auth6 = neo4j6.auth.basic('neo4j', 'password');
  const auth44 = neo4j44.auth.basic('neo4j', 'password');

  for (const scheme of ['bolt', 'neo4j']) {
    test(`neo4j-driver 6.x over ${scheme}:// negotiates Bolt 6.1 through the manifest`, async () => {
      const version = await exercise(neo4j6.driver(`${scheme}://127.0.0.1:${server.port}`, auth6));
      assert.equal(version, '6.1');
      assert.deepEqual(server.logs.errors(), []);
    });

    test(`neo4j-driver 4.4 over ${scheme}:// negotiates Bolt 4.4`, async () => {
      const version = await exercise(neo4j44.driver(`${scheme}://127.0.0.1:${server.port}`, auth44));
      assert.equal(version, '4.4');
      assert.deepEqual(server.logs.errors(), []);
    });
  }

  const skip = certificate === null ? OPENSSL_MISSING : false;

  test('neo4j-driver 6.x over bolt+ssc:// (TLS, self-signed) works', { skip }, async () => {
    const version = await exercise(neo4j6.driver(`bolt+ssc://127.0.0.1:${server.port}`, auth6));
    assert.equal(version, '6.1');
  });

  test('neo4j-driver 4.4 over neo4j+ssc:// (TLS, self-signed, routing) works', { skip }, async () => {
    const version = await exercise(neo4j44.driver(`neo4j+ssc://localhost:${server.port}`, auth44));
    assert.equal(version, '4.4');
  });

  test('a wrong password is reported as Neo.ClientError.Security.Unauthorized', async () => {
    const driver = neo4j6.driver(`bolt://127.0.0.1:${server.port}`, neo4j6.auth.basic('neo4j', 'nope'));
    try {
      await assert.rejects(driver.verifyConnectivity(), (error: unknown) => {
        assert.equal((error as { code?: string }).code, 'Neo.ClientError.Security.Unauthorized');
        return true;
      });
    } finally {
      await driver.close();
    }
  });
});
