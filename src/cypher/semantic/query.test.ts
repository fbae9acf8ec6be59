import { test } from 'node:test';
import { accepts, rejects } from './test-support.fixture.js';

test('UNION and UNION ALL may not be mixed', () => {
  rejects('RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a', 'InvalidClauseComposition');
  accepts('RETURN 1 AS a UNION ALL RETURN 2 AS a UNION ALL RETURN 3 AS a');
});

test('every part of a UNION returns the same columns', () => {
  rejects('RETURN 1 AS a UNION ALL RETURN 2 AS b', 'DifferentColumnsInUnion');
});

test('a query cannot end with a reading clause, and RETURN must come last', () => {
  rejects('MATCH (n)', 'InvalidClauseComposition');
  rejects('MATCH (n) WITH n', 'InvalidClauseComposition');
  rejects('MATCH (n) RETURN n MATCH (m) RETURN m', 'InvalidClauseComposition');
  accepts('MATCH (n) DELETE n');
  accepts('MATCH (n) FINISH');
  accepts('MATCH (n) CALL { WITH n CREATE (:B) }');
});

test('subquery expressions may not write', () => {
  rejects(
    "MATCH (n) WHERE exists { MATCH (n)-->(m) SET m.prop = 'fail' } RETURN n",
    'InvalidClauseComposition',
  );
});

test('COLLECT subqueries return exactly one column', () => {
  accepts('MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN m.x } AS xs');
  rejects('MATCH (n) RETURN COLLECT { MATCH (n)-->(m) RETURN m.x, m.y } AS xs', 'InvalidClauseComposition');
});

test('FOREACH bodies contain only updating clauses', () => {
  accepts('MATCH (n) FOREACH (x IN [1, 2] | SET n.v = x FOREACH (y IN [x] | CREATE (:C {y: y})))');
});

test('YIELD * is only for standalone procedure calls', () => {
  accepts('CALL db.labels() YIELD *');
});
