import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compare, CypherDate, equals, orderCompare, type CypherValue } from '../../values/index.js';
import { planSeek, type IndexQuery, type RangeBound } from './index-query.js';
import { SortedEntries } from './sorted-entries.js';

/** Keys as a seek would return them: walk from `before` to `stop`, keep what `accept` takes. */
function seek(entries: SortedEntries, query: IndexQuery, composite = false, width = 1): CypherValue[] {
  const plan = planSeek(query, composite, width);
  if (plan === undefined) return [];
  const result: CypherValue[] = [];
  const position = entries.lowerBound(plan.before);
  while (!entries.isEnd(position)) {
    const key = entries.valueAt(position.block, position.index);
    if (plan.stop(key)) break;
    if (plan.accept(key)) result.push(key);
    entries.advance(position);
  }
  return result;
}

function build(values: readonly CypherValue[]): SortedEntries {
  const entries = new SortedEntries(orderCompare);
  values.forEach((value, id) => entries.insert(value, id));
  return entries;
}

/** Everything in key order that satisfies `keep`: what a full scan with a filter would find. */
function scan(entries: SortedEntries, keep: (value: CypherValue) => boolean): CypherValue[] {
  const result: CypherValue[] = [];
  entries.forEach((value) => {
    if (keep(value)) result.push(value);
  });
  return result;
}

function inRange(value: CypherValue, lower: RangeBound | undefined, upper: RangeBound | undefined): boolean {
  if (lower !== undefined) {
    const order = compare(value, lower.value);
    if (order === null || !(order > 0 || (lower.inclusive && order === 0))) return false;
  }
  if (upper !== undefined) {
    const order = compare(value, upper.value);
    if (order === null || !(order < 0 || (upper.inclusive && order === 0))) return false;
  }
  return true;
}

const key = fc.oneof(
  fc.bigInt({ min: -5n, max: 5n }),
  fc.constantFrom(-0, 0.5, 2.0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.constantFrom('', 'a', 'ab', 'abc', 'b', 'ba', 'B'),
  fc.boolean(),
  fc.integer({ min: -3, max: 3 }).map((day) => new CypherDate(day)),
  fc.constantFrom<CypherValue>([1n], [1n, 2n], ['a']),
);
const bound = fc.option(fc.record({ value: key, inclusive: fc.boolean() }), { nil: undefined });

test('an equality seek finds exactly the keys Cypher equality accepts', () => {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 60 }), key, (values, target) => {
      const entries = build(values);
      assert.deepEqual(
        seek(entries, { kind: 'EQUALS', values: [target] }),
        scan(entries, (value) => equals(value, target) === true),
      );
    }),
  );
});

test('a range seek finds exactly the keys comparable with and between the bounds', () => {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 60 }), bound, bound, (values, lower, upper) => {
      const entries = build(values);
      const query: IndexQuery = {
        kind: 'RANGE',
        ...(lower === undefined ? {} : { lower }),
        ...(upper === undefined ? {} : { upper }),
      };
      const expected =
        lower === undefined && upper === undefined
          ? scan(entries, (value) => value !== null)
          : scan(entries, (value) => inRange(value, lower, upper));
      assert.deepEqual(seek(entries, query), expected);
    }),
  );
});

test('a prefix seek finds exactly the strings that start with the prefix', () => {
  fc.assert(
    fc.property(
      fc.array(key, { maxLength: 60 }),
      fc.constantFrom('', 'a', 'ab', 'b', 'z'),
      (values, prefix) => {
        const entries = build(values);
        assert.deepEqual(
          seek(entries, { kind: 'PREFIX', prefix }),
          scan(entries, (value) => typeof value === 'string' && value.startsWith(prefix)),
        );
      },
    ),
  );
});

test('an existence seek returns every entry', () => {
  const entries = build([3n, 'x', 1.5]);
  assert.deepEqual(seek(entries, { kind: 'EXISTS' }), ['x', 1.5, 3n]);
});

test('seeks that cannot match plan to nothing', () => {
  assert.equal(planSeek({ kind: 'EQUALS', values: [null] }, false, 1), undefined);
  assert.equal(planSeek({ kind: 'EQUALS', values: [1n, 2n] }, false, 1), undefined);
  assert.equal(planSeek({ kind: 'EQUALS', values: [] }, false, 1), undefined);
  assert.equal(
    planSeek(
      { kind: 'RANGE', lower: { value: 1n, inclusive: true }, upper: { value: 'z', inclusive: true } },
      false,
      1,
    ),
    undefined,
  );
  assert.equal(planSeek({ kind: 'RANGE', lower: { value: null, inclusive: true } }, false, 1), undefined);
});

test('composite keys are sought by a prefix of equal values or by a condition on the first value', () => {
  const tuples: CypherValue[] = [
    [1n, 'a'],
    [1n, 'b'],
    [1.0, 'c'],
    [2n, 'a'],
    ['x', 1n],
  ];
  const entries = build(tuples);
  assert.deepEqual(seek(entries, { kind: 'EQUALS', values: [1n] }, true, 2), [
    [1n, 'a'],
    [1n, 'b'],
    [1.0, 'c'],
  ]);
  assert.deepEqual(seek(entries, { kind: 'EQUALS', values: [1n, 'b'] }, true, 2), [[1n, 'b']]);
  assert.deepEqual(seek(entries, { kind: 'RANGE', lower: { value: 1n, inclusive: false } }, true, 2), [
    [2n, 'a'],
  ]);
  assert.deepEqual(seek(entries, { kind: 'PREFIX', prefix: 'x' }, true, 2), [['x', 1n]]);
  assert.deepEqual(seek(entries, { kind: 'EXISTS' }, true, 2).length, 5);
});
