import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeHello } from './hello.js';
import { decodeInit } from './init.js';
import { decodeLogon } from './logon.js';
import { FEATURES } from './test-features.fixture.js';

const BASIC = { scheme: 'basic', principal: 'neo4j', credentials: 'pw' };

describe('decodeHello', () => {
  test('reads the auth token up to Bolt 5.0 and ignores it from 5.1', () => {
    const fields = [{ user_agent: 'app/1', ...BASIC }];
    assert.deepEqual(decodeHello(fields, FEATURES['4.4']).auth, {
      scheme: 'basic',
      principal: 'neo4j',
      credentials: 'pw',
      realm: null,
      parameters: null,
    });
    assert.equal(decodeHello(fields, FEATURES['5.1']).auth, null);
  });

  test('reads routing, patches, notification filters and bolt_agent where the version has them', () => {
    const extra = {
      user_agent: 'app/1',
      routing: { address: 'localhost:7687', region: 'eu' },
      patch_bolt: ['utc'],
      notifications_minimum_severity: 'WARNING',
      notifications_disabled_categories: ['HINT'],
      bolt_agent: { product: 'neo4j-javascript/5.26.0', platform: 'linux', language_details: 'Node/20' },
      unknown_key: 1n,
    };
    const v43 = decodeHello([extra], FEATURES['4.3']);
    assert.deepEqual(v43.routing, { address: 'localhost:7687', region: 'eu' });
    assert.deepEqual(v43.patchBolt, ['utc']);
    assert.deepEqual(v43.notifications, { minimumSeverity: null, disabledClassifications: null });
    assert.equal(v43.boltAgent, null);
    const v54 = decodeHello([extra], FEATURES['5.4']);
    assert.deepEqual(v54.patchBolt, []);
    assert.deepEqual(v54.notifications, { minimumSeverity: 'WARNING', disabledClassifications: ['HINT'] });
    assert.deepEqual(v54.boltAgent, {
      product: 'neo4j-javascript/5.26.0',
      platform: 'linux',
      language: null,
      languageDetails: 'Node/20',
    });
    assert.equal(decodeHello([{ ...extra, routing: null }], FEATURES['4.4']).routing, null);
    assert.equal(decodeHello([extra], FEATURES['3.0']).routing, null);
  });

  test('accepts a HELLO without user_agent and without bolt_agent', () => {
    const hello = decodeHello([{}], FEATURES['5.4']);
    assert.equal(hello.userAgent, null);
    assert.equal(hello.boltAgent, null);
  });

  test('does not mistake inherited names for keys', () => {
    const hello = decodeHello([{}], FEATURES['4.4']);
    assert.equal(hello.auth?.scheme, 'none');
    assert.equal(hello.auth.principal, null);
    assert.equal(decodeHello([JSON.parse('{"__proto__": "x"}') as object], FEATURES['4.4']).userAgent, null);
  });

  test('rejects wrong types with Request.Invalid', () => {
    const invalid = [
      [[]],
      ['not a map'],
      [{}, {}],
      [{ user_agent: 1n }],
      [{ routing: { address: 1n } }],
      [{ routing: 'x' }],
      [{ bolt_agent: { platform: 'linux' } }],
      [{ notifications_minimum_severity: 'LOUD' }],
      [{ notifications_disabled_classifications: [1n] }],
      [{ scheme: 'basic', principal: 1n }],
    ];
    for (const fields of invalid) {
      assert.throws(
        () => decodeHello(fields, { ...FEATURES['5.4'], authInHello: true }),
        (error: Error & { code?: string }) => error.code === 'Neo.ClientError.Request.Invalid',
        JSON.stringify(fields, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)),
      );
    }
  });
});

describe('decodeInit and decodeLogon', () => {
  test('read the user agent and the auth token', () => {
    const init = decodeInit(['neo4j-javascript/1.7.8', BASIC]);
    assert.equal(init.userAgent, 'neo4j-javascript/1.7.8');
    assert.equal(init.auth.credentials, 'pw');
    const logon = decodeLogon([{ scheme: 'bearer', credentials: 'token' }]);
    assert.deepEqual(logon.auth, {
      scheme: 'bearer',
      principal: null,
      credentials: 'token',
      realm: null,
      parameters: null,
    });
  });

  test('reject wrong field counts and types', () => {
    assert.throws(() => decodeInit(['ua']), /INIT expects 2 field\(s\) but got 1/);
    assert.throws(() => decodeInit([1n, {}]), /Expected INIT user_agent to be a string, got integer/);
    assert.throws(() => decodeLogon([null]), /Expected LOGON auth to be a map, got null/);
  });
});
