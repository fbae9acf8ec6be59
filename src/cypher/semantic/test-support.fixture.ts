import assert from 'node:assert/strict';
import { DatabaseError } from '../../errors/index.js';
import { parse } from '../parser/parse.js';
import { analyze, type AnalyzedStatement } from './analyze.js';

/** Parses and analyzes real query text. */
export function analyzeText(query: string): AnalyzedStatement {
  return analyze(parse(query), query);
}

/** Asserts that analysis rejects `query` with the TCK `detail`; returns the error for further checks. */
export function rejects(query: string, detail: string): DatabaseError {
  const statement = parse(query);
  try {
    analyze(statement, query);
  } catch (error) {
    assert.ok(error instanceof DatabaseError, `expected a DatabaseError, got ${String(error)}`);
    assert.equal(error.detail, detail, `${query}\n  -> ${error.message}`);
    return error;
  }
  assert.fail(`expected ${detail} for: ${query}`);
}

/** Asserts that analysis accepts `query`. */
export function accepts(query: string): AnalyzedStatement {
  return analyzeText(query);
}
