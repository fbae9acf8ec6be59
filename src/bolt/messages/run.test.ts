import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeBegin } from './begin.js';
import { decodeRun, decodeRunV1 } from './run.js';
import { FEATURES } from './test-features.fixture.js';
import { DEFAULT_TRANSACTION_EXTRA } from './transaction-extra.js';

const isRequestInvalid = (error: Error & { code?: string }) =>
  error.code === 'Neo.ClientError.Request.Invalid';

describe('decodeRun', () => {
  test('reads two fields on Bolt 1/2 and three from Bolt 3', () => {
    assert.deepEqual(decodeRunV1(['RETURN 1', { a: 1n }]), {
      kind: 'RUN',
      query: 'RETURN 1',
      parameters: { a: 1n },
      extra: DEFAULT_TRANSACTION_EXTRA,
    });
    assert.equal(decodeRun(['RETURN 1', {}, {}], FEATURES['4.4']).extra, DEFAULT_TRANSACTION_EXTRA);
    assert.throws(() => decodeRunV1(['RETURN 1', {}, {}]), isRequestInvalid);
    assert.throws(() => decodeRun(['RETURN 1', {}], FEATURES['4.4']), isRequestInvalid);
  });

  test('reads the transaction options of the extra', () => {
    const extra = {
      bookmarks: ['bm:1'],
      tx_timeout: 1500n,
      tx_metadata: { app: 'x' },
      mode: 'r',
      db: 'neo4j',
      imp_user: 'alice',
      notifications_minimum_severity: 'OFF',
      notifications_disabled_classifications: ['HINT'],
      tx_type: 'ignored',
    };
    assert.deepEqual(decodeRun(['q', {}, extra], FEATURES['5.4']).extra, {
      bookmarks: ['bm:1'],
      txTimeout: 1500,
      txMetadata: { app: 'x' },
      mode: 'r',
      db: 'neo4j',
      impUser: 'alice',
      notifications: { minimumSeverity: 'OFF', disabledClassifications: ['HINT'] },
    });
  });

  test('ignores keys the version does not define', () => {
    const extra = { db: 'other', imp_user: 'alice', notifications_minimum_severity: 'OFF', mode: 'r' };
    const v3 = decodeRun(['q', {}, extra], FEATURES['3.0']).extra;
    assert.equal(v3.db, null);
    assert.equal(v3.impUser, null);
    assert.equal(v3.notifications.minimumSeverity, null);
    assert.equal(v3.mode, 'r');
    assert.equal(decodeRun(['q', {}, extra], FEATURES['4.3']).extra.impUser, null);
  });

  test('reads an empty db as the default database and null values as absent', () => {
    const extra = decodeRun(['q', {}, { db: '', bookmarks: null, mode: null }], FEATURES['4.4']).extra;
    assert.equal(extra.db, null);
    assert.deepEqual(extra.bookmarks, []);
    assert.equal(extra.mode, 'w');
  });

  test('rejects invalid options with Request.Invalid', () => {
    for (const extra of [
      { mode: 'x' },
      { mode: 1n },
      { tx_timeout: -1n },
      { tx_timeout: 1.5 },
      { bookmarks: 'bm:1' },
      { bookmarks: [1n] },
      { tx_metadata: [] },
      { db: 1n },
    ]) {
      assert.throws(
        () => decodeRun(['q', {}, extra], FEATURES['4.4']),
        isRequestInvalid,
        JSON.stringify(extra, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      );
    }
    assert.throws(
      () => decodeRun([1n, {}, {}], FEATURES['4.4']),
      /Expected RUN query to be a string, got integer/,
    );
    assert.throws(
      () => decodeRun(['q', [], {}], FEATURES['4.4']),
      /Expected RUN parameters to be a map, got list/,
    );
  });
});

describe('decodeBegin', () => {
  test('reads the transaction options', () => {
    assert.deepEqual(decodeBegin([{ mode: 'r', db: 'neo4j' }], FEATURES['4.4']).extra, {
      ...DEFAULT_TRANSACTION_EXTRA,
      mode: 'r',
      db: 'neo4j',
    });
    assert.throws(() => decodeBegin([], FEATURES['4.4']), isRequestInvalid);
  });
});
