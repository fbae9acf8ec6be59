import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CypherSyntaxError } from '../../errors/index.js';
import { tokenize } from './lexer.js';

function kinds(text: string): string[] {
  return tokenize(text).map((token) => `${token.type}:${token.value}`);
}

test('a range keeps its dots apart from the integers around them', () => {
  assert.deepEqual(kinds('*1..3'), ['symbol:*', 'integer:1', 'symbol:..', 'integer:3', 'eof:']);
  assert.deepEqual(kinds('1.5 .5 1e3'), ['float:1.5', 'float:.5', 'float:1e3', 'eof:']);
});

test('comments and whitespace produce no tokens', () => {
  assert.deepEqual(kinds('a // line\n/* block\n */ b'), ['identifier:a', 'identifier:b', 'eof:']);
});

test('letters glued to a number make an invalid-number token instead of an error', () => {
  assert.deepEqual(kinds('12ab 0x1G'), ['invalidNumber:12ab', 'invalidNumber:0x1G', 'eof:']);
});

test('escaped names, parameters and unicode identifiers are read with their values', () => {
  assert.deepEqual(kinds('`a``b` $p $0 $`x y` ünï'), [
    'escapedIdentifier:a`b',
    'parameter:p',
    'parameter:0',
    'parameter:x y',
    'identifier:ünï',
    'eof:',
  ]);
});

test('token offsets point into the source text', () => {
  const [first, second] = tokenize('  MATCH (n)');
  assert.deepEqual([first?.start, first?.end, first?.upper, second?.start], [2, 7, 'MATCH', 8]);
});

test('an unknown character is a syntax error whose detail tells ASCII from unicode', () => {
  assert.throws(
    () => tokenize('a # b'),
    (error: unknown) => error instanceof CypherSyntaxError && error.detail === 'UnexpectedSyntax',
  );
  assert.throws(
    () => tokenize('a — b'),
    (error: unknown) => error instanceof CypherSyntaxError && error.detail === 'InvalidUnicodeCharacter',
  );
  assert.throws(
    () => tokenize(String.raw`'\q'`),
    (error: unknown) => error instanceof CypherSyntaxError && error.position?.offset === 1,
  );
});

test('strings keep the text between escapes and unescape each escape once', () => {
  assert.deepEqual(kinds(String.raw`'plain' "a\tb\\c\'d" 'x\u00e9y\U0001F600z' '\n'`), [
    'string:plain',
    "string:a\tb\\c'd",
    'string:xéy😀z',
    'string:\n',
    'eof:',
  ]);
});

test('two-character symbols win over their first character, single symbols stand alone', () => {
  assert.deepEqual(
    kinds('<> <= >= =~ += .. || :: != < > = + . | : ! ( ) [ ] { } , ; - * / % ^ &').map((kind) =>
      kind.replace('symbol:', ''),
    ),
    '<> <= >= =~ += .. || :: != < > = + . | : ! ( ) [ ] { } , ; - * / % ^ &'.split(' ').concat('eof:'),
  );
});

test('numbers in every base and form are read whole, and glued letters make them invalid', () => {
  assert.deepEqual(kinds('0x1F 0XaB 0o17 0O7 0777 0x 0o8 1e+5 2E-3 3.0e2 7e'), [
    'integer:0x1F',
    'integer:0XaB',
    'integer:0o17',
    'integer:0O7',
    'integer:0777',
    'invalidNumber:0x',
    'invalidNumber:0o8',
    'float:1e+5',
    'float:2E-3',
    'float:3.0e2',
    'invalidNumber:7e',
    'eof:',
  ]);
});

test('identifiers carry their upper-case spelling, also when the same name repeats', () => {
  const tokens = tokenize('match row Row _x2 row');
  assert.deepEqual(
    tokens.map((token) => token.upper),
    ['MATCH', 'ROW', 'ROW', '_X2', 'ROW', ''],
  );
});

test('non-ASCII whitespace separates tokens', () => {
  assert.deepEqual(kinds('a\u00a0b\u2003c'), ['identifier:a', 'identifier:b', 'identifier:c', 'eof:']);
});

test('every token of generated text covers exactly its own spelling', () => {
  const piece = fc.constantFrom(
    'abc',
    'Ünï',
    '_1',
    '42',
    '1.5e3',
    '0x1f',
    "'s\\'t'",
    '"q"',
    '`e``f`',
    '$p',
    '<=',
    '..',
    '{',
    ',',
    '-',
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(piece, fc.constantFrom(' ', '\n', '\t', ' /* c */ '))), (parts) => {
      const text = parts.map(([token, gap]) => token + gap).join('');
      const tokens = tokenize(text);
      assert.equal(tokens.length, parts.length + 1);
      parts.forEach(([spelling], index) => {
        const token = tokens[index];
        assert.ok(token !== undefined);
        assert.equal(text.slice(token.start, token.end), spelling);
      });
    }),
    { numRuns: 300 },
  );
});
