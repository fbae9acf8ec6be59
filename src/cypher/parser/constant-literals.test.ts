import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Expression, QueryStatement, Return, Unwind } from '../ast/index.js';
import { isConstantLiteral } from './constant-literals.js';
import { parse } from './parse.js';

function returned(text: string): Expression {
  const statement = parse(`RETURN ${text} AS v`) as QueryStatement;
  const clause = statement.query.parts[0]?.clauses[0] as Return;
  const item = clause.projection.items[0];
  assert.ok(item !== undefined);
  return item.expression;
}

test('a list or map of literals at any depth is constant at its outermost level only', () => {
  const list = returned("[1, -2.5, 'a', true, null, [3, {k: [4]}], {}]");
  assert.equal(isConstantLiteral(list), true);
  assert.ok(list.kind === 'ListLiteral');
  // Walks stop at the outermost constant, so the ones inside are not recorded.
  assert.equal(isConstantLiteral(list.elements[5] ?? list), false);
  assert.equal(isConstantLiteral(returned('{a: 1, b: [2, 3]}')), true);
  assert.equal(isConstantLiteral(returned('[]')), true);
});

test('a variable, parameter, call or operator anywhere inside makes a list or map not constant', () => {
  for (const text of ['[1, x]', '[$p]', '[1, [2, toUpper("a")]]', '{a: 1 + 2}', '[[1][0]]', '{a: {b: -x}}']) {
    assert.equal(isConstantLiteral(returned(text)), false, text);
  }
});

test('constant parts of a list that is not constant are recorded themselves', () => {
  const list = returned('[$p, [1, 2], {a: [3]}]');
  assert.ok(list.kind === 'ListLiteral');
  assert.deepEqual(
    list.elements.map((element) => isConstantLiteral(element)),
    [false, true, true],
  );
});

test('literals are constant, and nodes the parser did not make are not', () => {
  assert.equal(isConstantLiteral({ kind: 'Literal', pos: 0, value: 1n }), true);
  assert.equal(isConstantLiteral({ kind: 'ListLiteral', pos: 0, elements: [] }), false);
  assert.equal(isConstantLiteral(structuredClone(returned('[1, 2]'))), false);
});

/** A Cypher literal's text and the value a faithful parse must give back. */
type Generated = readonly [text: string, value: unknown];

const scalar: fc.Arbitrary<Generated> = fc.oneof(
  fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map((n): Generated => [String(n), n]),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 })
    .filter((x) => !Object.is(x, -0))
    .map((x): Generated => [/[.e]/.test(String(x)) ? String(x) : `${String(x)}.0`, x]),
  fc
    .string({ maxLength: 6 })
    .map((s): Generated => [`'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`, s]),
  fc.constantFrom<Generated>(['true', true], ['FALSE', false], ['null', null]),
);

const literal: fc.Arbitrary<Generated> = fc.letrec<{ value: Generated }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc
      .array(tie('value'), { maxLength: 4 })
      .map((items): Generated => [`[${items.map(([t]) => t).join(', ')}]`, items.map(([, v]) => v)]),
    fc
      .array(fc.tuple(fc.constantFrom('a', 'b', 'row', 'END'), tie('value')), { maxLength: 3 })
      .map((entries): Generated => [
        `{${entries.map(([k, [t]]) => `${k}: ${t}`).join(', ')}}`,
        entries.map(([k, [, v]]) => [k, v]),
      ]),
  ),
})).value;

/** The value an AST of literals stands for, in the generator's shape (maps as entry lists). */
function valueOf(expression: Expression): unknown {
  if (expression.kind === 'Literal') return expression.value;
  if (expression.kind === 'ListLiteral') return expression.elements.map(valueOf);
  if (expression.kind === 'MapLiteral') {
    return expression.entries.map((entry) => [entry.key, valueOf(entry.value)]);
  }
  return `not a literal: ${expression.kind}`;
}

test('any nesting of literals parses to its value and is constant', () => {
  fc.assert(
    fc.property(literal, ([text, value]) => {
      const statement = parse(`UNWIND [${text}] AS row RETURN row`) as QueryStatement;
      const unwind = statement.query.parts[0]?.clauses[0] as Unwind;
      assert.deepEqual(valueOf(unwind.expression), [value]);
      assert.equal(isConstantLiteral(unwind.expression), true);
    }),
    { numRuns: 300 },
  );
});
