import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Harness, wire, type HarnessOptions } from '../../../../test/support/bolt-harness.js';
import { TestBackend } from '../../../../test/support/test-backend.js';
import type { AuthenticatedUser } from '../../backend.js';
import type { AuthToken } from '../../messages/request.js';
import { formatProtocolVersion, isProtocolAtLeast } from '../../protocol-version.js';
import { BOLT_VERSIONS } from '../../versions/index.js';

async function helloSuccess(version: string, options: HarnessOptions = {}, helloExtra: object = {}) {
  const bolt = new Harness(version, options);
  const [success] = await bolt.send(bolt.loginRequests(helloExtra)[0] ?? wire.hello());
  assert.equal(success?.kind, 'SUCCESS');
  return { metadata: success.metadata, bolt };
}

describe('INIT/HELLO SUCCESS', () => {
  for (const { version } of BOLT_VERSIONS) {
    const name = formatProtocolVersion(version);
    test(`on Bolt ${name} carries the keys that version defines`, async () => {
      const { metadata } = await helloSuccess(name);
      const expected: Record<string, unknown> = { server: 'Neo4j/5.26.0' };
      if (isProtocolAtLeast(version, 3, 0)) expected['connection_id'] = 'bolt-1';
      if (isProtocolAtLeast(version, 4, 3)) expected['hints'] = {};
      assert.deepEqual(metadata, expected);
    });
  }

  test('echoes the utc patch on Bolt 4.3 and 4.4 and switches hydration', async () => {
    for (const version of ['4.3', '4.4']) {
      const { metadata, bolt } = await helloSuccess(version, {}, { patch_bolt: ['utc'] });
      assert.deepEqual(metadata['patch_bolt'], ['utc'], version);
      assert.deepEqual(bolt.helloAgreements, [{ utcPatch: true }], version);
    }
  });

  test('echoes no patch it does not know', async () => {
    const { metadata, bolt } = await helloSuccess('4.4', {}, { patch_bolt: ['elementid'] });
    assert.equal(Object.hasOwn(metadata, 'patch_bolt'), false);
    assert.deepEqual(bolt.helloAgreements, [{ utcPatch: false }]);
  });

  test('ignores patch_bolt from Bolt 5.0 on, where UTC is the default', async () => {
    const { metadata, bolt } = await helloSuccess('5.0', {}, { patch_bolt: ['utc'] });
    assert.equal(Object.hasOwn(metadata, 'patch_bolt'), false);
    assert.deepEqual(bolt.helloAgreements, [{ utcPatch: false }]);
  });

  test('offers telemetry only from Bolt 5.4 and only when enabled', async () => {
    assert.deepEqual((await helloSuccess('5.4', { telemetryEnabled: true })).metadata['hints'], {
      'telemetry.enabled': true,
    });
    assert.deepEqual((await helloSuccess('5.4')).metadata['hints'], {});
    assert.deepEqual((await helloSuccess('5.3', { telemetryEnabled: true })).metadata['hints'], {});
  });

  test('offers ssr.enabled only from Bolt 5.8 and only when configured', async () => {
    assert.deepEqual((await helloSuccess('5.8', { ssrEnabled: true })).metadata['hints'], {
      'ssr.enabled': true,
    });
    assert.deepEqual((await helloSuccess('5.8', { ssrEnabled: false })).metadata['hints'], {
      'ssr.enabled': false,
    });
    assert.deepEqual((await helloSuccess('5.7', { ssrEnabled: true })).metadata['hints'], {});
  });

  test('names the protocol version from Bolt 5.7 when the manifest handshake was used', async () => {
    assert.equal((await helloSuccess('5.7', { manifest: true })).metadata['protocol_version'], '5.7');
    assert.equal((await helloSuccess('6.0', { manifest: true })).metadata['protocol_version'], '6.0');
    assert.equal(Object.hasOwn((await helloSuccess('5.7')).metadata, 'protocol_version'), false);
    assert.equal(
      Object.hasOwn((await helloSuccess('5.6', { manifest: true })).metadata, 'protocol_version'),
      false,
    );
  });

  test('tells the client when its credentials have expired', async () => {
    class ExpiringBackend extends TestBackend {
      override authenticate(token: AuthToken): AuthenticatedUser {
        return { username: token.principal ?? '', credentialsExpired: true };
      }
    }
    const { metadata } = await helloSuccess('4.4', { createBackend: () => new ExpiringBackend() });
    assert.equal(metadata['credentials_expired'], true);
    const bolt = new Harness('5.1', { createBackend: () => new ExpiringBackend() });
    const [, logon] = await bolt.login();
    assert.deepEqual(logon?.metadata, { credentials_expired: true });
  });
});

describe('HELLO', () => {
  test('authenticates with the credentials it carries up to Bolt 5.0', async () => {
    const bolt = new Harness('5.0');
    assert.deepEqual(
      await bolt.kinds(wire.hello({ scheme: 'basic', principal: 'neo4j', credentials: 'password' })),
      ['SUCCESS'],
    );
    assert.equal(bolt.state, 'READY');
  });

  test('ignores credentials from Bolt 5.1 on and waits for LOGON', async () => {
    const bolt = new Harness('5.1');
    assert.deepEqual(
      await bolt.kinds(wire.hello({ scheme: 'basic', principal: 'neo4j', credentials: 'wrong' })),
      ['SUCCESS'],
    );
    assert.equal(bolt.state, 'AUTHENTICATION');
    assert.deepEqual(await bolt.kinds(wire.logon()), ['SUCCESS']);
    assert.equal(bolt.state, 'READY');
  });

  test('keeps the notification filter for the transactions of the connection', async () => {
    const bolt = new Harness('5.6');
    await bolt.login({
      notifications_minimum_severity: 'WARNING',
      notifications_disabled_classifications: ['HINT'],
    });
    await bolt.send(wire.run('RETURN 1 AS x'), wire.pull(-1n));
    assert.deepEqual(bolt.backend.transactions[0]?.request.notifications, {
      minimumSeverity: 'WARNING',
      disabledClassifications: ['HINT'],
    });
  });

  test('switches users with LOGOFF and LOGON on Bolt 5.1+', async () => {
    const bolt = new Harness('5.1', { backend: { users: { neo4j: 'password', alice: 'secret' } } });
    await bolt.login();
    const kinds = await bolt.kinds(
      wire.logoff(),
      wire.logon({ scheme: 'basic', principal: 'alice', credentials: 'secret' }),
      wire.run('RETURN 1 AS x'),
      wire.pull(-1n),
    );
    assert.deepEqual(kinds, ['SUCCESS', 'SUCCESS', 'SUCCESS', 'RECORD', 'SUCCESS']);
    assert.equal(bolt.backend.transactions[0]?.request.user.username, 'alice');
  });
});
