import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenRegistries, TokenRegistry } from './token-registry.js';

test('getOrCreate hands out dense ids and returns the same id for the same name', () => {
  const registry = new TokenRegistry('LABEL');
  assert.equal(registry.getOrCreate('Person'), 0);
  assert.equal(registry.getOrCreate('Movie'), 1);
  assert.equal(registry.getOrCreate('Person'), 0);
  assert.equal(registry.size, 2);
  assert.equal(registry.nameOf(1), 'Movie');
  assert.deepEqual(registry.entries(), [
    [0, 'Person'],
    [1, 'Movie'],
  ]);
});

test('idOf never creates a token and names like "constructor" are ordinary names', () => {
  const registry = new TokenRegistry('PROPERTY_KEY');
  assert.equal(registry.idOf('constructor'), undefined);
  assert.equal(registry.size, 0);
  assert.equal(registry.getOrCreate('constructor'), 0);
  assert.equal(registry.idOf('__proto__'), undefined);
  assert.equal(registry.getOrCreate('__proto__'), 1);
  assert.equal(registry.nameOf(1), '__proto__');
});

test('nameOf an unknown id is an internal error', () => {
  const registry = new TokenRegistry('LABEL');
  assert.throws(() => registry.nameOf(3), { name: 'InternalError' });
  assert.equal(registry.has(3), false);
});

test('restore puts tokens back under their ids, leaving gaps unassigned, and rejects conflicts', () => {
  const registry = new TokenRegistry('RELATIONSHIP_TYPE');
  registry.restore(2, 'KNOWS');
  registry.restore(2, 'KNOWS');
  assert.equal(registry.idOf('KNOWS'), 2);
  assert.equal(registry.has(0), false);
  assert.equal(registry.getOrCreate('LIKES'), 3);
  assert.throws(
    () => {
      registry.restore(2, 'OTHER');
    },
    { name: 'CypherArgumentError' },
  );
  assert.throws(
    () => {
      registry.restore(7, 'KNOWS');
    },
    { name: 'CypherArgumentError' },
  );
  assert.deepEqual(registry.entries(), [
    [2, 'KNOWS'],
    [3, 'LIKES'],
  ]);
});

test('the three registries are independent namespaces', () => {
  const tokens = new TokenRegistries();
  assert.equal(tokens.labels.getOrCreate('x'), 0);
  assert.equal(tokens.propertyKeys.getOrCreate('y'), 0);
  assert.equal(tokens.of('LABEL'), tokens.labels);
  assert.equal(tokens.of('RELATIONSHIP_TYPE'), tokens.relationshipTypes);
  assert.equal(tokens.of('PROPERTY_KEY').nameOf(0), 'y');
});
