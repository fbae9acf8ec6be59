import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherSyntaxError } from '../../errors/index.js';
import type { Expression, Match, QueryStatement, Return, Statement } from '../ast/index.js';
import { parse } from './parse.js';

function query(text: string): QueryStatement {
  const statement: Statement = parse(text);
  assert.ok(statement.kind === 'QueryStatement');
  return statement;
}

function returned(text: string, item = 0): Expression {
  const clause = query(`RETURN ${text}`).query.parts[0]?.clauses[0] as Return;
  const projection = clause.projection.items[item];
  assert.ok(projection);
  return projection.expression;
}

/** A compact rendering of an expression tree for precedence assertions. */
function tree(expression: Expression): string {
  if (expression.kind === 'BinaryOperation') {
    return `(${tree(expression.left)} ${expression.operator} ${tree(expression.right)})`;
  }
  if (expression.kind === 'UnaryOperation') return `(${expression.operator} ${tree(expression.operand)})`;
  if (expression.kind === 'Literal') return String(expression.value);
  if (expression.kind === 'Variable') return expression.name;
  if (expression.kind === 'IsNull')
    return `(${tree(expression.operand)} IS${expression.negated ? ' NOT' : ''} NULL)`;
  if (expression.kind === 'PropertyAccess') return `${tree(expression.subject)}.${expression.key}`;
  return expression.kind;
}

