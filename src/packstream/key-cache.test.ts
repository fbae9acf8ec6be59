import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decode, encode } from './index.js';
import { cachedKey, MAX_KEY_BYTES, rememberKey } from './key-cache.js';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

test('a remembered key is found again by its bytes, and only by them', () => {
  const bytes = ascii('xxbookmarksyy');
  const key = rememberKey('bookmarks', bytes, 2, 9);
  assert.equal(key, 'bookmarks');
  assert.equal(cachedKey(ascii('bookmarks'), 0, 9), 'bookmarks');
  assert.equal(cachedKey(ascii('bookmarkz'), 0, 9), undefined);
  assert.equal(cachedKey(ascii('bookmark'), 0, 8), undefined);
});

test('keys sharing a slot replace each other and never answer for each other', () => {
  // Same length, first, middle and last byte: the same slot.
  const [first, second] = ['aXbcde', 'aYbcde'];
  rememberKey(first, ascii(first), 0, 6);
  assert.equal(cachedKey(ascii(second), 0, 6), undefined);
  rememberKey(second, ascii(second), 0, 6);
  assert.equal(cachedKey(ascii(first), 0, 6), undefined);
  assert.equal(cachedKey(ascii(second), 0, 6), second);
  assert.deepEqual(decode(encode({ [first]: 1n, [second]: 2n })), { [first]: 1n, [second]: 2n });
});

test('non-ASCII and long keys are not cached', () => {
  const accented = 'clé';
  rememberKey(accented, ascii(accented), 0, 4);
  assert.equal(cachedKey(ascii(accented), 0, 4), undefined);
  const long = 'k'.repeat(MAX_KEY_BYTES + 1);
  rememberKey(long, ascii(long), 0, long.length);
  assert.equal(cachedKey(ascii(long), 0, MAX_KEY_BYTES), undefined);
});

test('maps decode to the same keys however often their keys repeat', () => {
  // Few distinct short keys, so decoding hits the cache, collides in it and replaces entries.
  const key = fc.oneof(
    fc.constantFrom('n', 'db', 'qid', 'bookmarks', '__proto__', 'constructor', '0', '10', 'aXbcde', 'aYbcde'),
    fc.string({ maxLength: 4 }),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  );
  const map = fc.dictionary(key, fc.bigInt({ min: -5n, max: 5n }), { maxKeys: 6 });
  fc.assert(
    fc.property(fc.array(map, { minLength: 1, maxLength: 5 }), (maps) => {
      for (const value of maps) {
        const decoded = decode(encode(value)) as Record<string, unknown>;
        assert.deepEqual(Object.keys(decoded).sort(), Object.keys(value).sort());
        for (const name of Object.keys(value)) assert.equal(decoded[name], value[name]);
        assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
      }
    }),
    { numRuns: 300 },
  );
});
