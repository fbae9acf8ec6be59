import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringValue } from '../../../test/support/value-arbitraries.js';
import { compareStrings } from './compare-strings.js';

function byCodePoints(a: string, b: string): number {
  const pointsA = Array.from(a, (character) => character.codePointAt(0) ?? 0);
  const pointsB = Array.from(b, (character) => character.codePointAt(0) ?? 0);
  for (let index = 0; index < Math.min(pointsA.length, pointsB.length); index++) {
    const difference = (pointsA[index] ?? 0) - (pointsB[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return Math.sign(pointsA.length - pointsB.length);
}

test('strings are ordered by code point', () => {
  fc.assert(
    fc.property(stringValue(), stringValue(), (a, b) => {
      assert.equal(compareStrings(a, b), byCodePoints(a, b));
    }),
    { numRuns: 1000 },
  );
});

test('a supplementary character sorts after U+FFFF, unlike JavaScript <', () => {
  const supplementary = String.fromCodePoint(0x10000);
  const lastBmp = String.fromCodePoint(0xffff);
  assert.equal(compareStrings(supplementary, lastBmp), 1);
  assert.equal(supplementary < lastBmp, true);
  assert.equal(compareStrings('\ue000', '\u{1f600}'), -1);
});

test('a prefix sorts first and the empty string is smallest', () => {
  assert.equal(compareStrings('a', 'aa'), -1);
  assert.equal(compareStrings('', ' '), -1);
  assert.equal(compareStrings('x', 'x'), 0);
  const sorted = ['.*', '', ' ', 'one'].sort(compareStrings);
  assert.deepEqual(sorted, ['', ' ', '.*', 'one']);
});
