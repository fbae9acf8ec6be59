import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherArgumentError, CypherTypeError } from '../../errors/index.js';
import { callFunction as f } from './call.fixture.js';

test('case mapping, trimming and replacement', () => {
  assert.equal(f('toUpper', ['abc']), 'ABC');
  assert.equal(f('lower', ['ABC']), 'abc');
  assert.equal(f('trim', ['  a b  ']), 'a b');
  assert.equal(f('ltrim', ['  a ']), 'a ');
  assert.equal(f('rtrim', ['  a ']), '  a');
  assert.equal(f('btrim', ['xxaxx', 'x']), 'a');
  assert.equal(f('replace', ['hello', 'l', 'L']), 'heLLo');
  assert.equal(f('toUpper', [null]), null);
  assert.throws(() => f('toUpper', [1n]), CypherTypeError);
});

test('substring, left and right count code points', () => {
  assert.equal(f('substring', ['0123456789', 1n]), '123456789');
  assert.equal(f('substring', ['0123456789', 1n, 3n]), '123');
  assert.equal(f('substring', ['a😀b', 1n, 1n]), '😀');
  assert.equal(f('substring', ['abc', 10n]), '');
  assert.equal(f('left', ['hello', 2n]), 'he');
  assert.equal(f('right', ['hello', 2n]), 'lo');
  assert.equal(f('right', ['hi', 5n]), 'hi');
  assert.equal(f('left', [null, 2n]), null);
  assert.throws(() => f('substring', ['abc', -1n]), CypherArgumentError);
  assert.throws(() => f('left', ['abc', null]), CypherTypeError);
});

test('split, reverse and sizes', () => {
  assert.deepEqual(f('split', ['a,b,,c', ',']), ['a', 'b', '', 'c']);
  assert.deepEqual(f('split', ['a,b;c', [',', ';']]), ['a', 'b', 'c']);
  assert.deepEqual(f('split', ['abc', '']), ['a', 'b', 'c']);
  assert.equal(f('reverse', ['raksO']), 'Oskar');
  assert.deepEqual(f('reverse', [[1n, 2n]]), [2n, 1n]);
  assert.equal(f('size', ['a😀']), 2n);
  assert.equal(f('char_length', ['a😀']), 2n);
  assert.equal(f('normalize', ['e\u0301']), '\u00e9');
});
