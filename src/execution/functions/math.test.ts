import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArithmeticError, CypherTypeError } from '../../errors/index.js';
import { callFunction as f } from './call.fixture.js';

test('abs and sign keep INTEGERs exact', () => {
  assert.equal(f('abs', [-1n]), 1n);
  assert.equal(f('abs', [-1.5]), 1.5);
  assert.throws(() => f('abs', [-9223372036854775808n]), CypherArithmeticError);
  assert.equal(f('sign', [-3.2]), -1n);
  assert.equal(f('sign', [0n]), 0n);
  assert.throws(() => f('abs', ['x']), CypherTypeError);
});

test('rounding: Java Math.round without precision, BigDecimal modes with it', () => {
  assert.equal(f('round', [2.5]), 3);
  assert.equal(f('round', [-2.5]), -2);
  assert.equal(f('round', [-2.5, 0n]), -3);
  assert.equal(f('round', [2.675, 2n]), 2.68);
  assert.equal(f('round', [1.2345, 2n, 'DOWN']), 1.23);
  assert.equal(f('round', [2.5, 0n, 'HALF_EVEN']), 2);
  assert.equal(f('round', [3.5, 0n, 'HALF_EVEN']), 4);
  assert.equal(f('round', [-1.21, 1n, 'CEILING']), -1.2);
  assert.equal(f('round', [1.21, 1n, 'UP']), 1.3);
  assert.equal(f('ceil', [1.1]), 2);
  assert.equal(f('floor', [-1.1]), -2);
});

test('logarithms, trigonometry and constants', () => {
  assert.equal(f('sqrt', [12.96]), 3.6);
  assert.equal(f('log10', [1000n]), 3);
  assert.equal(f('e', []), Math.E);
  assert.equal(f('pi', []), Math.PI);
  assert.equal(f('degrees', [Math.PI]), 180);
  assert.equal(f('haversin', [0]), 0);
  assert.equal(f('atan2', [1n, 1n]), Math.PI / 4);
  assert.equal(f('isNaN', [NaN]), true);
  assert.equal(f('isNaN', [1n]), false);
  const random = f('rand', []) as number;
  assert.ok(random >= 0 && random < 1);
  assert.equal(f('sqrt', [null]), null);
});
