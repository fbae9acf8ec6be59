import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  editDistance,
  inTermRange,
  regexpMatcher,
  wildcardMatcher,
  wildcardPrefix,
} from './term-matchers.js';

test('wildcard patterns', () => {
  const m = wildcardMatcher('te?t*');
  assert.ok(m('test') && m('text') && m('testing'));
  assert.ok(!m('tet') && !m('toast'));
  assert.ok(wildcardMatcher('a\\*b')('a*b'));
  assert.ok(!wildcardMatcher('a\\*b')('axb'));
  assert.ok(wildcardMatcher('(x).[y]-z?')('(x).[y]-zz'));
  assert.equal(wildcardPrefix('ab\\*c?d*'), 'ab*c');
  assert.equal(wildcardPrefix('*x'), '');
});

test('Lucene regular expressions match whole terms', () => {
  assert.ok(regexpMatcher('q', 'ab+c')('abbc'));
  assert.ok(!regexpMatcher('q', 'ab+c')('xabbc'));
  assert.ok(regexpMatcher('q', '[^a-c]x{2}')('dxx'));
  assert.ok(regexpMatcher('q', 'a@')('anything'));
  assert.ok(regexpMatcher('q', '"a.b"|c')('a.b'));
  assert.ok(!regexpMatcher('q', '"a.b"|c')('axb'));
  assert.ok(regexpMatcher('q', 'a\\.b')('a.b'));
  assert.ok(!regexpMatcher('q', '#')(''));
  assert.throws(() => regexpMatcher('q', 'a~b'), /not supported/);
  assert.throws(() => regexpMatcher('q', 'a(b'), /Cannot parse 'q': invalid regular expression/);
});

test('term ranges', () => {
  assert.ok(inTermRange('b', 'a', 'c', false, false));
  assert.ok(inTermRange('a', 'a', 'c', true, false));
  assert.ok(!inTermRange('a', 'a', 'c', false, false));
  assert.ok(!inTermRange('c', 'a', 'c', true, false));
  assert.ok(inTermRange('zzz', 'a', undefined, true, true));
  assert.ok(inTermRange('0', undefined, undefined, false, false));
});

test('edit distance counts transpositions as one edit', () => {
  assert.equal(editDistance('apple', 'appel', 2), 1);
  assert.equal(editDistance('kitten', 'sitting', 5), 3);
  assert.equal(editDistance('kitten', 'sitting', 2), 3);
  assert.equal(editDistance('', 'ab', 2), 2);
  assert.equal(editDistance('ab', 'ab', 0), 0);
});

test('edit distance is symmetric and bounded by the longer length', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
      const d = editDistance(a, b, 20);
      assert.equal(d, editDistance(b, a, 20));
      assert.ok(d <= Math.max(Array.from(a).length, Array.from(b).length));
      assert.equal(d === 0, a === b);
    }),
  );
});

test('patterns that make a backtracking engine exponential match in linear time', () => {
  const started = performance.now();
  const long = 'a'.repeat(255);
  assert.equal(wildcardMatcher('a*a*a*a*a*a*a*a*z')(long), false);
  assert.equal(regexpMatcher('q', '(a+)+z')(long), false);
  assert.equal(regexpMatcher('q', '(a|aa)*z')(long), false);
  assert.equal(regexpMatcher('q', 'a*a*a*a*a*a*a*a*z')(long), false);
  assert.equal(regexpMatcher('q', '(a+)+')(long), true);
  // A backtracking matcher takes minutes to years on these; the automata take milliseconds.
  assert.ok(performance.now() - started < 2000);
  assert.throws(() => regexpMatcher('q', 'a{1,100000}'), /too large/);
  assert.throws(() => regexpMatcher('q', 'a{3,2}'), /invalid regular expression/);
});

test('the regular expression automaton agrees with JavaScript RegExp on the shared syntax', () => {
  const atom = fc.oneof(
    fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '[a-c]', '(a|b)', '(ab)', '"ba"'),
    fc.constantFrom('a', 'b'),
  );
  const piece = fc.tuple(atom, fc.constantFrom('', '*', '+', '?', '{2}', '{1,2}', '{0,}'));
  const pattern = fc
    .array(piece, { minLength: 1, maxLength: 5 })
    .map((pieces) => pieces.map(([a, q]) => a + q).join(''));
  fc.assert(
    fc.property(pattern, fc.stringMatching(/^[abc]{0,8}$/u), (source, term) => {
      const javascript = new RegExp(`^(?:${source.replaceAll('"ba"', '(?:ba)')})$`, 'u');
      assert.equal(regexpMatcher('q', source)(term), javascript.test(term), `${source} on '${term}'`);
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.stringMatching(/^[ab*?]{0,6}$/u), fc.stringMatching(/^[ab]{0,8}$/u), (source, term) => {
      const javascript = new RegExp(`^${source.replaceAll('*', '.*').replaceAll('?', '.')}$`, 'u');
      assert.equal(wildcardMatcher(source)(term), javascript.test(term), `${source} on '${term}'`);
    }),
    { numRuns: 500 },
  );
});