function syntaxError(text: string): CypherSyntaxError {
  try {
    parse(text);
  } catch (error: unknown) {
    assert.ok(error instanceof CypherSyntaxError, `expected a CypherSyntaxError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${text} parsed`);
}

test('operators bind from OR (loosest) to power (tightest) as openCypher specifies', () => {
  assert.equal(tree(returned('a OR b XOR c AND NOT d')), '(a OR (b XOR (c AND (NOT d))))');
  assert.equal(tree(returned('NOT a = b')), '(NOT (a = b))');
  assert.equal(tree(returned('a = b IS NULL')), '(a = (b IS NULL))');
  assert.equal(tree(returned('a + b IN c')), '((a + b) IN c)');
  assert.equal(tree(returned('1 + 2 * 3 - 4')), '((1 + (2 * 3)) - 4)');
  assert.equal(tree(returned('x STARTS WITH a + b')), '(x STARTS WITH (a + b))');
});

test('power is left-associative and unary minus binds tighter than power', () => {
  assert.equal(tree(returned('2^3^2')), '((2 ^ 3) ^ 2)');
  assert.equal(tree(returned('-2^2')), '(-2 ^ 2)');
  assert.equal(tree(returned('-x^2')), '((- x) ^ 2)');
});

test('a chain of comparisons becomes a conjunction sharing the middle operand', () => {
  const expression = returned('a < b <= c');
  assert.equal(tree(expression), '((a < b) AND (b <= c))');
  assert.ok(
    expression.kind === 'BinaryOperation' &&
      expression.left.kind === 'BinaryOperation' &&
      expression.right.kind === 'BinaryOperation',
  );
  assert.equal(expression.left.right, expression.right.left);
});

test('integer literals are bigints in every base and the smallest INTEGER is reachable through unary minus', () => {
  assert.deepEqual(returned('0x1F'), { kind: 'Literal', pos: 7, value: 31n });
  assert.deepEqual(returned('0o17'), { kind: 'Literal', pos: 7, value: 15n });
  assert.deepEqual(returned('-9223372036854775808'), {
    kind: 'Literal',
    pos: 7,
    value: -9223372036854775808n,
  });
  assert.deepEqual(returned('-0x8000000000000000'), {
    kind: 'Literal',
    pos: 7,
    value: -9223372036854775808n,
  });
  assert.equal(syntaxError('RETURN 9223372036854775808').detail, 'IntegerOverflow');
});

test('float literals keep their FLOAT type, including forms without a leading digit', () => {
  assert.equal(
    returned('1.0').kind === 'Literal' && typeof (returned('1.0') as { value: unknown }).value,
    'number',
  );
  assert.deepEqual(returned('.5'), { kind: 'Literal', pos: 7, value: 0.5 });
  assert.deepEqual(returned('1e3'), { kind: 'Literal', pos: 7, value: 1000 });
  assert.deepEqual(returned('-.1e-5'), { kind: 'Literal', pos: 7, value: -0.000001 });
  assert.equal(syntaxError('RETURN 1.34E999').detail, 'FloatingPointOverflow');
});

test('string literals are unescaped, including unicode escapes beyond the BMP', () => {
  assert.deepEqual(returned(String.raw`'a\tb\'c\u00e9\U0001F600'`), {
    kind: 'Literal',
    pos: 7,
    value: "a\tb'cé😀",
  });
  assert.deepEqual(returned(`"it's"`), { kind: 'Literal', pos: 7, value: "it's" });
});

test('an un-aliased projection item keeps its exact source text as the column name', () => {
  const clause = query('RETURN n.name ,  count( * ) AS c, a+b // comment').query.parts[0]
    ?.clauses[0] as Return;
  assert.deepEqual(
    clause.projection.items.map((item) => item.text),
    ['n.name', 'count( * )', 'a+b'],
  );
});

test('keywords are case-insensitive and names may be escaped with backticks', () => {
  const match = query('match (`my node`:`Label``s`) return `my node`').query.parts[0]?.clauses[0] as Match;
  const node = match.pattern.parts[0]?.element.nodes[0];
  assert.ok(node);
  assert.equal(node.variable?.name, 'my node');
  assert.deepEqual(node.labels, { kind: 'LabelName', name: 'Label`s' });
});

test('relationship ranges cover every written form', () => {
  const match = query('MATCH ()-[*]->()-[*2]->()-[*1..3]->()-[*..3]->()-[*2..]->() RETURN 1').query.parts[0]
    ?.clauses[0] as Match;
  assert.deepEqual(
    match.pattern.parts[0]?.element.relationships.map((r) =>
      r.kind === 'RelationshipPattern' ? r.length : r.kind,
    ),
    [
      { min: undefined, max: undefined },
      { min: 2, max: 2 },
      { min: 1, max: 3 },
      { min: undefined, max: 3 },
      { min: 2, max: undefined },
    ],
  );
});

test('a parenthesised expression stays an expression while a following relationship makes a pattern predicate', () => {
  assert.equal(returned('(1 + 2) * 3').kind, 'BinaryOperation');
  const where = (query('MATCH (n) WHERE (n)-->() RETURN n').query.parts[0]?.clauses[0] as Match).where;
  assert.equal(where?.kind, 'PatternPredicate');
  assert.equal(tree(returned('(a) - (b)')), '(a - b)');
});

test('syntax errors carry a 1-based line and column and quote the offending line with a caret', () => {
  const error = syntaxError('MATCH (n)\nRETURN n.x +');
  assert.deepEqual(error.position, { offset: 22, line: 2, column: 13 });
  assert.equal(error.detail, 'UnexpectedSyntax');
  assert.match(
    error.message,
    /^Invalid input '': expected an expression \(line 2, column 13 \(offset: 22\)\)\n"RETURN n.x \+"\n {13}\^$/,
  );
});

test('parsing a query of about 1 KB takes well under a millisecond', () => {
  const item = "n.name STARTS WITH 'abc' AND n.age > 30 OR (n)-[:KNOWS]->(:Person {name: 'x'})";
  const text = `MATCH (n:Person)-[r:KNOWS*1..3]->(m) WHERE ${Array.from({ length: 12 }, () => item).join(' OR ')} RETURN n, m`;
  assert.ok(text.length > 900);
  for (let warm = 0; warm < 50; warm++) parse(text);
  // The best of several batches, so that a busy machine does not make the test flaky.
  let perParseMs = Infinity;
  for (let batch = 0; batch < 10; batch++) {
    const start = process.hrtime.bigint();
    for (let run = 0; run < 20; run++) parse(text);
    perParseMs = Math.min(perParseMs, Number(process.hrtime.bigint() - start) / 1e6 / 20);
  }
  assert.ok(perParseMs < 1, `a ${text.length}-character query took ${perParseMs.toFixed(3)} ms to parse`);
});
