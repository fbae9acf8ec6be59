import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherSyntaxError } from '../../errors/index.js';
import type { Expression, QueryStatement, Return } from '../ast/index.js';
import { printExpression } from '../printer/index.js';
import { parse } from './parse.js';

function returned(text: string): Expression {
  const statement = parse(`RETURN ${text} AS v`) as QueryStatement;
  const clause = statement.query.parts[0]?.clauses[0] as Return;
  const expression = clause.projection.items[0]?.expression;
  assert.ok(expression);
  return expression;
}

/** The canonical text the printer gives a parsed type predicate. */
function printed(text: string): string {
  return printExpression(returned(text));
}

test('every spelling of a type folds to its canonical name', () => {
  const cases: readonly (readonly [written: string, canonical: string])[] = [
    ['BOOLEAN', 'BOOLEAN'],
    ['bool', 'BOOLEAN'],
    ['VARCHAR', 'STRING'],
    ['INT', 'INTEGER'],
    ['SIGNED INTEGER', 'INTEGER'],
    ['FLOAT', 'FLOAT'],
    ['LOCAL TIME', 'LOCAL TIME'],
    ['TIME WITHOUT TIME ZONE', 'LOCAL TIME'],
    ['ZONED TIME', 'ZONED TIME'],
    ['TIME WITH TIME ZONE', 'ZONED TIME'],
    ['LOCAL DATETIME', 'LOCAL DATETIME'],
    ['TIMESTAMP WITHOUT TIME ZONE', 'LOCAL DATETIME'],
    ['TIMESTAMP WITH TIME ZONE', 'ZONED DATETIME'],
    ['VERTEX', 'NODE'],
    ['ANY NODE', 'NODE'],
    ['EDGE', 'RELATIONSHIP'],
    ['ANY EDGE', 'RELATIONSHIP'],
    ['ANY MAP', 'MAP'],
    ['ANY PATH', 'PATH'],
    ['ANY VALUE', 'ANY'],
    ['ANY', 'ANY'],
    ['PROPERTY VALUE', 'PROPERTY VALUE'],
    ['ANY PROPERTY VALUE', 'PROPERTY VALUE'],
    ['NOTHING', 'NOTHING'],
    ['NULL', 'NULL'],
    ['UUID', 'UUID'],
    ['INTEGER NOT NULL', 'INTEGER NOT NULL'],
    ['LIST<INTEGER>', 'LIST<INTEGER>'],
    ['ARRAY<STRING NOT NULL> NOT NULL', 'LIST<STRING NOT NULL> NOT NULL'],
    ['INTEGER LIST', 'LIST<INTEGER>'],
    ['INTEGER NOT NULL LIST NOT NULL', 'LIST<INTEGER NOT NULL> NOT NULL'],
    ['LIST<LIST<FLOAT>>', 'LIST<LIST<FLOAT>>'],
    ['INTEGER | FLOAT', 'INTEGER | FLOAT'],
    ['ANY<INTEGER | STRING> NOT NULL', 'INTEGER NOT NULL | STRING NOT NULL'],
    ['LIST<ANY<DATE | DURATION>>', 'LIST<DATE | DURATION>'],
  ];
  for (const [written, canonical] of cases) {
    assert.equal(printed(`x IS :: ${written}`), `x IS :: ${canonical}`, written);
  }
});

test('the four forms of the predicate: IS ::, ::, IS TYPED and their negations', () => {
  assert.equal(printed('x :: INTEGER'), 'x IS :: INTEGER');
  assert.equal(printed('x IS TYPED INTEGER'), 'x IS :: INTEGER');
  assert.equal(printed('x IS NOT :: INTEGER'), 'x IS NOT :: INTEGER');
  assert.equal(printed('x IS NOT TYPED INTEGER'), 'x IS NOT :: INTEGER');
});

test('a type predicate binds like IS NULL: tighter than AND and NOT, looser than arithmetic', () => {
  const and = returned('x IS :: INTEGER AND y');
  assert.ok(and.kind === 'BinaryOperation' && and.operator === 'AND' && and.left.kind === 'IsTyped');
  const not = returned('NOT x IS :: INTEGER');
  assert.ok(not.kind === 'UnaryOperation' && not.operand.kind === 'IsTyped');
  const sum = returned('x + 1 IS :: INTEGER');
  assert.ok(sum.kind === 'IsTyped' && sum.operand.kind === 'BinaryOperation');
  // As with IS NULL, the predicate binds tighter than `=`, so the printer needs no parentheses.
  assert.equal(printed('(x IS :: INTEGER) = true'), 'x IS :: INTEGER = true');
  const comparison = returned('x IS :: INTEGER = true');
  assert.ok(comparison.kind === 'BinaryOperation' && comparison.left.kind === 'IsTyped');
});

test('an unknown type or an unclosed LIST<…> is a syntax error', () => {
  for (const text of ['x IS :: FOO', 'x IS :: LIST<INTEGER', 'x IS :: TIME WITH ZONE', 'x ::']) {
    assert.throws(() => parse(`RETURN ${text}`), CypherSyntaxError, text);
  }
});

test('the coordinate type of vector(…) is a keyword, read as its canonical name', () => {
  for (const [written, canonical] of [
    ['INTEGER', 'INTEGER'],
    ['INT64', 'INTEGER'],
    ['int8', 'INTEGER8'],
    ['FLOAT64', 'FLOAT'],
    ['FLOAT32', 'FLOAT32'],
  ] as const) {
    assert.equal(printed(`vector([1], 1, ${written})`), `vector([1], 1, '${canonical}')`, written);
  }
  // Anywhere else the same word is an ordinary variable.
  assert.equal(printed('other(a, b, INTEGER)'), 'other(a, b, INTEGER)');
});
