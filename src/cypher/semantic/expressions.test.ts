import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CypherSemanticError, CypherSyntaxError, CypherTypeError } from '../../errors/index.js';
import type { Statement } from '../ast/index.js';
import { parse } from '../parser/parse.js';
import { analyze } from './analyze.js';
import { accepts, rejects } from './test-support.fixture.js';

test('boolean operators reject operands that can never be boolean', () => {
  rejects('RETURN 123 AND true', 'InvalidArgumentType');
  rejects('RETURN 123.4 XOR false', 'InvalidArgumentType');
  rejects('RETURN NOT 1', 'InvalidArgumentType');
  accepts('RETURN null AND true AS x, NOT $p AS y');
});

test('IN needs something that may be a list', () => {
  rejects('RETURN 1 IN true', 'InvalidArgumentType');
  accepts('RETURN 1 IN [1, 2] AS a, 1 IN $list AS b');
});

test('comprehension variables take the element type of a literal list', () => {
  rejects("RETURN any(x IN ['Clara'] WHERE x % 2 = 0) AS r", 'InvalidArgumentType');
  accepts('RETURN any(x IN [1, 2] WHERE x % 2 = 0) AS r');
});

test('property access on a value that has no properties is a compile-time TypeError', () => {
  const error = rejects('WITH 123 AS nonMap RETURN nonMap.num', 'InvalidArgumentType');
  assert.ok(error instanceof CypherTypeError);
  const onPath = rejects("MATCH r = (n)-[*]->() WHERE r.name = 'apa' RETURN r", 'InvalidArgumentType');
  assert.ok(onPath instanceof CypherSemanticError);
});

test('graph functions reject arguments of the wrong graph type', () => {
  rejects('MATCH p = (a) RETURN labels(p) AS l', 'InvalidArgumentType');
  rejects('MATCH (r) RETURN type(r)', 'InvalidArgumentType');
  rejects('MATCH (n) RETURN length(n)', 'InvalidArgumentType');
  rejects('RETURN properties(1)', 'InvalidArgumentType');
  accepts('MATCH p = (a)-[r]->(b) RETURN labels(a), type(r), length(p), nodes(p)');
});

test('unknown functions and wrong argument counts are reported', () => {
  rejects('RETURN noSuchFunction(1)', 'UnknownFunction');
  rejects('RETURN toUpper()', 'InvalidNumberOfArguments');
  rejects('RETURN substring("a", 1, 2, 3)', 'InvalidNumberOfArguments');
  accepts('RETURN toUPPER("a") AS a, date.truncate("day", date()) AS d, coalesce(1, 2, 3) AS c');
});

test('a node used as a predicate is InvalidArgumentType, an unbound one UndefinedVariable', () => {
  rejects('MATCH (n) WHERE (n) RETURN n', 'InvalidArgumentType');
  rejects('MATCH (n) WHERE (a) RETURN n', 'UndefinedVariable');
});

test('patterns used as values are syntax errors even when the parser let them through', () => {
  // The parser rejects these too; build the AST by moving a WHERE pattern into the RETURN item.
  const text = 'MATCH (n) WHERE (n)-->() RETURN n AS x';
  const statement = parse(text);
  assert.ok(statement.kind === 'QueryStatement');
  const [match, ret] = statement.query.parts[0]?.clauses ?? [];
  assert.ok(match?.kind === 'Match' && match.where !== undefined && ret?.kind === 'Return');
  const item = ret.projection.items[0];
  assert.ok(item !== undefined);
  const moved: Statement = {
    ...statement,
    query: {
      ...statement.query,
      parts: [
        {
          kind: 'SingleQuery',
          pos: 0,
          clauses: [
            { ...match, where: undefined },
            { ...ret, projection: { ...ret.projection, items: [{ ...item, expression: match.where }] } },
          ],
        },
      ],
    },
  };
  assert.throws(
    () => analyze(moved, text),
    (error: unknown) => {
      assert.ok(error instanceof CypherSyntaxError);
      assert.equal(error.detail, 'UnexpectedSyntax');
      return true;
    },
  );
  accepts('MATCH (n) WHERE NOT (n)-->() OR (n)<--() RETURN n');
});

test('DELETE takes entities, not labels or plain values', () => {
  rejects('MATCH (n) DELETE n:Person', 'InvalidDelete');
  rejects('MATCH () DELETE 1 + 1', 'InvalidArgumentType');
  accepts('MATCH p = (n)-[r]->() DELETE r, n, p');
});
