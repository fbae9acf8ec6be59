import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Node } from '../../values/index.js';
import { TableRenderer } from './table.js';

function render(fields: readonly string[], records: readonly (readonly unknown[])[], sampleRows?: number) {
  let text = '';
  const renderer = new TableRenderer((chunk) => (text += chunk), sampleRows);
  renderer.begin(fields);
  for (const record of records) renderer.record(record);
  const rows = renderer.end();
  return { text, rows };
}

describe('TableRenderer', () => {
  test('draws cypher-shell’s bordered table with quoted strings and a blank line after it', () => {
    const node = new Node({ id: 1n, labels: ['Person'], properties: { name: 'Alice' } });
    const { text, rows } = render(
      ['n', 'name', 'age'],
      [
        [node, 'Alice', 33n],
        [null, 'Bob', 4n],
      ],
    );
    assert.equal(rows, 2);
    assert.equal(
      text,
      [
        '+-------------------------------------------+',
        '| n                         | name    | age |',
        '+-------------------------------------------+',
        '| (:Person {name: "Alice"}) | "Alice" | 33  |',
        '| NULL                      | "Bob"   | 4   |',
        '+-------------------------------------------+',
        '',
        '',
      ].join('\n'),
    );
  });

  test('an empty result still shows its header between rules', () => {
    assert.equal(render(['count'], []).text, '+-------+\n| count |\n+-------+\n+-------+\n\n');
  });

  test('a result without columns prints nothing but still counts', () => {
    assert.deepEqual(render([], [[], []]), { text: '', rows: 2 });
  });

  test('a value wider than the sampled width is cut with an ellipsis', () => {
    const { text } = render(['s'], [['ab'], ['abcdef']], 1);
    assert.equal(text, '+------+\n| s    |\n+------+\n| "ab" |\n| "ab… |\n+------+\n\n');
  });

  test('wide characters take two columns', () => {
    const { text } = render(['名前'], [['日本']]);
    assert.equal(text, '+--------+\n| 名前   |\n+--------+\n| "日本" |\n+--------+\n\n');
  });
});
