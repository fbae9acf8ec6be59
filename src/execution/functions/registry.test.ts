import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allFunctions, isAggregateFunction, lookupAggregate, lookupFunction } from './registry.js';

test('lookups are case-insensitive and tell aggregates from scalar functions', () => {
  assert.equal(lookupFunction('toupper')?.name, 'toUpper');
  assert.equal(lookupFunction('POINT.DISTANCE')?.name, 'point.distance');
  assert.equal(lookupFunction('count'), undefined);
  assert.equal(lookupAggregate('Collect')?.name, 'collect');
  assert.equal(isAggregateFunction('percentileDisc'), true);
  assert.equal(isAggregateFunction('toUpper'), false);
});

test('every function has a unique name, a signature and sensible argument counts', () => {
  const names = new Set<string>();
  for (const definition of allFunctions()) {
    const key = definition.name.toLowerCase();
    assert.ok(!names.has(key), `duplicate ${definition.name}`);
    names.add(key);
    assert.match(definition.signature, /\(.*\) :: /, definition.name);
    assert.ok(definition.minArgs <= definition.maxArgs, definition.name);
  }
  for (const name of ['coalesce', 'range', 'substring', 'date', 'datetime', 'duration', 'round', 'keys']) {
    assert.ok(names.has(name.toLowerCase()), `missing ${name}`);
  }
});
