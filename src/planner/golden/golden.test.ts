import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze, parse } from '../../cypher/index.js';
import type { CatalogIndex, CatalogView } from '../catalog-view.js';
import { formatPlan } from '../explain.js';
import { planQuery } from '../plan-query.js';

/**
 * Plan golden tests: `plans.cypher` holds queries separated by `---` lines; `plans.golden` holds, per query,
 * its EXPLAIN tree (formatPlan) and query type, planned against the fixed catalog below (Person is common,
 * City rare; indexes on :Person(name), unique :User(id), :Account(a) and composite :Account(a, b), on
 * [:KNOWS](since), and an offline one on [:LIKES](weight)). `UPDATE_GOLDEN=1` rewrites the expected file; review the
 * diff before committing.
 */
const GOLDEN_DIR = fileURLToPath(new URL('../../../../src/planner/golden/', import.meta.url));
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const COUNTS: Record<string, number> = { Person: 1000, City: 10, User: 500, Account: 200 };

function index(
  name: string,
  entity: CatalogIndex['entity'],
  label: string,
  properties: readonly string[],
  unique = false,
): CatalogIndex {
  return { name, entity, label, properties, online: true, unique };
}

const CATALOG: CatalogView = {
  nodeCount: (label) => (label === undefined ? 1010 : (COUNTS[label] ?? 0)),
  relationshipCount: (type) => (type === undefined ? 5000 : 2000),
  indexes: () => [
    index('person_name', 'NODE', 'Person', ['name']),
    index('user_id', 'NODE', 'User', ['id'], true),
    index('account_a', 'NODE', 'Account', ['a']),
    index('account_a_b', 'NODE', 'Account', ['a', 'b']),
    index('knows_since', 'RELATIONSHIP', 'KNOWS', ['since']),
    { ...index('likes_offline', 'RELATIONSHIP', 'LIKES', ['weight']), online: false },
  ],
  procedure: () => undefined,
};

function render(query: string): string {
  const plan = planQuery(analyze(parse(query), query), CATALOG);
  return `${query}\ntype ${plan.queryType}\n${formatPlan(plan.describe())}`;
}

test('plans of the golden queries match plans.golden', () => {
  const queries = readFileSync(`${GOLDEN_DIR}plans.cypher`, 'utf8')
    .split(/^---$/m)
    .map((text) => text.trim())
    .filter((text) => text !== '');
  const actual = `${queries.map(render).join('\n\n')}\n`;
  const file = `${GOLDEN_DIR}plans.golden`;
  if (UPDATE || !existsSync(file)) {
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'));
});

test('planning is deterministic for the same statement and catalog', () => {
  const query = 'MATCH (a:Person)-[:KNOWS]->(b) WHERE b.x = $p RETURN b.x, count(*) ORDER BY b.x LIMIT 3';
  assert.equal(render(query), render(query));
});
