import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { collectNotifications } from './collect-notifications.js';
import { compileQuery, knownTokens } from './notifications.fixture.js';

/** A name as Cypher text: plain when it is a simple identifier (sometimes), backticked otherwise. */
function render(name: string, plain: boolean): string {
  return plain && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

const nameArbitrary = fc.tuple(
  fc.string({
    unit: fc.constantFrom('a', 'Z', '_', '1', ' ', '`', 'é', '-', ':', '.', '𝒜', '|'),
    minLength: 1,
    maxLength: 6,
  }),
  fc.boolean(),
);
/** Whitespace and comments, which the position search must skip. */
const gap = fc.constantFrom('', ' ', '\n', '\t ', '\r\n  ', ' /* a:b `c */ ', ' // (x:Y)\n');

describe('name positions', () => {
  test('every notification points at the text of its name, with a consistent line and column', () => {
    fc.assert(
      fc.property(
        fc.array(nameArbitrary, { minLength: 4, maxLength: 4 }),
        fc.array(gap, { minLength: 12, maxLength: 12 }),
        (names, gaps) => {
          const [label1, label2, type, key] = names.map(([name, plain]) => ({
            name,
            text: render(name, plain),
          }));
          if (label1 === undefined || label2 === undefined || type === undefined || key === undefined) return;
          const g = (index: number) => gaps[index] ?? '';
          const text =
            `MATCH${g(0) || ' '}(${g(1)}v${g(2)}:${g(3)}${label1.text}${g(4)}:${label2.text})` +
            `-[${g(5)}r${g(6)}:${type.text}${g(7)}]->(w)${g(8)}` +
            `WHERE${g(9) || ' '}v.${key.text}${g(10)}= 1${g(11) || ' '}RETURN w`;
          const notifications = collectNotifications(compileQuery(text), knownTokens(), 'neo4j');
          const expected = [label1, label2, type, key];
          assert.equal(notifications.length, expected.length, text);
          notifications.forEach((notification, index) => {
            const position = notification.position;
            const wanted = expected[index];
            assert.ok(position !== undefined && wanted !== undefined, text);
            assert.equal(
              text.slice(position.offset, position.offset + wanted.text.length),
              wanted.text,
              text,
            );
            assert.ok(Object.values(notification.parameters ?? {}).includes(wanted.name));
            const before = text.slice(0, position.offset);
            assert.equal(position.line, before.split('\n').length);
            assert.equal(position.column, position.offset - (before.lastIndexOf('\n') + 1) + 1);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a name that cannot be located from its node is reported without a position, never a wrong one', () => {
    // The parentheses around the subject are not in the tree: the label is not where `pos` leads.
    const notifications = collectNotifications(
      compileQuery('MATCH (n) WHERE (n):Ghost RETURN n'),
      knownTokens(),
      'neo4j',
    );
    assert.deepEqual(
      notifications.map((entry) => [entry.parameters?.['label'], entry.position]),
      [['Ghost', undefined]],
    );
  });
});
