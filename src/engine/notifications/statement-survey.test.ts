import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '../../cypher/index.js';
import { surveyStatement } from './statement-survey.js';

function counts(text: string): number[] {
  const survey = surveyStatement(parse(text));
  return [
    survey.nodePatterns.length,
    survey.relationshipPatterns.length,
    survey.propertyAccesses.length,
    survey.matches.length,
    survey.projections.length,
  ];
}

test('the survey finds the nodes around a large list of literals and none inside it', () => {
  const rows = Array.from({ length: 500 }, (_, index) => `{start: ${String(index)}, properties: {a: [1]}}`);
  const text =
    `UNWIND [${rows.join(', ')}] AS row MATCH (a:N {id: row.start}) MATCH (b:N {id: row.end}) ` +
    'CREATE (a)-[r:T]->(b) SET r += row.properties RETURN r.a AS a';
  // Node patterns a, b and the CREATE's two; accesses row.start, row.end, row.properties and r.a.
  assert.deepEqual(counts(text), [4, 1, 4, 2, 1]);
});

test('nodes inside a list that is not all literals are still found', () => {
  assert.deepEqual(counts('MATCH (n) RETURN [1, n.x, [2, {k: n.y}]] AS l'), [1, 0, 2, 1, 1]);
});
