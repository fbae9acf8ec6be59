import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiFold } from './ascii-folding.js';
import {
  MAX_TOKEN_LENGTH,
  keywordTokenizer,
  letterTokenizer,
  standardTokenizer,
  unicodeWhitespaceTokenizer,
  whitespaceTokenizer,
} from './tokenizers.js';

test('the standard tokenizer follows Unicode word boundaries', () => {
  assert.deepEqual(standardTokenizer("Hello, World! It's 3.14 or 1,000 foo_bar"), [
    'Hello',
    'World',
    "It's",
    '3.14',
    'or',
    '1,000',
    'foo_bar',
  ]);
  assert.deepEqual(standardTokenizer('foo-bar U.S.A. end.'), ['foo', 'bar', 'U.S.A', 'end']);
  assert.deepEqual(standardTokenizer('abc123 4th'), ['abc123', '4th']);
  assert.deepEqual(standardTokenizer('中文字 カタカナ ひらがな'), [
    '中',
    '文',
    '字',
    'カタカナ',
    'ひ',
    'ら',
    'が',
    'な',
  ]);
  assert.deepEqual(standardTokenizer('cafe\u0301 naïve'), ['cafe\u0301', 'naïve']);
  assert.deepEqual(standardTokenizer("  'quoted' ..."), ['quoted']);
  assert.deepEqual(standardTokenizer(''), []);
});

test('tokens longer than 255 code points are split into pieces', () => {
  const long = 'a'.repeat(MAX_TOKEN_LENGTH * 2 + 10);
  const pieces = standardTokenizer(`x ${long} y`);
  assert.deepEqual(
    pieces.map((p) => p.length),
    [1, MAX_TOKEN_LENGTH, MAX_TOKEN_LENGTH, 10, 1],
  );
  assert.equal(letterTokenizer(long).length, 3);
});

test('the letter, whitespace and keyword tokenizers', () => {
  assert.deepEqual(letterTokenizer("Don't stop-me now2day"), ['Don', 't', 'stop', 'me', 'now', 'day']);
  assert.deepEqual(whitespaceTokenizer(' Foo\tBar\u00a0Baz\n'), ['Foo', 'Bar\u00a0Baz']);
  assert.deepEqual(unicodeWhitespaceTokenizer(' Foo\tBar\u00a0Baz\u3000Qux'), ['Foo', 'Bar', 'Baz', 'Qux']);
  assert.deepEqual(keywordTokenizer('Foo Bar'), ['Foo Bar']);
});

test('ASCII folding maps accents and special letters, keeps other scripts', () => {
  assert.equal(asciiFold('Café Straße Æsir naïve ﬁne Łódź ø'), 'Cafe Strasse AEsir naive fine Lodz o');
  assert.equal(asciiFold('Ωμέγα кот 中'), 'Ωμέγα кот 中');
  assert.equal(asciiFold('plain'), 'plain');
});
