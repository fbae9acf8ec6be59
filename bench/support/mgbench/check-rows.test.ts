import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRows } from './check-rows.js';
import { FreshIds } from './param-draws.js';
import { MGBENCH_QUERIES, type MgbenchQuery, type QueryParams } from './queries.js';
import type { BenchSide } from './side.js';

/** A side that answers every query with rows computed from the parameters. */
function fakeSide(name: string, answer: (params: QueryParams) => unknown[][]): BenchSide {
  return {
    name,
    load: () => Promise.resolve(),
    execute: (_query: MgbenchQuery, params: QueryParams) => Promise.resolve(answer(params).length),
    rows: (_query: MgbenchQuery, params: QueryParams) => Promise.resolve(answer(params)),
    close: () => Promise.resolve(),
  };
}

const expansion = MGBENCH_QUERIES.find((query) => query.name === 'expansion_1')!;
const contestant = (side: BenchSide) => ({ side, fresh: new FreshIds() });

test('engines returning the same scalars, as bigint on one side and number on the other, agree', async () => {
  const quiver = fakeSide('quiver', (params) => [[BigInt(params['id']!)], [1.5]]);
  const kuzu = fakeSide('kuzu', (params) => [[1.5], [params['id']!]]);
  assert.deepEqual(await checkRows(expansion, contestant(quiver), contestant(kuzu), 100), []);
});

test('a different number of records is reported', async () => {
  const quiver = fakeSide('quiver', () => [[1n]]);
  const kuzu = fakeSide('kuzu', () => [[1], [2]]);
  const problems = await checkRows(expansion, contestant(quiver), contestant(kuzu), 100);
  assert.equal(problems.length, 5);
  assert.match(problems[0]!, /quiver 1 rows, kuzu 2 rows/);
});

test('different scalar values are reported, but nodes are compared by count only', async () => {
  const differing = await checkRows(
    expansion,
    contestant(fakeSide('quiver', () => [[3n]])),
    contestant(fakeSide('kuzu', () => [[4]])),
    100,
  );
  assert.match(differing[0]!, /values differ/);
  const nodes = await checkRows(
    expansion,
    contestant(fakeSide('quiver', () => [[{ id: 1 }]])),
    contestant(fakeSide('kuzu', () => [[{ id: 2 }]])),
    100,
  );
  assert.deepEqual(nodes, []);
});
