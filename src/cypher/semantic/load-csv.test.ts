import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseError } from '../../errors/index.js';
import { parse } from '../parser/parse.js';
import { analyze } from './analyze.js';

function analyzeText(text: string): void {
  analyze(parse(text), text);
}

function rejects(text: string, detail: string, message: RegExp): void {
  assert.throws(
    () => {
      analyzeText(text);
    },
    (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.equal(error.detail, detail);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('semantic analysis of LOAD CSV', () => {
  it('binds the row variable for the following clauses', () => {
    analyzeText("LOAD CSV FROM 'file:///a.csv' AS row RETURN row[0], size(row)");
    analyzeText("LOAD CSV WITH HEADERS FROM 'file:///a.csv' AS row RETURN row.name, keys(row)");
  });

  it('types the row as a list without headers and as a map with headers', () => {
    rejects("LOAD CSV FROM 'file:///a.csv' AS row RETURN keys(row)", 'InvalidArgumentType', /Type mismatch/);
    rejects(
      "LOAD CSV WITH HEADERS FROM 'file:///a.csv' AS row RETURN size(row)",
      'InvalidArgumentType',
      /Type mismatch/,
    );
  });

  it('requires a URL that can be a string', () => {
    rejects('LOAD CSV FROM 42 AS row RETURN row', 'InvalidArgumentType', /expected String but was Integer/);
    analyzeText('LOAD CSV FROM $url AS row RETURN row');
  });

  it('allows a one-character field terminator only', () => {
    analyzeText("LOAD CSV FROM 'file:///a.csv' AS row FIELDTERMINATOR '\\t' RETURN row");
    rejects(
      "LOAD CSV FROM 'file:///a.csv' AS row FIELDTERMINATOR ';;' RETURN row",
      'InvalidArgumentValue',
      /CSV field terminator can only be one character wide/,
    );
  });

  it('refuses a row variable that is already bound', () => {
    rejects(
      "WITH 1 AS row LOAD CSV FROM 'file:///a.csv' AS row RETURN row",
      'VariableAlreadyBound',
      /Variable `row` already declared/,
    );
  });

  it('knows linenumber() and file(), which take no arguments', () => {
    analyzeText("LOAD CSV FROM 'file:///a.csv' AS row RETURN linenumber(), file()");
    analyzeText('RETURN linenumber() AS l, file() AS f');
    rejects('RETURN linenumber(1)', 'InvalidNumberOfArguments', /linenumber/i);
  });

  it('does not let a query end with LOAD CSV', () => {
    rejects("LOAD CSV FROM 'file:///a.csv' AS row", 'InvalidClauseComposition', /LOAD CSV/);
  });
});
