import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CypherType, SimpleTypeName } from '../../planner/index.js';
import { CypherDate, Duration, Node, Point, Uuid, type CypherValue } from '../../values/index.js';
import { isOfType } from './type-predicate.js';

const simple = (name: SimpleTypeName, notNull = false): CypherType => ({ kind: 'SimpleType', name, notNull });
const list = (element: CypherType, notNull = false): CypherType => ({ kind: 'ListType', element, notNull });
const union = (...alternatives: CypherType[]): CypherType => ({ kind: 'UnionType', alternatives });

test('null belongs to every type without NOT NULL, except NOTHING', () => {
  assert.equal(isOfType(null, simple('INTEGER')), true);
  assert.equal(isOfType(null, simple('INTEGER', true)), false);
  assert.equal(isOfType(null, simple('NULL')), true);
  assert.equal(isOfType(null, simple('ANY')), true);
  assert.equal(isOfType(null, simple('ANY', true)), false);
  assert.equal(isOfType(null, simple('NOTHING')), false);
  assert.equal(isOfType(null, list(simple('STRING'))), true);
  assert.equal(isOfType(null, list(simple('STRING'), true)), false);
  assert.equal(isOfType(null, union(simple('INTEGER', true), simple('STRING'))), true);
  assert.equal(isOfType(null, union(simple('INTEGER', true), simple('STRING', true))), false);
});

test('each simple type admits its own kind only; INTEGER and FLOAT stay apart', () => {
  const samples: readonly (readonly [SimpleTypeName, CypherValue])[] = [
    ['BOOLEAN', true],
    ['STRING', 's'],
    ['INTEGER', 1n],
    ['FLOAT', 1.5],
    ['DATE', new CypherDate(0)],
    ['DURATION', new Duration(1, 0, 0, 0)],
    ['POINT', new Point(7203, 1, 2)],
    ['MAP', { a: 1n }],
    ['NODE', new Node({ id: 1n })],
    ['UUID', Uuid.fromBits(1n, 2n)],
  ];
  for (const [name, value] of samples) {
    for (const [other] of samples) {
      assert.equal(isOfType(value, simple(other)), other === name, `${name} value as ${other}`);
    }
    assert.equal(isOfType(value, simple('ANY')), true);
    assert.equal(isOfType(value, simple('NOTHING')), false);
    assert.equal(isOfType(value, simple('NULL')), false);
  }
});

test('lists: every element must belong; the empty list belongs to every list type', () => {
  assert.equal(isOfType([1n, 2n], list(simple('INTEGER'))), true);
  assert.equal(isOfType([1n, null], list(simple('INTEGER'))), true);
  assert.equal(isOfType([1n, null], list(simple('INTEGER', true))), false);
  assert.equal(isOfType([1n, 2.5], list(simple('INTEGER'))), false);
  assert.equal(isOfType([1n, 2.5], list(union(simple('INTEGER'), simple('FLOAT')))), true);
  assert.equal(isOfType([], list(simple('DATE'))), true);
  assert.equal(isOfType([[1n]], list(list(simple('INTEGER')))), true);
  assert.equal(isOfType('not a list', list(simple('STRING'))), false);
  assert.equal(isOfType([1n], simple('INTEGER')), false);
});

test('PROPERTY VALUE is what a property can hold', () => {
  assert.equal(isOfType(1n, simple('PROPERTY VALUE')), true);
  assert.equal(isOfType([1n, 2n], simple('PROPERTY VALUE')), true);
  assert.equal(isOfType(Uuid.fromBits(0n, 1n), simple('PROPERTY VALUE')), true);
  assert.equal(isOfType([1n, 'a'], simple('PROPERTY VALUE')), false);
  assert.equal(isOfType({ a: 1n }, simple('PROPERTY VALUE')), false);
  assert.equal(isOfType(new Node({ id: 1n }), simple('PROPERTY VALUE')), false);
});
