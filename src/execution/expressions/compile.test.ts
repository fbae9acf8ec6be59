import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CypherArithmeticError,
  CypherTypeError,
  DatabaseError,
  EntityNotFoundError,
} from '../../errors/index.js';
import type { Expression, LabelExpression } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import { compileExpression } from './compile.js';
import {
  binary,
  call,
  evaluate,
  list,
  lit,
  map,
  param,
  property,
  subscript,
  testDatabase,
  TestScope,
  unary,
  variable,
} from './evaluation.fixture.js';

const T = lit(true);
const F = lit(false);
const N = lit(null);

test('literals, lists and maps evaluate to their values', () => {
  assert.equal(evaluate(lit(1n)), 1n);
  assert.deepEqual(evaluate(list(lit(1n), lit('a'), N)), [1n, 'a', null]);
  assert.deepEqual(evaluate(map({ a: lit(1n), b: list() })), { a: 1n, b: [] });
});

test('a map literal keeps a __proto__ key as an own entry', () => {
  const value = evaluate(map({ ['__proto__']: lit(1n) })) as Record<string, CypherValue>;
  assert.deepEqual(Object.keys(value), ['__proto__']);
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
});

test('parameters are read from the context and a missing one is ParameterMissing', () => {
  const { context } = testDatabase({ x: 42n });
  assert.equal(evaluate(param('x'), {}, context), 42n);
  assert.throws(
    () => evaluate(param('y'), {}, context),
    (error: unknown) => error instanceof DatabaseError && error.detail === 'MissingParameter',
  );
});

test('variables read their slot and an unbound slot reads as null', () => {
  assert.equal(evaluate(variable('a'), { a: 'x' }), 'x');
  const evaluator = compileExpression(variable('b'), new TestScope(['a', 'b']));
  assert.equal(evaluator([1n], testDatabase().context), null);
});

test('AND, OR, XOR and NOT follow three-valued logic over the whole truth table', () => {
  const values = [T, F, N];
  const truth = (e: Expression): boolean | null => (e === T ? true : e === F ? false : null);
  for (const a of values) {
    for (const b of values) {
      const x = truth(a);
      const y = truth(b);
      const and = x === false || y === false ? false : x === null || y === null ? null : true;
      const or = x === true || y === true ? true : x === null || y === null ? null : false;
      const xor = x === null || y === null ? null : x !== y;
      assert.equal(evaluate(binary('AND', a, b)), and, `${x} AND ${y}`);
      assert.equal(evaluate(binary('OR', a, b)), or, `${x} OR ${y}`);
      assert.equal(evaluate(binary('XOR', a, b)), xor, `${x} XOR ${y}`);
    }
    const x = truth(a);
    assert.equal(evaluate(unary('NOT', a)), x === null ? null : !x);
  }
});

test('a non-boolean operand of a logical operator is a TypeError', () => {
  assert.throws(() => evaluate(binary('AND', T, lit(1n))), CypherTypeError);
  assert.throws(() => evaluate(unary('NOT', lit('a'))), CypherTypeError);
});

test('comparisons are ternary: incomparable types give null, numbers compare across types', () => {
  assert.equal(evaluate(binary('<', lit(1n), lit(2n))), true);
  assert.equal(evaluate(binary('<', lit(1n), lit(1.5))), true);
  assert.equal(evaluate(binary('>=', lit(2.0), lit(2n))), true);
  assert.equal(evaluate(binary('<', lit(1n), lit('a'))), null);
  assert.equal(evaluate(binary('<', N, lit(1n))), null);
  assert.equal(evaluate(binary('<', lit(NaN), lit(1.0))), false);
  assert.equal(evaluate(binary('<', lit('a'), lit('b'))), true);
  assert.equal(evaluate(binary('=', lit(1n), lit(1.0))), true);
  assert.equal(evaluate(binary('<>', lit('a'), lit('a'))), false);
  assert.equal(evaluate(binary('=', lit(1n), N)), null);
  assert.equal(evaluate(binary('=', list(lit(1n)), list(N))), null);
  assert.equal(evaluate(binary('=', list(lit(1n), lit(2n)), list(N, lit(3n)))), false);
  assert.equal(evaluate(binary('<=', list(lit(1n), lit(2n)), list(lit(1n), lit(3n)))), true);
});

