import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherTypeError } from '../../errors/index.js';
import type { Expression } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { Row } from '../runtime/row.js';
import { compileExpression } from './compile.js';
import type { CompiledSubquery } from './compile-scope.js';
import {
  binary,
  evaluate,
  list,
  lit,
  map,
  property,
  testDatabase,
  TestScope,
  variable,
} from './evaluation.fixture.js';

const N = lit(null);
const ints = (...values: bigint[]): Expression => list(...values.map((value) => lit(value)));

function quantifier(
  kind: 'all' | 'any' | 'none' | 'single',
  elements: Expression,
  where: Expression,
): CypherValue {
  return evaluate({
    kind: 'Quantifier',
    pos: 0,
    quantifier: kind,
    variable: variable('x'),
    list: elements,
    where,
  });
}

test('a list comprehension filters and projects without touching the caller row', () => {
  const evaluator = compileExpression(
    {
      kind: 'ListComprehension',
      pos: 0,
      variable: variable('x'),
      list: variable('l'),
      where: binary('>', variable('x'), lit(1n)),
      projection: binary('*', variable('x'), variable('k')),
    },
    new TestScope(['l', 'k']),
  );
  const row: Row = [[1n, 2n, 3n], 10n];
  assert.deepEqual(evaluator(row, testDatabase().context), [20n, 30n]);
  assert.equal(row.length, 2);
});

test('a list comprehension over null is null and over a non-list a TypeError', () => {
  const over = (elements: Expression): CypherValue =>
    evaluate({
      kind: 'ListComprehension',
      pos: 0,
      variable: variable('x'),
      list: elements,
      where: undefined,
      projection: undefined,
    });
  assert.equal(over(N), null);
  assert.deepEqual(over(ints(1n, 2n)), [1n, 2n]);
  assert.throws(() => over(lit(1n)), CypherTypeError);
});

test('quantifiers treat null predicates as unknown', () => {
  const isTwo = binary('=', variable('x'), lit(2n));
  assert.equal(quantifier('any', ints(1n, 2n), isTwo), true);
  assert.equal(quantifier('any', list(lit(1n), N), isTwo), null);
  assert.equal(quantifier('any', list(), isTwo), false);
  assert.equal(quantifier('all', ints(2n, 2n), isTwo), true);
  assert.equal(quantifier('all', list(lit(2n), N), isTwo), null);
  assert.equal(quantifier('all', list(lit(1n), N), isTwo), false);
  assert.equal(quantifier('all', list(), isTwo), true);
  assert.equal(quantifier('none', ints(1n, 3n), isTwo), true);
  assert.equal(quantifier('none', list(lit(2n), N), isTwo), false);
  assert.equal(quantifier('none', list(lit(1n), N), isTwo), null);
  assert.equal(quantifier('single', ints(1n, 2n), isTwo), true);
  assert.equal(quantifier('single', ints(2n, 2n), isTwo), false);
  assert.equal(quantifier('single', list(lit(2n), N), isTwo), null);
  assert.equal(quantifier('single', list(lit(2n), lit(2n), N), isTwo), false);
  assert.equal(quantifier('single', N, isTwo), null);
});

test('reduce folds a list with an accumulator', () => {
  const sum = (elements: Expression): CypherValue =>
    evaluate({
      kind: 'Reduce',
      pos: 0,
      accumulator: variable('acc'),
      init: lit(0n),
      variable: variable('x'),
      list: elements,
      expression: binary('+', variable('acc'), variable('x')),
    });
  assert.equal(sum(ints(1n, 2n, 3n)), 6n);
  assert.equal(sum(list()), 0n);
  assert.equal(sum(N), null);
});

test('map projection combines selectors, variables and literal entries in order', () => {
  const projection: Expression = {
    kind: 'MapProjection',
    pos: 0,
    subject: variable('m'),
    items: [
      { kind: 'AllPropertiesSelector' },
      { kind: 'PropertySelector', key: 'missing' },
      { kind: 'VariableSelector', variable: variable('k') },
      { kind: 'LiteralEntry', key: 'a', value: lit('override') },
    ],
  };
  assert.deepEqual(evaluate(projection, { m: { a: 1n, b: 2n }, k: 5n }), {
    a: 'override',
    b: 2n,
    missing: null,
    k: 5n,
  });
  assert.equal(evaluate(projection, { m: null, k: 5n }), null);
});

test('map projection of a stored node reads its properties', () => {
  const { context, tx, store } = testDatabase();
  const name = store.tokens.propertyKeys.getOrCreate('name');
  const node = context.entities.node(tx.createNode([], [[name, 'Ann']]));
  const projection: Expression = {
    kind: 'MapProjection',
    pos: 0,
    subject: variable('n'),
    items: [{ kind: 'PropertySelector', key: 'name' }, { kind: 'AllPropertiesSelector' }],
  };
  assert.deepEqual(evaluate(projection, { n: node }, context), { name: 'Ann' });
});

/** A subquery over fixed rows, each extending the outer row with one value at `slot`. */
function fixedSubquery(
  values: readonly CypherValue[],
  slot: number,
  scope: TestScope,
): CompiledSubquery & { opened: number } {
  const result = {
    opened: 0,
    scope,
    returnSlot: slot,
    open(row: Row): Iterator<Row> {
      result.opened++;
      const rows = values.map((value) => {
        const copy = row.slice();
        copy[slot] = value;
        return copy;
      });
      return rows.values();
    },
  };
  return result;
}

test('subquery expressions: exists, count, collect and pattern comprehension', () => {
  const exists: Expression = {
    kind: 'ExistsSubquery',
    pos: 0,
    query: undefined,
    pattern: [],
    where: undefined,
  };
  const count: Expression = {
    kind: 'CountSubquery',
    pos: 0,
    query: undefined,
    pattern: [],
    where: undefined,
  };
  const comprehension: Expression = {
    kind: 'PatternComprehension',
    pos: 0,
    pathVariable: undefined,
    pattern: { kind: 'PatternElement', pos: 0, nodes: [], relationships: [] },
    where: binary('>', variable('y'), lit(1n)),
    projection: binary('*', variable('y'), lit(10n)),
  };
  const inner = new TestScope(['o', 'y']);
  const empty = fixedSubquery([], 1, inner);
  const three = fixedSubquery([1n, 2n, 3n], 1, inner);
  const scope = new TestScope(
    ['o'],
    new Map<Expression, CompiledSubquery>([
      [exists, empty],
      [count, three],
      [comprehension, three],
    ]),
  );
  const { context } = testDatabase();
  assert.equal(compileExpression(exists, scope)([0n], context), false);
  assert.equal(compileExpression(count, scope)([0n], context), 3n);
  assert.deepEqual(compileExpression(comprehension, scope)([0n], context), [20n, 30n]);
  const collect: Expression = {
    kind: 'CollectSubquery',
    pos: 0,
    query: { kind: 'Query', pos: 0, parts: [], unions: [] },
  };
  const collectScope = new TestScope(['o'], new Map<Expression, CompiledSubquery>([[collect, three]]));
  assert.deepEqual(compileExpression(collect, collectScope)([0n], context), [1n, 2n, 3n]);
});

test('nested property access on maps inside a list comprehension', () => {
  const value = evaluate({
    kind: 'ListComprehension',
    pos: 0,
    variable: variable('m'),
    list: list(map({ a: lit(1n) }), map({ a: lit(2n) })),
    where: undefined,
    projection: property(variable('m'), 'a'),
  });
  assert.deepEqual(value, [1n, 2n]);
});
