import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CypherValue } from '../../../values/index.js';
import { TCK_TEMPORAL_TABLE } from './tck-rows.fixture.js';
import { evaluateTck, renderTck } from './test-kit.fixture.js';

interface TckRow {
  readonly source: string;
  readonly bindings: readonly (readonly [name: string, expression: string])[];
  readonly expression: string;
  readonly expected: string;
}

function parseTable(table: string): TckRow[] {
  return table
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [source = '', bindings = '', expression = '', expected = ''] = line.split(' | ');
      const pairs =
        bindings === '-'
          ? []
          : bindings.split('; ').map((pair) => {
              const [name = '', text = ''] = pair.split(' := ');
              return [name, text] as const;
            });
      return { source, bindings: pairs, expression, expected };
    });
}

const ROWS = parseTable(TCK_TEMPORAL_TABLE);

test('the ported TCK sample has at least 150 well-formed rows', () => {
  assert.ok(ROWS.length >= 150, `only ${ROWS.length} rows`);
  assert.ok(ROWS.every((row) => row.expression !== '' && row.expected !== ''));
});

for (const row of ROWS) {
  test(`${row.source}: ${row.expression} is ${row.expected}`, () => {
    const bindings: Record<string, CypherValue> = {};
    for (const [name, text] of row.bindings) bindings[name] = evaluateTck(text, bindings);
    assert.equal(renderTck(evaluateTck(row.expression, bindings)), row.expected);
  });
}
