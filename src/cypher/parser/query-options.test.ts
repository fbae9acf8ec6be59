import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherSyntaxError } from '../../errors/index.js';
import { printStatement } from '../printer/index.js';
import { parse } from './parse.js';

test('a CYPHER prefix with a version and options parses to the statement without it', () => {
  const plain = printStatement(parse('EXPLAIN MATCH (n) RETURN n'));
  for (const prefix of [
    'CYPHER 5',
    'CYPHER 25',
    'cypher runtime=slotted',
    'CYPHER 25 planner=cost replan=force',
  ]) {
    assert.equal(printStatement(parse(`${prefix} EXPLAIN MATCH (n) RETURN n`)), plain, prefix);
  }
  const statement = parse('CYPHER 25 RETURN 1 AS one');
  assert.ok(statement.kind === 'QueryStatement' && statement.mode === 'EXECUTE');
});

test('an unknown version or option is a syntax error', () => {
  for (const text of [
    'CYPHER 4.4 RETURN 1',
    'CYPHER 6 RETURN 1',
    'CYPHER nonsense=1 RETURN 1',
    'CYPHER runtime= RETURN 1',
  ]) {
    assert.throws(() => parse(text), CypherSyntaxError, text);
  }
});
