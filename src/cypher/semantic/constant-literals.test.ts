import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatabaseError } from '../../errors/index.js';
import { parse } from '../parser/parse.js';
import { analyze } from './analyze.js';

/**
 * Analysis takes a shortcut for the constant lists and maps the parser records; a structured clone of the
 * AST is not recorded, so analysing it takes the long way. Both must come to the same outcome.
 */
function outcome(text: string, clone: boolean): string {
  const parsed = parse(text);
  try {
    const analyzed = analyze(clone ? structuredClone(parsed) : parsed, text);
    return `ok ${[...analyzed.parameters].sort().join(',')} ${String(analyzed.updating)} ${analyzed.columns.join(',')}`;
  } catch (error) {
    assert.ok(error instanceof DatabaseError);
    return `${error.name} ${error.detail ?? '-'} ${error.message} ${String(error.position?.offset)}`;
  }
}

const QUERIES = [
  "UNWIND [{_id: 1, properties: {a: 1, b: 'x'}}, {_id: 2, properties: {}}] AS row CREATE (n:A {k: row._id}) SET n += row.properties",
  'UNWIND [1, 2, 3] AS x RETURN x.p',
  "UNWIND [1, 'a'] AS x RETURN x.p",
  'UNWIND [1, 2.5] AS x RETURN x.p',
  'UNWIND [[1], [2, 3]] AS x RETURN x[0].p',
  'UNWIND [[1], ["a"]] AS x RETURN x[0].p',
  'UNWIND [null, 1] AS x RETURN x.p',
  'UNWIND [] AS x RETURN x.p',
  'UNWIND [{a: 1}, {a: 2}] AS m RETURN m.a AS a',
  'RETURN [1, 2] + $p AS l, {a: [true]} AS m',
  'WITH [1, 2] AS l MATCH (n {k: $k}) WHERE n.v IN l DELETE n',
  'RETURN NOT [1, 2] AS b',
  'RETURN -[1] AS b',
  "RETURN 'a' + [1, 2][0] AS s",
  'UNWIND [1, 2] AS x WITH x WHERE [x, 1] = [1, 1] RETURN count(*) AS c',
];

test('analysis gives the same result with and without the constant-literal shortcut', () => {
  for (const query of QUERIES) {
    assert.equal(outcome(query, false), outcome(query, true), query);
  }
});

test('a large constant list leaves the update flag and the parameters of the rest intact', () => {
  const rows = Array.from({ length: 2000 }, (_, index) => `{_id: ${String(index)}, properties: {k: 'v'}}`);
  const text = `UNWIND [${rows.join(', ')}] AS row CREATE (n:L {id: row._id}) SET n += row.properties, n.x = $x`;
  assert.equal(outcome(text, false), 'ok x true ');
  assert.equal(outcome(text, false), outcome(text, true));
});
