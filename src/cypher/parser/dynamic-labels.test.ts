import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherSyntaxError } from '../../errors/index.js';
import type { Match, QueryStatement, SetClause } from '../ast/index.js';
import { printStatement } from '../printer/index.js';
import { parse } from './parse.js';

test('$(…), $all(…) and $any(…) in node patterns, label checks, SET and REMOVE print back as written', () => {
  for (const text of [
    'MATCH (n:$(label))\nRETURN n',
    'MATCH (n:$any($labels))\nRETURN n',
    'MATCH (n:A&$(x))\nRETURN n',
    'MATCH (n) WHERE n:$(x)\nRETURN n',
    'CREATE (n:$(row.kind))',
    'MATCH (n)\nSET n:$(x)',
    'MATCH (n)\nREMOVE n:$(x)',
  ]) {
    assert.equal(printStatement(parse(text)), text);
  }
  assert.equal(printStatement(parse('MATCH (n:$all(x)) RETURN n')), 'MATCH (n:$(x))\nRETURN n');
});

test('the parts of a dynamic label in the AST', () => {
  const match = (parse('MATCH (n:A:$any([a, b])) RETURN n') as QueryStatement).query.parts[0]
    ?.clauses[0] as Match;
  const labels = match.pattern.parts[0]?.element.nodes[0]?.labels;
  assert.ok(labels?.kind === 'LabelAnd');
  const dynamic = labels.operands[1];
  assert.ok(dynamic?.kind === 'LabelDynamic' && dynamic.any && dynamic.expression.kind === 'ListLiteral');
  const set = (parse('MATCH (n) SET n:B:$(x)') as QueryStatement).query.parts[0]?.clauses[1] as SetClause;
  const item = set.items[0];
  assert.ok(item?.kind === 'SetLabels');
  assert.deepEqual(item.labels, ['B']);
  assert.equal(item.dynamicLabels?.[0]?.kind, 'Variable');
});

test('$any in SET or REMOVE, a bare $ and an unclosed $( are syntax errors', () => {
  for (const text of [
    'MATCH (n) SET n:$any(x)',
    'MATCH (n) REMOVE n:$any(x)',
    'MATCH (n:$) RETURN n',
    'MATCH (n:$(x) RETURN n',
  ]) {
    assert.throws(() => parse(text), CypherSyntaxError, text);
  }
});

test('dynamic relationship types print back as written and sit beside the static ones', () => {
  for (const text of [
    'MATCH (a)-[r:$(type)]->(b)\nRETURN r',
    'MATCH (a)-[r:A|$any($types)]-(b)\nRETURN r',
    'MATCH (a)-[:$(t)*1..2]->(b)\nRETURN b',
    'CREATE (a)-[:$(row.type)]->(b)',
  ]) {
    assert.equal(printStatement(parse(text)), text);
  }
  const match = (parse('MATCH (a)-[r:A|$any(x)|B]->(b) RETURN r') as QueryStatement).query.parts[0]
    ?.clauses[0] as Match;
  const relationship = match.pattern.parts[0]?.element.relationships[0];
  assert.ok(relationship?.kind === 'RelationshipPattern');
  assert.deepEqual(relationship.types, ['A', 'B']);
  assert.deepEqual(
    relationship.dynamicTypes.map((dynamic) => dynamic.any),
    [true],
  );
});
