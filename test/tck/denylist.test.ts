import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDenylist, oneLine, parseDenylist } from './denylist.js';

test('a denylist maps test names to reasons, skipping comments and blank lines', () => {
  const list = parseDenylist(
    ['# header', '', 'a.feature :: [1] x [#2] # not yet', 'b.feature :: [3] y', '  '].join('\n'),
  );
  assert.deepEqual(
    [...list],
    [
      ['a.feature :: [1] x [#2]', 'not yet'],
      ['b.feature :: [3] y', ''],
    ],
  );
});

test('an updated denylist keeps existing reasons, adds new failures with their message, drops passing ones', () => {
  const existing = parseDenylist('a :: one # known reason\nc :: gone # fixed since\n');
  const failing = new Map([
    ['b :: two', 'rows differ'],
    ['a :: one', 'some new message'],
  ]);
  const text = formatDenylist(failing, existing);
  assert.deepEqual(
    [...parseDenylist(text)],
    [
      ['a :: one', 'known reason'],
      ['b :: two', 'rows differ'],
    ],
  );
  assert.ok(text.startsWith('#'));
});

test('a reason is the first non-empty line of a message, shortened', () => {
  assert.equal(oneLine('\n  first\nsecond'), 'first');
  assert.equal(oneLine('x'.repeat(500)).length, 160);
  assert.equal(oneLine(''), '');
});
