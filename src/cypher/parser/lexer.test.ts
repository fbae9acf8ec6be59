import assert from 'node:assert/strict';
import { test } from 'node:test';
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
