import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanQueryTokens, tokenAt } from './query-tokens.js';

function kinds(text: string): string[] {
  return scanQueryTokens(text).map((token) => `${token.kind}:${token.value}@${String(token.start)}`);
}

describe('the name scanner', () => {
  test('splits names and symbols and skips whitespace and both kinds of comment', () => {
    assert.deepEqual(kinds('MATCH (n:A) // x:Y\n/* `b */RETURN n'), [
      'name:MATCH@0',
      'symbol:(@6',
      'name:n@7',
      'symbol::@8',
      'name:A@9',
      'symbol:)@10',
      'name:RETURN@27',
      'name:n@34',
    ]);
  });

  test('reads a backticked name as one unescaped name, a doubled backtick being one backtick', () => {
    assert.deepEqual(kinds('`a``b c`.x'), ['name:a`b c@0', 'symbol:.@8', 'name:x@9']);
  });

  test('keeps strings, numbers and parameters whole so their insides are never taken for names', () => {
    assert.deepEqual(kinds(`'it\\'s :A' "q\\"x" $p $\`a b\` [*1..3] 1.5e-3 .5`), [
      'string:@0',
      'string:@11',
      'parameter:@18',
      'parameter:@21',
      'symbol:[@28',
      'symbol:*@29',
      'number:@30',
      'symbol:.@31',
      'symbol:.@32',
      'number:@33',
      'symbol:]@34',
      'number:@36',
      'number:@43',
    ]);
  });

  test('reads unicode names by code point', () => {
    assert.deepEqual(kinds('(𝒜é:Ωmega)'), [
      'symbol:(@0',
      'name:𝒜é@1',
      'symbol::@4',
      'name:Ωmega@5',
      'symbol:)@10',
    ]);
  });

  test('finds the token starting at an offset, and none where no token starts', () => {
    const tokens = scanQueryTokens('MATCH (n) RETURN n');
    assert.equal(tokens[tokenAt(tokens, 7)]?.value, 'n');
    assert.equal(tokens[tokenAt(tokens, 8)]?.value, ')');
    assert.equal(tokenAt(tokens, 2), -1);
  });
});