test('IN is ternary with nulls in the list or on the left', () => {
  assert.equal(evaluate(binary('IN', lit(1n), list(lit(1n), N))), true);
  assert.equal(evaluate(binary('IN', lit(2n), list(lit(1n), N))), null);
  assert.equal(evaluate(binary('IN', lit(2n), list(lit(1n)))), false);
  assert.equal(evaluate(binary('IN', N, list())), false);
  assert.equal(evaluate(binary('IN', N, list(lit(1n)))), null);
  assert.equal(evaluate(binary('IN', lit(1n), N)), null);
  // The TCK's list-in-list cases (List5).
  const pair = (a: Expression, b: Expression): Expression => list(a, b);
  assert.equal(evaluate(binary('IN', list(N), list(list(N)))), null);
  assert.equal(evaluate(binary('IN', list(lit(1n)), list(pair(lit(1n), N)))), false);
  assert.equal(evaluate(binary('IN', pair(lit(1n), lit(2n)), list(pair(N, lit(2n))))), null);
  assert.equal(
    evaluate(binary('IN', pair(lit(1n), lit(2n)), list(pair(N, lit(2n)), pair(lit(1n), lit(2n))))),
    true,
  );
  assert.equal(
    evaluate(binary('IN', pair(lit(1n), lit(2n)), list(pair(N, lit(2n)), pair(lit(1n), lit(3n))))),
    null,
  );
  assert.equal(evaluate(binary('IN', list(), list(list()))), true);
  assert.throws(() => evaluate(binary('IN', lit(1n), lit(1n))), CypherTypeError);
});

test('STARTS WITH, ENDS WITH and CONTAINS are null unless both operands are strings', () => {
  assert.equal(evaluate(binary('STARTS WITH', lit('abc'), lit('ab'))), true);
  assert.equal(evaluate(binary('ENDS WITH', lit('abc'), lit('bc'))), true);
  assert.equal(evaluate(binary('CONTAINS', lit('abc'), lit('d'))), false);
  assert.equal(evaluate(binary('CONTAINS', lit('abc'), lit(''))), true);
  assert.equal(evaluate(binary('STARTS WITH', lit(1n), lit('1'))), null);
  assert.equal(evaluate(binary('ENDS WITH', lit('abc'), N)), null);
});

test('=~ matches the whole string with Java inline flags', () => {
  assert.equal(evaluate(binary('=~', lit('abc'), lit('a.c'))), true);
  assert.equal(evaluate(binary('=~', lit('abcd'), lit('a.c'))), false);
  assert.equal(evaluate(binary('=~', lit('ABC'), lit('(?i)abc'))), true);
  assert.equal(evaluate(binary('=~', lit('a|b'), lit('a|b'))), false);
  assert.equal(evaluate(binary('=~', lit('a'), lit('a|b'))), true);
  assert.equal(evaluate(binary('=~', lit('a.b'), lit('\\Qa.b\\E'))), true);
  assert.equal(evaluate(binary('=~', lit('axb'), lit('\\Qa.b\\E'))), false);
  assert.equal(evaluate(binary('=~', lit('a\nb'), lit('(?m)a$'))), false);
  assert.equal(evaluate(binary('=~', N, lit('a'))), null);
});

test('arithmetic keeps INTEGER exact, mixes to FLOAT, and fails on overflow and integer division by zero', () => {
  assert.equal(evaluate(binary('+', lit(1n), lit(2n))), 3n);
  assert.equal(evaluate(binary('+', lit(1n), lit(2.5))), 3.5);
  assert.equal(evaluate(binary('/', lit(7n), lit(2n))), 3n);
  assert.equal(evaluate(binary('/', lit(-7n), lit(2n))), -3n);
  assert.equal(evaluate(binary('%', lit(-7n), lit(2n))), -1n);
  assert.equal(evaluate(binary('^', lit(2n), lit(3n))), 8.0);
  assert.equal(evaluate(binary('/', lit(1.0), lit(0n))), Infinity);
  assert.equal(evaluate(binary('-', lit(12n), binary('*', lit(2n), lit(4n)))), 4n);
  assert.throws(
    () => evaluate(binary('/', lit(1n), lit(0n))),
    (error: unknown) => error instanceof CypherArithmeticError && error.gqlStatus === '22012',
  );
  assert.throws(() => evaluate(binary('+', lit(9223372036854775807n), lit(1n))), CypherArithmeticError);
  assert.throws(() => evaluate(unary('-', lit(-9223372036854775808n))), CypherArithmeticError);
  assert.equal(evaluate(binary('+', lit(1n), N)), null);
});

