import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PlainRenderer } from './plain.js';

function render(fields: readonly string[], records: readonly (readonly unknown[])[]): string {
  let text = '';
  const renderer = new PlainRenderer((chunk) => (text += chunk));
  renderer.begin(fields);
  for (const record of records) renderer.record(record);
  renderer.end();
  return text;
}

describe('PlainRenderer', () => {
  test('prints the header and comma-separated values like cypher-shell --format plain', () => {
    assert.equal(
      render(
        ['name', 'tags', 'n'],
        [
          ['Alice', ['a', 'b'], 1n],
          [null, [], 2.5],
        ],
      ),
      'name, tags, n\n"Alice", ["a", "b"], 1\nNULL, [], 2.5\n',
    );
  });

  test('prints nothing for a result without records', () => {
    assert.equal(render(['x'], []), '');
  });
});
