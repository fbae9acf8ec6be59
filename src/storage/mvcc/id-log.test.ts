import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IdLog, IdSet } from './id-log.js';

function idSet(ids: Iterable<number>): IdSet {
  const set = new IdSet();
  for (const id of ids) set.add(id);
  return set;
}

test('an id log skips an id that repeats the previous one and keeps the others', () => {
  const log = new IdLog();
  for (const id of [3, 3, 3, 5, 3, 5, 5]) log.add(id);
  assert.equal(log.length, 4);
  assert.equal(log.intersects(idSet([5])), 5);
  assert.equal(log.intersects(idSet([4, 6])), undefined);
  assert.equal(log.intersects(idSet([])), undefined);
});

test('an id log finds exactly the logged ids, however it grew', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 2000 }), { maxLength: 300 }), fc.nat({ max: 2000 }), (ids, probe) => {
      const log = new IdLog();
      for (const id of ids) log.add(id);
      assert.equal(log.intersects(idSet([probe])) === probe, ids.includes(probe));
      // Bounds far wider than the members change nothing.
      assert.equal(log.intersects(idSet([probe, probe + 3000])) === probe, ids.includes(probe));
      assert.equal(log.overflowed, false);
    }),
    { numRuns: 200, seed: 7 },
  );
});

test('a long log is intersected through a bitmap with the same answers', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 100_000 }), { minLength: 4096, maxLength: 6000 }),
      fc.array(fc.nat({ max: 100_000 }), { minLength: 2, maxLength: 40 }),
      (ids, probes) => {
        const log = new IdLog();
        for (const id of ids) log.add(id);
        const logged = new Set(ids);
        const found = log.intersects(idSet(probes));
        if (probes.some((probe) => logged.has(probe))) {
          assert.ok(found !== undefined && logged.has(found) && probes.includes(found));
        } else {
          assert.equal(found, undefined);
        }
      },
    ),
    { numRuns: 100, seed: 11 },
  );
});

test('past its limit an id log drops its ids and reports that it overflowed', () => {
  const log = new IdLog(3);
  for (const id of [1, 2, 3]) log.add(id);
  assert.equal(log.overflowed, false);
  log.add(4);
  assert.equal(log.overflowed, true);
  assert.equal(log.length, 0);
  log.add(5);
  assert.equal(log.length, 0, 'nothing is logged any more');
  assert.equal(log.intersects(idSet([1, 5])), undefined);
});
