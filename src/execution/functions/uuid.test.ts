import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, CypherTypeError } from '../../errors/index.js';
import { Uuid } from '../../values/index.js';
import { callFunction as f } from './call.fixture.js';

const TEXT = '550e8400-e29b-41d4-a716-446655440000';

test('uuid(string) parses the canonical form, in either case', () => {
  const value = f('uuid', [TEXT.toUpperCase()]);
  assert.ok(value instanceof Uuid);
  assert.equal(value.text, TEXT);
  assert.equal(f('toString', [value]), TEXT);
  assert.equal(f('valueType', [value]), 'UUID NOT NULL');
});

test('uuid(mostSigBits, leastSigBits) takes two signed 64-bit halves (the manual’s example)', () => {
  assert.equal((f('uuid', [42n, 42n]) as Uuid).text, '00000000-0000-002a-0000-00000000002a');
  assert.equal((f('uuid', [-1n, 0n]) as Uuid).text, 'ffffffff-ffff-ffff-0000-000000000000');
});

test('uuid() is a random version 4 UUID, a new one per call', () => {
  const a = f('uuid', []) as Uuid;
  const b = f('uuid', []) as Uuid;
  assert.ok(a instanceof Uuid && b instanceof Uuid);
  assert.notEqual(a.text, b.text);
  assert.match(a.text, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('a null argument gives null; a bad string is an argument error, another type a type error', () => {
  assert.equal(f('uuid', [null]), null);
  assert.equal(f('uuid', [1n, null]), null);
  assert.equal(f('uuid', [null, 1n]), null);
  assert.throws(() => f('uuid', ['550e8400e29b41d4a716446655440000']), CypherArgumentError);
  assert.throws(() => f('uuid', ['not a uuid']), CypherArgumentError);
  assert.throws(() => f('uuid', [1n]), CypherTypeError);
  assert.throws(() => f('uuid', [1.5, 2n]), CypherTypeError);
  assert.throws(() => f('uuid', [TEXT, 2n]), CypherTypeError);
});

test('uuid.mostSignificantBits and uuid.leastSignificantBits give the signed halves uuid(msb, lsb) takes', () => {
  const value = f('uuid', [TEXT]);
  const msb = f('uuid.mostSignificantBits', [value]);
  const lsb = f('uuid.leastSignificantBits', [value]);
  assert.equal(msb, 0x550e8400e29b41d4n);
  // a716… has its top bit set: negative as a signed 64-bit INTEGER.
  assert.equal(lsb, BigInt.asIntN(64, 0xa716446655440000n));
  assert.equal((f('uuid', [msb, lsb]) as Uuid).text, TEXT);
  assert.equal(f('uuid.mostSignificantBits', [f('uuid', [42n, 42n])]), 42n);
  assert.equal(f('uuid.leastSignificantBits', [null]), null);
  assert.throws(() => f('uuid.mostSignificantBits', [TEXT]), CypherTypeError);
});
