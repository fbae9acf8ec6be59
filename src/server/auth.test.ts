import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BoltClient, BoltResponseError, basicAuth, type AuthToken } from '../bolt/index.js';
import { AuthenticationError } from '../errors/index.js';
import { startTestServer } from '../../test/support/test-server.js';
import { createAuthenticator, hashPassword, type ScryptParameters } from './auth.js';

/** Cheap parameters: the tests check behaviour, not cost. */
const CHEAP: ScryptParameters = { N: 1024, r: 8, p: 1 };

function token(
  scheme: string,
  principal: string | null = null,
  credentials: string | null = null,
): AuthToken {
  return { scheme, principal, credentials, realm: null, parameters: null };
}

describe('password hashing', () => {
  test('a hash names its parameters and salt, and differs per call for the same password', async () => {
    const first = await hashPassword('secret', CHEAP);
    const second = await hashPassword('secret', CHEAP);
    assert.match(first, /^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.notEqual(first, second);
    assert.ok(!first.includes('secret'));
  });
});

describe('authenticator', () => {
  test('accepts configured users with the right password only', async () => {
    const authenticator = createAuthenticator({
      users: [
        { username: 'alice', password: 'wonderland' },
        { username: 'bob', passwordHash: await hashPassword('builder', CHEAP) },
      ],
      scrypt: CHEAP,
    });
    assert.deepEqual(await authenticator.authenticate(token('basic', 'alice', 'wonderland')), {
      username: 'alice',
    });
    assert.deepEqual(await authenticator.authenticate(token('basic', 'bob', 'builder')), { username: 'bob' });
    for (const attempt of [
      token('basic', 'alice', 'builder'),
      token('basic', 'carol', 'wonderland'),
      token('basic', 'alice', null),
      token('none'),
      token('bearer', null, 'a-token'),
    ]) {
      await assert.rejects(authenticator.authenticate(attempt), (error: unknown) => {
        assert.ok(error instanceof AuthenticationError);
        assert.equal(error.code, 'Neo.ClientError.Security.Unauthorized');
        assert.ok(!error.message.includes('wonderland') && !error.message.includes('builder'));
        return true;
      });
    }
  });

  test('accepts every token when authentication is not required', async () => {
    const authenticator = createAuthenticator({ required: false });
    assert.deepEqual(await authenticator.authenticate(token('none')), { username: 'anonymous' });
    assert.deepEqual(await authenticator.authenticate(token('basic', 'dave', 'x')), { username: 'dave' });
  });

  test('configuration mistakes are refused at startup', () => {
    assert.throws(() => createAuthenticator({ users: [{ username: 'x' }] }), TypeError);
    assert.throws(
      () => createAuthenticator({ users: [{ username: 'x', passwordHash: 'plain-text' }], scrypt: CHEAP }),
      TypeError,
    );
    assert.throws(
      () =>
        createAuthenticator({
          users: [
            { username: 'x', password: 'a' },
            { username: 'x', password: 'b' },
          ],
          scrypt: CHEAP,
        }),
      TypeError,
    );
    for (const scrypt of [
      { N: 1000, r: 8, p: 1 },
      { N: 1, r: 8, p: 1 },
      { N: 2 ** 31, r: 8, p: 1 },
      { N: 1024, r: 0, p: 1 },
      { N: 1024, r: 8, p: 1.5 },
    ]) {
      assert.throws(
        () => createAuthenticator({ users: [{ username: 'x', password: 'a' }], scrypt }),
        (error: unknown) => error instanceof TypeError && error.message.includes('scrypt parameters'),
      );
    }
  });

  test('logins that arrive while the passwords are still being hashed wait for them', async () => {
    const authenticator = createAuthenticator({
      users: [{ username: 'alice', password: 'wonderland' }],
      scrypt: CHEAP,
    });
    // Both logins start before any hash can have finished (scrypt runs on the thread pool).
    const [good, bad] = await Promise.allSettled([
      authenticator.authenticate(token('basic', 'alice', 'wonderland')),
      authenticator.authenticate(token('basic', 'alice', 'wrong')),
    ]);
    assert.deepEqual(good, { status: 'fulfilled', value: { username: 'alice' } });
    assert.ok(bad.status === 'rejected');
    assert.ok(bad.reason instanceof AuthenticationError);
  });
});

describe('a server with configured users', () => {
  test('logs users in over Bolt, refuses wrong passwords with Unauthorized and closes the connection', async () => {
    const server = await startTestServer({
      auth: { users: [{ username: 'alice', password: 'wonderland' }], scrypt: CHEAP },
    });
    try {
      const good = await BoltClient.connect({ port: server.port });
      await good.login(basicAuth('alice', 'wonderland'));
      assert.deepEqual((await good.query('RETURN 1 AS x')).records, [[1n]]);
      await good.goodbye();
      // The test backend's own user is not a configured user.
      const bad = await BoltClient.connect({ port: server.port });
      await assert.rejects(bad.login(basicAuth('neo4j', 'password')), (error: unknown) => {
        assert.ok(error instanceof BoltResponseError);
        assert.equal(error.serverCode, 'Neo.ClientError.Security.Unauthorized');
        return true;
      });
      await bad.closed;
      const logged = server.logs.lines.map((line) => line.message).join('\n');
      assert.ok(!logged.includes('wonderland') && !logged.includes('password'));
    } finally {
      await server.close();
    }
  });
});