test('+ concatenates strings (also with numbers) and lists', () => {
  assert.equal(evaluate(binary('+', lit('a'), lit('b'))), 'ab');
  assert.equal(evaluate(binary('+', lit('a'), lit(1.0))), 'a1.0');
  assert.equal(evaluate(binary('+', lit(1n), lit('a'))), '1a');
  assert.deepEqual(evaluate(binary('+', list(lit(1n)), list(lit(2n)))), [1n, 2n]);
  assert.deepEqual(evaluate(binary('+', list(lit(1n)), lit(2n))), [1n, 2n]);
  assert.deepEqual(evaluate(binary('+', lit(0n), list(lit(1n)))), [0n, 1n]);
  assert.deepEqual(evaluate(binary('+', list(lit(1n)), N)), null);
  assert.equal(evaluate(binary('||', lit('a'), lit('b'))), 'ab');
  assert.throws(() => evaluate(binary('+', T, lit(1n))), CypherTypeError);
});

test('IS NULL and IS NOT NULL', () => {
  assert.equal(evaluate({ kind: 'IsNull', pos: 0, operand: N, negated: false }), true);
  assert.equal(evaluate({ kind: 'IsNull', pos: 0, operand: lit(1n), negated: true }), true);
});

test('list subscripts count from the end when negative and give null out of range', () => {
  const l = list(lit(1n), lit(2n), lit(3n));
  assert.equal(evaluate(subscript(l, lit(0n))), 1n);
  assert.equal(evaluate(subscript(l, lit(-1n))), 3n);
  assert.equal(evaluate(subscript(l, lit(3n))), null);
  assert.equal(evaluate(subscript(l, lit(-4n))), null);
  assert.equal(evaluate(subscript(l, N)), null);
  assert.throws(() => evaluate(subscript(l, lit(1.0))), CypherTypeError);
  assert.throws(
    () => evaluate(subscript(lit(123n), lit(0n))),
    (error: unknown) => error instanceof CypherTypeError && error.detail === 'InvalidArgumentType',
  );
});

test('map subscripts need a string key', () => {
  assert.equal(evaluate(subscript(map({ a: lit(1n) }), lit('a'))), 1n);
  assert.equal(evaluate(subscript(map({ a: lit(1n) }), lit('constructor'))), null);
  assert.throws(
    () => evaluate(subscript(map({ a: lit(1n) }), lit(12.3))),
    (error: unknown) => error instanceof CypherTypeError && error.detail === 'MapElementAccessByNonString',
  );
});

test('slices clamp their bounds and accept negative and missing ones', () => {
  const l = list(lit(1n), lit(2n), lit(3n), lit(4n), lit(5n));
  const slice = (from: Expression | undefined, to: Expression | undefined): CypherValue =>
    evaluate({ kind: 'Slice', pos: 0, subject: l, from, to });
  assert.deepEqual(slice(lit(1n), lit(3n)), [2n, 3n]);
  assert.deepEqual(slice(undefined, lit(2n)), [1n, 2n]);
  assert.deepEqual(slice(lit(-3n), undefined), [3n, 4n, 5n]);
  assert.deepEqual(slice(lit(0n), lit(-2n)), [1n, 2n, 3n]);
  assert.deepEqual(slice(lit(3n), lit(1n)), []);
  assert.deepEqual(slice(lit(0n), lit(10n)), [1n, 2n, 3n, 4n, 5n]);
  assert.equal(slice(N, lit(2n)), null);
});

test('property access on maps, null and non-maps', () => {
  assert.equal(evaluate(property(map({ a: lit(1n) }), 'a')), 1n);
  assert.equal(evaluate(property(map({ a: lit(1n) }), 'b')), null);
  assert.equal(evaluate(property(N, 'b')), null);
  assert.throws(() => evaluate(property(lit(1n), 'b')), CypherTypeError);
});

