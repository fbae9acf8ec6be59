import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasLabel, LabelSets } from './label-sets.js';

test('equal label sets are one shared, sorted, frozen array', () => {
  const sets = new LabelSets();
  const first = sets.intern([3, 1, 3]);
  assert.deepEqual(first, [1, 3]);
  assert.equal(sets.intern([1, 3]), first);
  assert.equal(Object.isFrozen(first), true);
  assert.equal(sets.intern([]), sets.empty);
});

test('with and without return interned sets and leave the input alone', () => {
  const sets = new LabelSets();
  const base = sets.intern([2]);
  const more = sets.with(base, 1);
  assert.deepEqual(more, [1, 2]);
  assert.equal(sets.with(more, 2), more);
  assert.equal(sets.without(more, 1), base);
  assert.equal(sets.without(base, 7), base);
  assert.equal(hasLabel(more, 1), true);
  assert.equal(hasLabel(base, 1), false);
  assert.equal(sets.size, 3);
});
