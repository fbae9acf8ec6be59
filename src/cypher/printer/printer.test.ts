import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { BinaryOperator, Expression, Return } from '../ast/index.js';
import { parse } from '../parser/parse.js';
import { printExpression } from './index.js';

const OPERATORS: BinaryOperator[] = [
  'OR',
  'XOR',
  'AND',
  '=',
  '<>',
  '<',
  '>',
  '<=',
  '>=',
  '=~',
  'IN',
  'STARTS WITH',
  'ENDS WITH',
  'CONTAINS',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '||',
];
const NAMES = ['a', 'b', 'n', 'count', 'null', 'a b', 'x`y', 'ünï', 'END', '_1'];

const name = fc.constantFrom(...NAMES);
const variable = name.map((n): Expression => ({ kind: 'Variable', pos: 0, name: n }));
const literal = fc
  .oneof(
    fc.constant(null),
    fc.boolean(),
    fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string(),
  )
  .map((value): Expression => ({ kind: 'Literal', pos: 0, value }));
const parameter = fc
  .oneof(name, fc.nat({ max: 9 }).map(String))
  .map((n): Expression => ({ kind: 'Parameter', pos: 0, name: n }));

const { expression } = fc.letrec<{ expression: Expression }>((tie) => {
  const sub = tie('expression');
  return {
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      variable,
      parameter,
      fc
        .record({ operator: fc.constantFrom(...OPERATORS), left: sub, right: sub })
        .map((r): Expression => ({ kind: 'BinaryOperation', pos: 0, ...r })),
      fc
        .record({ operator: fc.constantFrom('NOT' as const, '-' as const, '+' as const), operand: sub })
        .map((r): Expression => ({ kind: 'UnaryOperation', pos: 0, ...r })),
      fc
        .record({ operand: sub, negated: fc.boolean() })
        .map((r): Expression => ({ kind: 'IsNull', pos: 0, ...r })),
      fc
        .record({ subject: sub, key: name })
        .map((r): Expression => ({ kind: 'PropertyAccess', pos: 0, ...r })),
      fc.record({ subject: sub, index: sub }).map((r): Expression => ({ kind: 'Subscript', pos: 0, ...r })),
      fc
        .record({
          subject: sub,
          from: fc.option(sub, { nil: undefined }),
          to: fc.option(sub, { nil: undefined }),
        })
        .map((r): Expression => ({ kind: 'Slice', pos: 0, ...r })),
      fc.record({ subject: sub, label: name }).map((r): Expression => ({
        kind: 'LabelCheck',
        pos: 0,
        subject: r.subject,
        labels: { kind: 'LabelName', name: r.label },
      })),
      fc
        .record({
          name: fc.constantFrom('f', 'toUpper', 'date.truncate', 'count'),
          distinct: fc.boolean(),
          args: fc.array(sub, { maxLength: 3 }),
        })
        .map((r): Expression => ({ kind: 'FunctionCall', pos: 0, ...r })),
      fc
        .array(sub, { maxLength: 3 })
        .map((elements): Expression => ({ kind: 'ListLiteral', pos: 0, elements })),
      fc
        .array(fc.record({ key: name, value: sub }), { maxLength: 3 })
        .map((entries): Expression => ({ kind: 'MapLiteral', pos: 0, entries })),
      fc
        .record({
          subject: fc.option(sub, { nil: undefined }),
          alternatives: fc.array(fc.record({ when: sub, then: sub }), { minLength: 1, maxLength: 2 }),
          otherwise: fc.option(sub, { nil: undefined }),
        })
        .map((r): Expression => ({ kind: 'CaseExpression', pos: 0, ...r })),
      fc
        .record({
          variable: variable,
          list: sub,
          where: fc.option(sub, { nil: undefined }),
          projection: fc.option(sub, { nil: undefined }),
        })
        .map((r): Expression => ({
          kind: 'ListComprehension',
          pos: 0,
          ...r,
          variable: r.variable as Extract<Expression, { kind: 'Variable' }>,
        })),
      fc
        .record({
          quantifier: fc.constantFrom('all' as const, 'any' as const, 'none' as const, 'single' as const),
          variable: variable,
          list: sub,
          where: fc.option(sub, { nil: undefined }),
        })
        .map((r): Expression => ({
          kind: 'Quantifier',
          pos: 0,
          ...r,
          variable: r.variable as Extract<Expression, { kind: 'Variable' }>,
        })),
    ),
  };
});

function reparse(text: string): Expression {
  const statement = parse(`RETURN ${text}`);
  assert.equal(statement.kind, 'QueryStatement');
  const clause = statement.query.parts[0]?.clauses[0] as Return;
  const item = clause.projection.items[0];
  assert.ok(item);
  return item.expression;
}

test('printing a generated expression gives text that parses and prints back to the same text', () => {
  fc.assert(
    fc.property(expression, (generated) => {
      const printed = printExpression(generated);
      assert.equal(printExpression(reparse(printed)), printed);
    }),
    { numRuns: 600, seed: 20240501, interruptAfterTimeLimit: 8000 },
  );
});

test('the printer adds parentheses only where precedence needs them', () => {
  const cases: [string, string][] = [
    ['(a + b) * c', '(a + b) * c'],
    ['a + (b * c)', 'a + b * c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['(2 ^ 3) ^ 2', '2 ^ 3 ^ 2'],
    ['2 ^ (3 ^ 2)', '2 ^ (3 ^ 2)'],
    ['NOT (a AND b)', 'NOT (a AND b)'],
    ['(a = b) = c', '(a = b) = c'],
    ['-(-1)', '- -1'],
    ['(a OR b).x', '(a OR b).x'],
    ['1.0', '1.0'],
    ['n:A|B', 'n:(A|B)'],
  ];
  for (const [input, expected] of cases) assert.equal(printExpression(reparse(input)), expected, input);
});

test('names that are not plain identifiers or that read as keywords are escaped', () => {
  const printed = printExpression({
    kind: 'PropertyAccess',
    pos: 0,
    subject: { kind: 'Variable', pos: 0, name: 'null' },
    key: 'a`b',
  });
  assert.equal(printed, '`null`.`a``b`');
});