test('CASE in both forms, with ELSE and without', () => {
  const simple = (subject: Expression): CypherValue =>
    evaluate({
      kind: 'CaseExpression',
      pos: 0,
      subject,
      alternatives: [
        { when: lit(1n), then: lit('one') },
        { when: lit(2n), then: lit('two') },
      ],
      otherwise: lit('other'),
    });
  assert.equal(simple(lit(2n)), 'two');
  assert.equal(simple(lit(2.0)), 'two');
  assert.equal(simple(N), 'other');
  const generic = evaluate({
    kind: 'CaseExpression',
    pos: 0,
    subject: undefined,
    alternatives: [
      { when: N, then: lit('null') },
      { when: T, then: lit('true') },
    ],
    otherwise: undefined,
  });
  assert.equal(generic, 'true');
});

test('unknown functions fail at compile time and known ones are found in any case', () => {
  assert.equal(evaluate(call('TOUPPER', lit('a'))), 'A');
  assert.throws(
    () => evaluate(call('noSuchFunction')),
    (error: unknown) => error instanceof DatabaseError && error.detail === 'UnknownFunction',
  );
});

test('property access on a stored node reads through the transaction and sees keys created later', () => {
  const { context, tx, store } = testDatabase();
  const id = tx.createNode([]);
  const node = context.entities.node(id);
  const evaluator = compileExpression(property(variable('n'), 'age'), new TestScope(['n']));
  assert.equal(evaluator([node], context), null);
  tx.setNodeProperty(id, store.tokens.propertyKeys.getOrCreate('age'), 42n);
  assert.equal(evaluator([node], context), 42n);
  tx.deleteNode(id);
  assert.throws(() => evaluator([node], context), EntityNotFoundError);
});

test('property access on a stored relationship and a label check on a stored node', () => {
  const { context, tx, store } = testDatabase();
  const person = store.tokens.labels.getOrCreate('Person');
  const a = tx.createNode([person]);
  const b = tx.createNode([]);
  const since = store.tokens.propertyKeys.getOrCreate('since');
  const r = tx.createRelationship(store.tokens.relationshipTypes.getOrCreate('KNOWS'), a, b, [
    [since, 2020n],
  ]);
  const scope = new TestScope(['a', 'b', 'r']);
  const row = [context.entities.node(a), context.entities.node(b), context.entities.relationship(r)];
  assert.equal(compileExpression(property(variable('r'), 'since'), scope)(row, context), 2020n);
  const check = (subject: string, labels: LabelExpression): CypherValue =>
    compileExpression({ kind: 'LabelCheck', pos: 0, subject: variable(subject), labels }, scope)(
      row,
      context,
    );
  assert.equal(check('a', { kind: 'LabelName', name: 'Person' }), true);
  assert.equal(check('b', { kind: 'LabelName', name: 'Person' }), false);
  assert.equal(check('b', { kind: 'LabelNot', operand: { kind: 'LabelName', name: 'Person' } }), true);
  assert.equal(check('a', { kind: 'LabelName', name: 'Nobody' }), false);
  assert.equal(
    check('r', {
      kind: 'LabelOr',
      operands: [
        { kind: 'LabelName', name: 'X' },
        { kind: 'LabelName', name: 'KNOWS' },
      ],
    }),
    true,
  );
  assert.equal(check('b', { kind: 'LabelWildcard' }), false);
});

test('= and <> on stored entities compare identity', () => {
  const { context, tx } = testDatabase();
  const a = tx.createNode([]);
  const b = tx.createNode([]);
  const scope = new TestScope(['a', 'b', 'c']);
  const row = [context.entities.node(a), context.entities.node(b), context.entities.node(a)];
  const run = (expression: Expression): CypherValue => compileExpression(expression, scope)(row, context);
  assert.equal(run(binary('=', variable('a'), variable('c'))), true);
  assert.equal(run(binary('<>', variable('a'), variable('b'))), true);
  assert.equal(run(binary('=', variable('a'), lit(1n))), false);
  assert.equal(run(binary('=', variable('a'), N)), null);
});
