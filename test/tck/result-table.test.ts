import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareResult } from './result-table.js';

const ANY = { ordered: false, listsUnordered: false };
const IN_ORDER = { ordered: true, listsUnordered: false };

test('rows in any order match as a multiset, duplicates counted', () => {
  const table = [['n'], ['1'], ['2'], ['2']];
  assert.equal(compareResult(table, { columns: ['n'], rows: [[2n], [1n], [2n]] }, ANY), undefined);
  const problem = compareResult(table, { columns: ['n'], rows: [[2n], [1n], [1n]] }, ANY);
  assert.match(problem ?? '', /missing:\n {2}\| 2 \|\nunexpected:\n {2}\| 1 \|/);
});

test('rows in order must appear in that order', () => {
  const table = [['n'], ['1'], ['2']];
  assert.equal(compareResult(table, { columns: ['n'], rows: [[1n], [2n]] }, IN_ORDER), undefined);
  assert.match(compareResult(table, { columns: ['n'], rows: [[2n], [1n]] }, IN_ORDER) ?? '', /row 1 differs/);
  assert.match(compareResult(table, { columns: ['n'], rows: [[1n]] }, IN_ORDER) ?? '', /\(no row\)/);
});

test('columns compare as a set of names and values follow their column', () => {
  const table = [
    ['a', 'b'],
    ["'x'", '1'],
  ];
  assert.equal(compareResult(table, { columns: ['b', 'a'], rows: [[1n, 'x']] }, IN_ORDER), undefined);
  assert.match(compareResult(table, { columns: ['a', 'c'], rows: [['x', 1n]] }, ANY) ?? '', /columns differ/);
});

test('an expected empty table matches a result without rows', () => {
  assert.equal(compareResult([['n']], { columns: ['n'], rows: [] }, ANY), undefined);
  assert.match(compareResult([['n']], { columns: ['n'], rows: [[null]] }, ANY) ?? '', /unexpected/);
});

test('lists ignore element order only when the step says so', () => {
  const table = [['l'], ['[1, 2]']];
  const result = { columns: ['l'], rows: [[[2n, 1n]]] };
  assert.notEqual(compareResult(table, result, ANY), undefined);
  assert.equal(compareResult(table, result, { ordered: false, listsUnordered: true }), undefined);
});
