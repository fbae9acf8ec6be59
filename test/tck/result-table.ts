import type { CypherValue } from '../../src/values/index.js';
import { canonicalActual, canonicalExpected, type CanonicalOptions } from './values/canonical.js';
import { parseTckValue } from './values/parse-tck-value.js';

/** What a query returned: column names and rows of values in column order. */
export interface ActualResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CypherValue[])[];
}

/** The `Then the result should be…` variant. */
export interface ResultExpectation extends CanonicalOptions {
  /** `in order`: row order matters; otherwise the rows are a multiset. */
  readonly ordered: boolean;
}

const SHOWN_ROWS = 10;

/**
 * Compares a result with an expected table (first row: column names; then one row of TCK values per
 * expected record). Columns compare as a set of names (records are maps); rows by the canonical text of
 * their values, in order or as a multiset.
 * @returns undefined when they match, otherwise a description of the difference.
 */
export function compareResult(
  table: readonly (readonly string[])[],
  actual: ActualResult,
  expectation: ResultExpectation,
): string | undefined {
  const [header = [], ...body] = table;
  const columnProblem = compareColumns(header, actual);
  if (columnProblem !== undefined) return columnProblem;
  const expectedRows = body.map((cells) =>
    row(cells.map((cell) => canonicalExpected(parseTckValue(cell), expectation))),
  );
  const positions = header.map((column) => actual.columns.indexOf(column));
  const actualRows = actual.rows.map((values) =>
    row(positions.map((position) => canonicalActual(values[position] ?? null, expectation))),
  );
  return expectation.ordered
    ? compareOrdered(expectedRows, actualRows)
    : compareUnordered(expectedRows, actualRows);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function compareColumns(header: readonly string[], actual: ActualResult): string | undefined {
  // A result with neither rows nor column names (e.g. a write query) matches any header of an empty table.
  if (actual.columns.length === 0 && actual.rows.length === 0) return undefined;
  const expected = [...header].sort();
  const got = [...actual.columns].sort();
  if (expected.length === got.length && expected.every((name, index) => name === got[index]))
    return undefined;
  return `columns differ: expected ${row(header)}, got ${row(actual.columns)}`;
}

function compareOrdered(expected: readonly string[], actual: readonly string[]): string | undefined {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index += 1) {
    if (expected[index] !== actual[index]) {
      return [
        `row ${index + 1} differs (of ${expected.length} expected, ${actual.length} returned):`,
        `  expected ${expected[index] ?? '(no row)'}`,
        `  got      ${actual[index] ?? '(no row)'}`,
        `all returned rows:`,
        ...listRows(actual),
      ].join('\n');
    }
  }
  return undefined;
}

function compareUnordered(expected: readonly string[], actual: readonly string[]): string | undefined {
  const remaining = new Map<string, number>();
  for (const text of expected) remaining.set(text, (remaining.get(text) ?? 0) + 1);
  const unexpected: string[] = [];
  for (const text of actual) {
    const count = remaining.get(text) ?? 0;
    if (count === 0) unexpected.push(text);
    else remaining.set(text, count - 1);
  }
  const missing = [...remaining].flatMap(([text, count]) => Array<string>(count).fill(text));
  if (missing.length === 0 && unexpected.length === 0) return undefined;
  return [
    `rows differ (${expected.length} expected, ${actual.length} returned, in any order):`,
    `missing:`,
    ...listRows(missing),
    `unexpected:`,
    ...listRows(unexpected),
  ].join('\n');
}

function listRows(rows: readonly string[]): string[] {
  const shown = rows.slice(0, SHOWN_ROWS).map((text) => `  ${text}`);
  if (rows.length > SHOWN_ROWS) shown.push(`  … and ${rows.length - SHOWN_ROWS} more`);
  return shown.length === 0 ? ['  (none)'] : shown;
}
