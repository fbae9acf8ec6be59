import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accepts, analyzeText } from './test-support.fixture.js';

test('RETURN columns are the aliases, variable names and expression texts in order', () => {
  assert.deepEqual(analyzeText('MATCH (n) RETURN n, n.name, count(*) AS c').columns, ['n', 'n.name', 'c']);
});

test('RETURN * lists the variables in scope sorted by name, then the listed items', () => {
  assert.deepEqual(analyzeText('MATCH (b)-[r]->(a) RETURN *, 1 AS x').columns, ['a', 'b', 'r', 'x']);
});

test('a UNION reports the columns of its first part', () => {
  assert.deepEqual(analyzeText('RETURN 1 AS a UNION RETURN 2 AS a').columns, ['a']);
});

test('a query without RETURN has no columns', () => {
  assert.deepEqual(analyzeText('CREATE (n:A)').columns, []);
});

test('a standalone procedure call with YIELD reports the yielded names as columns', () => {
  assert.deepEqual(analyzeText('CALL db.labels() YIELD label AS l').columns, ['l']);
});

test('parameters are collected from every part of the statement', () => {
  const analyzed = analyzeText(
    'MATCH (n {id: $id}) WHERE n.x > $min WITH n SKIP $skip RETURN [x IN $list | x + $add] AS r LIMIT $limit',
  );
  assert.deepEqual([...analyzed.parameters].sort(), ['add', 'id', 'limit', 'list', 'min', 'skip']);
});

test('write clauses make a statement updating, reading ones do not', () => {
  assert.equal(analyzeText('MATCH (n) RETURN n').updating, false);
  assert.equal(analyzeText('MATCH (n) SET n.x = 1').updating, true);
  assert.equal(analyzeText('UNWIND [1] AS x CALL { CREATE () } RETURN x').updating, true);
  assert.equal(analyzeText('MATCH (n) FOREACH (x IN [1] | CREATE ())').updating, true);
});

test('the analyzed statement is the very AST that was passed in', () => {
  const analyzed = accepts('RETURN 1 AS one');
  assert.equal(analyzed.statement.kind, 'QueryStatement');
});
