import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type Expression, type Statement } from '../../cypher/index.js';
import {
  containsAggregate,
  expressionKey,
  referencedVariables,
  rewrite,
  splitConjuncts,
} from './expression-tools.js';

/** The expression of `RETURN <text>`. */
function expression(text: string): Expression {
  const statement: Statement = parse(`RETURN ${text}`);
  if (statement.kind !== 'QueryStatement') throw new TypeError('not a query');
  const clause = statement.query.parts[0]?.clauses[0];
  if (clause?.kind !== 'Return') throw new TypeError('not a RETURN');
  const item = clause.projection.items[0];
  if (item === undefined) throw new TypeError('no item');
  return item.expression;
}

describe('expression tools', () => {
  it('splits nested conjunctions into their conjuncts', () => {
    assert.equal(splitConjuncts(expression('a AND (b AND c) AND d')).length, 4);
    assert.equal(splitConjuncts(expression('a OR b')).length, 1);
  });

  it('finds aggregates outside nested queries only', () => {
    assert.equal(containsAggregate(expression('1 + count(*)')), true);
    assert.equal(containsAggregate(expression('Sum(x)')), true);
    assert.equal(containsAggregate(expression('COUNT { MATCH (n) RETURN count(n) }')), false);
    assert.equal(containsAggregate(expression('size(x)')), false);
  });

  it('gives structurally equal expressions the same key regardless of position', () => {
    assert.equal(expressionKey(expression('n.name')), expressionKey(expression('  n.name')));
    assert.notEqual(expressionKey(expression('n.name')), expressionKey(expression('n.age')));
  });

  it('collects referenced variable names', () => {
    assert.deepEqual([...referencedVariables(expression('a.x + b'))].sort(), ['a', 'b']);
  });

  it('rewrites copy-on-change and keeps untouched subtrees', () => {
    const original = expression('a + b.c');
    const same = rewrite(original, () => undefined);
    assert.equal(same, original);
    const renamed = rewrite(original, (node) =>
      node.kind === 'Variable' && node.name === 'a' ? { ...node, name: 'z' } : undefined,
    );
    assert.deepEqual([...referencedVariables(renamed)].sort(), ['b', 'z']);
    assert.ok(renamed.kind === 'BinaryOperation' && original.kind === 'BinaryOperation');
    assert.equal(renamed.right, original.right);
  });
});
