import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expression } from '../../planner/index.js';
import { compileExpression } from './compile.js';
import { constantLiteralValue } from './constant-literal.js';
import { evaluate, list, lit, map, param, testDatabase, TestScope, variable } from './evaluation.fixture.js';

test('a list of maps of literals is folded into its value once', () => {
  const batch = list(
    map({ _id: lit(1n), properties: map({ a: lit('x'), b: list(lit(1.5), lit(null)) }) }),
    map({ _id: lit(2n), properties: map({}) }),
  );
  const expected = [
    { _id: 1n, properties: { a: 'x', b: [1.5, null] } },
    { _id: 2n, properties: {} },
  ];
  assert.deepEqual(constantLiteralValue(batch), expected);
  const evaluator = compileExpression(batch, new TestScope([]));
  const { context } = testDatabase();
  const first = evaluator([], context);
  assert.deepEqual(first, expected);
  assert.equal(
    evaluator([], context),
    first,
    'every evaluation hands out the one value built at compile time',
  );
});

test('a folded map keeps key order, lets a repeated key win and keeps __proto__ an own key', () => {
  const literal: Expression = {
    kind: 'MapLiteral',
    pos: 0,
    entries: [
      { key: 'b', value: lit(1n) },
      { key: 'a', value: lit(2n) },
      { key: 'b', value: lit(3n) },
      { key: '__proto__', value: lit(4n) },
    ],
  };
  const folded = constantLiteralValue(literal);
  assert.ok(typeof folded === 'object' && folded !== null && !Array.isArray(folded));
  assert.deepEqual(Object.keys(folded), ['b', 'a', '__proto__']);
  assert.equal(Object.hasOwn(folded, '__proto__'), true);
  assert.deepEqual(evaluate(literal), folded);
});

test('a literal with a variable or parameter anywhere inside is not folded and is evaluated per row', () => {
  assert.equal(constantLiteralValue(list(lit(1n), list(variable('x')))), undefined);
  assert.equal(constantLiteralValue(map({ a: map({ b: param('p') }) })), undefined);
  assert.deepEqual(evaluate(list(lit(1n), list(variable('x'))), { x: 5n }), [1n, [5n]]);
  assert.deepEqual(evaluate(map({ a: list(variable('x'), lit('k')) }), { x: 'v' }), { a: ['v', 'k'] });
});
