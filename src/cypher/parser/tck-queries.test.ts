import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { DatabaseError } from '../../errors/index.js';
import { printStatement } from '../printer/index.js';
import { parse } from './parse.js';
import { loadTckQueries, TCK_FEATURES } from './tck-corpus.fixture.js';

/** Drops positions and source texts, which printing legitimately changes. */
function shape(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => {
      if (key === 'pos' || key === 'text') return undefined;
      return typeof inner === 'bigint' ? `${inner.toString()}n` : inner;
    }),
  );
}

const available = existsSync(TCK_FEATURES);

test(
  'every TCK query that should compile parses, and every syntax-error scenario with a parser detail fails with it',
  { skip: !available && 'TCK features not found' },
  () => {
    const queries = loadTckQueries();
    assert.ok(queries.length > 3000, `only ${queries.length} TCK queries were found`);
    const unexpected: string[] = [];
    const parserDetails = new Set([
      'UnexpectedSyntax',
      'InvalidNumberLiteral',
      'InvalidUnicodeCharacter',
      'IntegerOverflow',
      'FloatingPointOverflow',
      'InvalidRelationshipPattern',
    ]);
    let parsed = 0;
    for (const query of queries) {
      let failure: unknown;
      try {
        parse(query.text);
        parsed++;
      } catch (error: unknown) {
        failure = error;
      }
      assert.ok(failure === undefined || failure instanceof DatabaseError, String(failure));
      const expected = query.syntaxErrorDetail;
      if (expected === undefined && failure !== undefined) {
        unexpected.push(`${query.feature} ${query.scenario}: ${failure.message.split('\n')[0] ?? ''}`);
      } else if (expected !== undefined && parserDetails.has(expected) && failure?.detail !== expected) {
        unexpected.push(
          `${query.feature} ${query.scenario}: expected ${expected}, got ${failure?.detail ?? 'success'}`,
        );
      }
    }
    assert.deepEqual(unexpected, []);
    assert.ok(parsed > 3000);
  },
);

test(
  'printing any parsed TCK query gives text that parses back to the same tree',
  { skip: !available && 'TCK features not found' },
  () => {
    const mismatches: string[] = [];
    for (const query of loadTckQueries()) {
      let statement;
      try {
        statement = parse(query.text);
      } catch {
        continue;
      }
      const printed = printStatement(statement);
      if (!isDeepStrictEqual(shape(parse(printed)), shape(statement))) mismatches.push(printed);
    }
    assert.deepEqual(mismatches, []);
  },
);
