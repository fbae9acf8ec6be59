import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeRoute, decodeRouteV43 } from './route.js';
import { FEATURES } from './test-features.fixture.js';

const isRequestInvalid = (error: Error & { code?: string }) =>
  error.code === 'Neo.ClientError.Request.Invalid';

describe('decodeRouteV43', () => {
  test('reads the database from the third field', () => {
    assert.deepEqual(decodeRouteV43([{ address: 'h:1' }, ['bm:1'], 'neo4j']), {
      kind: 'ROUTE',
      routing: { address: 'h:1' },
      bookmarks: ['bm:1'],
      db: 'neo4j',
      impUser: null,
    });
    assert.equal(decodeRouteV43([{}, [], null]).db, null);
    assert.throws(() => decodeRouteV43([{}, [], {}]), isRequestInvalid);
  });
});

describe('decodeRoute (4.4+)', () => {
  test('reads db and imp_user from the extra map', () => {
    assert.deepEqual(decodeRoute([{}, [], { db: 'neo4j', imp_user: 'alice' }], FEATURES['4.4']), {
      kind: 'ROUTE',
      routing: {},
      bookmarks: [],
      db: 'neo4j',
      impUser: 'alice',
    });
  });

  test('reads null routing, bookmarks and extra as empty', () => {
    assert.deepEqual(decodeRoute([null, null, null], FEATURES['4.4']), {
      kind: 'ROUTE',
      routing: {},
      bookmarks: [],
      db: null,
      impUser: null,
    });
  });

  test('rejects wrong shapes', () => {
    assert.throws(() => decodeRoute([{}, [], 'neo4j'], FEATURES['4.4']), isRequestInvalid);
    assert.throws(() => decodeRoute([{ address: 1n }, [], {}], FEATURES['4.4']), isRequestInvalid);
    assert.throws(() => decodeRoute([{}, ['a', 1n], {}], FEATURES['4.4']), isRequestInvalid);
    assert.throws(() => decodeRoute([{}, []], FEATURES['4.4']), isRequestInvalid);
  });
});
