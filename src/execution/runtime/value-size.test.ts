import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CypherDate,
  Duration,
  Node,
  Path,
  Point,
  Relationship,
  type CypherMap,
  type CypherValue,
} from '../../values/index.js';
import { estimateRowSize, estimateStringSize, estimateValueSize } from './value-size.js';

const scalar: fc.Arbitrary<CypherValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
);

/** Nested lists and maps of scalars. */
const { value } = fc.letrec<{ value: CypherValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), {
      maxKeys: 4,
    }) as fc.Arbitrary<CypherMap>,
  ),
}));

describe('The value size estimate', () => {
  it('grows with the length of a string', () => {
    assert.ok(estimateValueSize('x'.repeat(1000)) > estimateValueSize('x'.repeat(10)));
    assert.equal(estimateValueSize('abc'), estimateStringSize(3));
  });

  it('counts nothing beyond the slot for null, booleans and unbound slots', () => {
    assert.equal(estimateValueSize(null), 0);
    assert.equal(estimateValueSize(true), 0);
    assert.equal(estimateValueSize(undefined), 0);
  });

  it('never estimates a list smaller than the sum of its elements', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), (list) => {
        const elements = list.reduce<number>((sum, element) => sum + estimateValueSize(element), 0);
        assert.ok(estimateValueSize(list) >= elements);
      }),
    );
  });

  it('is monotone: adding an element to a list or an entry to a map never shrinks the estimate', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), value, (list, extra) => {
        assert.ok(estimateValueSize([...list, extra]) > estimateValueSize(list));
        const map: Record<string, CypherValue> = {};
        list.forEach((element, index) => (map[`k${index}`] = element));
        const before = estimateValueSize(map);
        map['extra'] = extra;
        assert.ok(estimateValueSize(map) > before);
      }),
    );
  });

  it('sizes graph, temporal and spatial values, a path at least as much as its parts', () => {
    const a = new Node({ id: 1n, labels: ['A'], properties: { name: 'a'.repeat(100) } });
    const b = new Node({ id: 2n, labels: [], properties: {} });
    const r = new Relationship({ id: 3n, startNodeId: 1n, endNodeId: 2n, type: 'R', properties: {} });
    const path = new Path([a, b], [r]);
    assert.ok(estimateValueSize(a) > estimateValueSize(b));
    assert.ok(estimateValueSize(path) >= estimateValueSize(a) + estimateValueSize(b) + estimateValueSize(r));
    assert.ok(estimateValueSize(CypherDate.fromFields(2024, 1, 1)) > 0);
    assert.ok(estimateValueSize(new Duration(1, 2, 3, 4)) > 0);
    assert.ok(estimateValueSize(new Point(7203, 1, 2)) > 0);
    assert.ok(estimateValueSize(new Uint8Array(1000)) > 1000);
  });

  it('sizes a row as its slots plus its values', () => {
    const row: (CypherValue | undefined)[] = [undefined, null, 'abc', 1n];
    assert.equal(
      estimateRowSize(row),
      estimateRowSize([undefined, undefined, undefined, undefined]) +
        estimateValueSize('abc') +
        estimateValueSize(1n),
    );
  });
});
