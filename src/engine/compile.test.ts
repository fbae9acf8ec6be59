import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY_CATALOG } from '../planner/index.js';
import { QueryCache } from './compile.js';

test('the query cache hands back the compilation of a text it has seen', () => {
  const cache = new QueryCache(10);
  const first = cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g1');
  assert.equal(cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g1'), first);
  assert.deepEqual([cache.hits, cache.misses, cache.size], [1, 1, 1]);
  assert.notEqual(cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g2'), first, 'a schema change replans');
});

test('the cache keeps at most its budget of characters, evicting the least recently used', () => {
  const cache = new QueryCache(10, 100);
  const statement = (n: number): string => `RETURN ${String(n)} AS x, '${'a'.repeat(20)}' AS s`; // 42 characters
  const first = cache.compile(statement(1), EMPTY_CATALOG, 'g');
  cache.compile(statement(2), EMPTY_CATALOG, 'g');
  assert.equal(
    cache.compile(statement(1), EMPTY_CATALOG, 'g'),
    first,
    'two fit and 1 is now the most recent',
  );
  cache.compile(statement(3), EMPTY_CATALOG, 'g');
  assert.equal(cache.size, 2, 'a third would pass the budget: 2, the least recently used, went');
  assert.equal(cache.compile(statement(1), EMPTY_CATALOG, 'g'), first);
  assert.equal(cache.hits, 2);
  cache.compile(statement(2), EMPTY_CATALOG, 'g');
  assert.equal(cache.misses, 4, '2 was compiled again');
});

test('a statement longer than the whole budget is compiled every time and never kept', () => {
  const cache = new QueryCache(10, 100);
  const long = `UNWIND [${Array.from({ length: 40 }, (_, index) => String(index)).join(', ')}] AS x RETURN x`;
  assert.ok(long.length > 100);
  const first = cache.compile(long, EMPTY_CATALOG, 'g');
  assert.notEqual(cache.compile(long, EMPTY_CATALOG, 'g'), first);
  assert.equal(first.kind, 'query');
  assert.deepEqual([cache.hits, cache.misses, cache.size], [0, 2, 0]);
});

test('repeated hits on the newest statement keep the least recently used order intact', () => {
  const cache = new QueryCache(2);
  const one = cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g');
  const two = cache.compile('RETURN 2 AS x', EMPTY_CATALOG, 'g');
  for (let round = 0; round < 3; round++)
    assert.equal(cache.compile('RETURN 2 AS x', EMPTY_CATALOG, 'g'), two);
  assert.equal(cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g'), one, '1 is now the most recent');
  assert.equal(cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g'), one);
  cache.compile('RETURN 3 AS x', EMPTY_CATALOG, 'g');
  assert.equal(cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g'), one, '2 was evicted, not 1');
  assert.notEqual(cache.compile('RETURN 2 AS x', EMPTY_CATALOG, 'g'), two, '2 is compiled again');
  cache.clear();
  assert.notEqual(cache.compile('RETURN 1 AS x', EMPTY_CATALOG, 'g'), one, 'nothing survives clear()');
});
