import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accepts, rejects } from './test-support.fixture.js';

test('a variable that was never bound is UndefinedVariable with Neo4j message and position', () => {
  const error = rejects('MATCH (n)\nRETURN foo', 'UndefinedVariable');
  assert.match(error.message, /^Variable `foo` not defined/);
  assert.deepEqual(error.position, { offset: 17, line: 2, column: 8 });
});

test('WITH ends the scope: only projected names survive', () => {
  rejects('MATCH (a), (b) WITH a RETURN b', 'UndefinedVariable');
  accepts('MATCH (a), (b) WITH * RETURN a, b');
});

test('ORDER BY after a plain projection sees the previous scope, after DISTINCT it does not', () => {
  accepts('MATCH (a) RETURN a.name AS name ORDER BY a.age');
  rejects('MATCH (a) RETURN DISTINCT a.name AS name ORDER BY a.age', 'UndefinedVariable');
  accepts('MATCH (a) RETURN DISTINCT a.name ORDER BY a.name');
});

test('comprehension, quantifier and reduce variables are local', () => {
  accepts('RETURN [x IN [1, 2] WHERE x > 1 | x * 2] AS l, all(y IN [1] WHERE y = 1) AS a');
  accepts('RETURN reduce(acc = 0, z IN [1, 2] | acc + z) AS s');
  rejects('RETURN [x IN [1, 2] | x] AS l, x', 'UndefinedVariable');
});

test('FOREACH variables do not leak out of the FOREACH', () => {
  rejects('MATCH (n) FOREACH (x IN [1] | SET n.v = x) RETURN x', 'UndefinedVariable');
});

test('EXISTS and COUNT subqueries see outer variables', () => {
  accepts('MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.x = n.x } RETURN n');
  accepts('MATCH (n) RETURN COUNT { (n)-->() } AS degree');
});

test('CALL subqueries import with a leading WITH or a scope clause, and return new variables', () => {
  accepts('MATCH (n) CALL { WITH n RETURN n.x AS x } RETURN n, x');
  accepts('MATCH (n) CALL (n) { RETURN n.x AS x } RETURN x');
  rejects('MATCH (n) CALL { RETURN n.x AS x } RETURN x', 'UndefinedVariable');
  rejects('MATCH (n) CALL (m) { RETURN 1 AS x } RETURN x', 'UndefinedVariable');
  rejects('WITH 1 AS x CALL { RETURN 2 AS x } RETURN x', 'VariableAlreadyBound');
});

test('UNWIND and YIELD may not rebind a variable', () => {
  rejects('WITH 1 AS x UNWIND [1] AS x RETURN x', 'VariableAlreadyBound');
  rejects("WITH 'Hi' AS label CALL db.labels() YIELD label RETURN *", 'VariableAlreadyBound');
  rejects('CALL p.q(null) YIELD a AS c, b AS c RETURN c', 'VariableAlreadyBound');
});

test('RETURN * with nothing in scope is NoVariablesInScope, WITH * is allowed', () => {
  rejects('MATCH () RETURN *', 'NoVariablesInScope');
  accepts('MATCH () CREATE () WITH * CREATE ()');
});

test('pattern predicates may only test bound variables', () => {
  accepts('MATCH (n), (m) WHERE (n)-->(m) RETURN n');
  rejects('MATCH (n) WHERE (n)-[r]->() RETURN n', 'UndefinedVariable');
  accepts('MATCH (n) WHERE EXISTS { (n)-[r]->(m) } RETURN n');
});
