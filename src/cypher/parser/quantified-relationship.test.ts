import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherSyntaxError } from '../../errors/index.js';
import type { Match, QueryStatement, RelationshipPattern } from '../ast/index.js';
import { printStatement } from '../printer/index.js';
import { parse } from './parse.js';

function relationship(pattern: string): RelationshipPattern {
  const statement = parse(`MATCH ${pattern} RETURN 1`) as QueryStatement;
  const match = statement.query.parts[0]?.clauses[0] as Match;
  const found = match.pattern.parts[0]?.element.relationships[0];
  assert.equal(found?.kind, 'RelationshipPattern');
  return found;
}

test('each quantifier is the variable-length range it stands for', () => {
  const cases: readonly (readonly [string, number | undefined, number | undefined])[] = [
    ['(a)-[:R]->+(b)', 1, undefined],
    ['(a)-[:R]->*(b)', 0, undefined],
    ['(a)-[:R]->{3}(b)', 3, 3],
    ['(a)-[:R]->{2,}(b)', 2, undefined],
    ['(a)-[:R]->{,4}(b)', 0, 4],
    ['(a)-[:R]->{1,4}(b)', 1, 4],
    ['(a)-->+(b)', 1, undefined],
    ['(a)<--{2}(b)', 2, 2],
    ['(a)--*(b)', 0, undefined],
  ];
  for (const [pattern, min, max] of cases) {
    assert.deepEqual(relationship(pattern).length, { min, max }, pattern);
  }
  assert.equal(relationship('(a)-[:R]->(b)').length, undefined);
  assert.equal(
    printStatement(parse('MATCH (a)-[:R]->{1,4}(b) RETURN b')),
    printStatement(parse('MATCH (a)-[:R*1..4]->(b) RETURN b')),
  );
});

test('a WHERE inside a quantified relationship must hold for every relationship of the path', () => {
  const where = relationship('(a)-[r:R WHERE r.w > 1]->+(b)').where;
  assert.ok(where?.kind === 'Quantifier' && where.quantifier === 'all');
  assert.ok(where.variable.name === 'r' && where.list.kind === 'Variable' && where.list.name === 'r');
  // Without a variable the predicate cannot name the relationship, so it stays as written.
  assert.equal(relationship('(a)-[:R WHERE true]->+(b)').where?.kind, 'Literal');
});

test('a quantified variable-length relationship and inverted bounds are syntax errors', () => {
  for (const pattern of [
    '(a)-[:R*]->+(b)',
    '(a)-[:R*1..2]->{2}(b)',
    '(a)-[:R]->{3,1}(b)',
    '(a)-[:R]->{1,2(b)',
  ]) {
    assert.throws(() => parse(`MATCH ${pattern} RETURN 1`), CypherSyntaxError, pattern);
  }
});
