import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Match, PatternElement, QuantifiedPathPattern, QueryStatement } from '../ast/index.js';
import { printStatement } from '../printer/index.js';
import { parse } from './parse.js';

function element(pattern: string): PatternElement {
  const statement = parse(`MATCH ${pattern} RETURN 1`) as QueryStatement;
  const match = statement.query.parts[0]?.clauses[0] as Match;
  const found = match.pattern.parts[0]?.element;
  assert.ok(found);
  return found;
}

function quantified(found: PatternElement, index = 0): QuantifiedPathPattern {
  const connection = found.relationships[index];
  assert.equal(connection?.kind, 'QuantifiedPathPattern');
  return connection;
}

test('each quantifier of a quantified path pattern gives its bounds', () => {
  const cases: readonly (readonly [string, number, number | undefined])[] = [
    ['+', 1, undefined],
    ['*', 0, undefined],
    ['{3}', 3, 3],
    ['{2,}', 2, undefined],
    ['{,4}', 0, 4],
    ['{1,4}', 1, 4],
  ];
  for (const [quantifier, min, max] of cases) {
    const found = quantified(element(`(x) ((a)-[r:R]->(b))${quantifier} (y)`));
    assert.deepEqual([found.min, found.max], [min, max], quantifier);
  }
});

test('the juxtaposed node patterns join the chain; missing ones are anonymous', () => {
  const full = element('(x)-[:S]->(z) ((a)-[r]->(m)<-[s]-(b) WHERE r.w > 1){2} (y)-->(w)');
  assert.deepEqual(
    full.nodes.map((node) => node.variable?.name),
    ['x', 'z', 'y', 'w'],
  );
  const inner = quantified(full, 1);
  assert.equal(inner.element.nodes.length, 3);
  assert.equal(inner.where?.kind, 'BinaryOperation');
  const bare = element('((a)-->(b))+ ((c)-->(d)){1}');
  assert.deepEqual(
    bare.nodes.map((node) => node.variable),
    [undefined, undefined, undefined],
  );
  assert.deepEqual(
    bare.relationships.map((connection) => connection.kind),
    ['QuantifiedPathPattern', 'QuantifiedPathPattern'],
  );
  // Without a quantifier, a whole element in parentheses is still just that element.
  assert.equal(element('((a)-->(b))').relationships[0]?.kind, 'RelationshipPattern');
});

test('printing a quantified path pattern parses back to the same statement', () => {
  for (const query of [
    'MATCH (x) ((a:A {k: 1})-[r:R|S WHERE r.w > 1]->(b) WHERE a.k < b.k){1,3} (y) RETURN y',
    'MATCH p = ((a)-->(b))+ ((c)<--(d)){,2} RETURN p',
    'MATCH (x) ((a)--(b))* (y)-[:T]->(z) RETURN z',
  ]) {
    const printed = printStatement(parse(query));
    assert.equal(printStatement(parse(printed)), printed, query);
  }
});
