import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeature } from './feature-loader.js';

const FEATURE = `Feature: F

  Background:
    Given an empty graph

  Scenario: [1] Plain
    When executing query:
      """
      RETURN 1 AS x
      """
    Then the result should be, in any order:
      | x |
      | 1 |

  Scenario Outline: [2] Outline <v>
    When executing query:
      """
      RETURN <v> AS x
      """
    Then the result should be, in order:
      | x   |
      | <v> |

    Examples:
      | v   |
      | 'a' |
      | 2   |

    Examples:
      | v    |
      | null |
`;

test('scenarios get feature-qualified names and outline rows are numbered across Examples blocks', () => {
  const scenarios = parseFeature('dir/F.feature', FEATURE);
  assert.deepEqual(
    scenarios.map((scenario) => scenario.name),
    [
      'dir/F.feature :: [1] Plain',
      'dir/F.feature :: [2] Outline <v> [#1]',
      'dir/F.feature :: [2] Outline <v> [#2]',
      'dir/F.feature :: [2] Outline <v> [#3]',
    ],
  );
});

test('steps carry their text, doc string and table, with background steps first and placeholders filled', () => {
  const [plain, , second] = parseFeature('F.feature', FEATURE);
  assert.deepEqual(plain?.steps, [
    { text: 'an empty graph' },
    { text: 'executing query:', docString: 'RETURN 1 AS x' },
    { text: 'the result should be, in any order:', table: [['x'], ['1']] },
  ]);
  assert.equal(second?.steps[1]?.docString, 'RETURN 2 AS x');
  assert.deepEqual(second.steps[2]?.table, [['x'], ['2']]);
});

test('repeated scenario names stay unique', () => {
  const text = 'Feature: F\n  Scenario: S\n    Given any graph\n  Scenario: S\n    Given any graph\n';
  assert.deepEqual(
    parseFeature('F.feature', text).map((scenario) => scenario.name),
    ['F.feature :: S', 'F.feature :: S (2)'],
  );
});

test('table cells undo the Gherkin escapes before the TCK notation sees them', () => {
  const text =
    "Feature: F\n  Scenario: S\n    Then the result should be, in any order:\n      | x |\n      | 'a\\\\\\\\b\\|' |\n";
  assert.deepEqual(parseFeature('F.feature', text)[0]?.steps[0]?.table, [['x'], ["'a\\\\b|'"]]);
});
