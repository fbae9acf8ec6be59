import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Database } from './index.js';

/** A small random graph: nodes 0..n-1 and relationships of type A or B between any two (loops included). */
interface SmallGraph {
  readonly nodes: number;
  readonly relationships: readonly { readonly from: number; readonly to: number; readonly type: 'A' | 'B' }[];
}

const smallGraph: fc.Arbitrary<SmallGraph> = fc.integer({ min: 1, max: 5 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    relationships: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: nodes - 1 }),
        to: fc.integer({ min: 0, max: nodes - 1 }),
        type: fc.constantFrom('A' as const, 'B' as const),
      }),
      { maxLength: 8 },
    ),
  }),
);

async function load(graph: SmallGraph): Promise<Database> {
  const db = await Database.open();
  await db
    .session()
    .run(
      `UNWIND range(0, $nodes - 1) AS i CREATE (:N {i: i})
       WITH count(*) AS created
       UNWIND $relationships AS r
       MATCH (a:N {i: r.from}), (b:N {i: r.to})
       CREATE (a)-[:$(r.type)]->(b)`,
      {
        nodes: BigInt(graph.nodes),
        relationships: graph.relationships.map((r) => ({
          from: BigInt(r.from),
          to: BigInt(r.to),
          type: r.type,
        })),
      },
    )
    .summary();
  return db;
}

/** The rows of a query as sorted strings (the order of matches is not defined). */
async function bag(db: Database, query: string): Promise<string[]> {
  const records = await db.session().run(query).records();
  return records
    .map((record) =>
      JSON.stringify(record.values, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
    )
    .sort();
}

/** Every trail (no relationship twice) of the graph, as [start, end, length], walked by hand. */
function trails(
  graph: SmallGraph,
  types: readonly string[],
  min: number,
  max: number,
  undirected: boolean,
): string[] {
  const found: string[] = [];
  const walk = (start: number, at: number, used: Set<number>): void => {
    if (used.size >= min) found.push(JSON.stringify([start, at, used.size]));
    if (used.size === max) return;
    graph.relationships.forEach((r, index) => {
      if (used.has(index) || !types.includes(r.type)) return;
      const next = r.from === at ? r.to : undirected && r.to === at ? r.from : undefined;
      if (next === undefined) return;
      // An undirected self-loop is walked once, not once per direction (as the engines do).
      used.add(index);
      walk(start, next, used);
      used.delete(index);
    });
  };
  for (let start = 0; start < graph.nodes; start++) walk(start, start, new Set());
  return found.sort();
}

test('a one-hop quantified path pattern finds the trails a variable-length relationship finds', async () => {
  await fc.assert(
    fc.asyncProperty(smallGraph, async (graph) => {
      const db = await load(graph);
      try {
        const expected = trails(graph, ['A'], 1, 3, false);
        const quantified = await bag(
          db,
          'MATCH p = (x) ((a)-[r:A]->(b)){1,3} (y) RETURN x.i, y.i, length(p)',
        );
        const varLength = await bag(db, 'MATCH p = (x)-[:A*1..3]->(y) RETURN x.i, y.i, length(p)');
        assert.deepEqual(quantified, expected);
        assert.deepEqual(varLength, expected);
        const undirected = trails(graph, ['A', 'B'], 0, 2, true);
        assert.deepEqual(
          await bag(db, 'MATCH p = (x) ((a)--(b)){0,2} (y) RETURN x.i, y.i, length(p)'),
          undirected,
        );
      } finally {
        await db.close();
      }
    }),
    { numRuns: 100 },
  );
});

test('a two-hop quantified path pattern finds the trails of even length of its variable-length twin', async () => {
  await fc.assert(
    fc.asyncProperty(smallGraph, async (graph) => {
      const db = await load(graph);
      try {
        const expected = trails(graph, ['A', 'B'], 2, 4, false).filter(
          (row) => (JSON.parse(row) as number[])[2] !== 3,
        );
        assert.deepEqual(
          await bag(db, 'MATCH p = (x) ((a)-->(m)-->(b)){1,2} (y) RETURN x.i, y.i, length(p)'),
          expected,
        );
      } finally {
        await db.close();
      }
    }),
    { numRuns: 100 },
  );
});

test('SHORTEST k and SHORTEST k GROUPS keep, per pair of end nodes, what the sorted trails give', async () => {
  await fc.assert(
    fc.asyncProperty(smallGraph, fc.integer({ min: 1, max: 3 }), async (graph, k) => {
      const db = await load(graph);
      try {
        const all = trails(graph, ['A', 'B'], 1, 4, false).map((row) => JSON.parse(row) as number[]);
        const byPair = new Map<string, number[]>();
        for (const [start, end, length] of all) {
          const key = `${String(start)}:${String(end)}`;
          byPair.set(key, [...(byPair.get(key) ?? []), length ?? 0]);
        }
        const shortest: string[] = [];
        const groups: string[] = [];
        for (const [key, lengths] of byPair) {
          const [start, end] = key.split(':').map(Number);
          const sorted = [...lengths].sort((a, b) => a - b);
          for (const length of sorted.slice(0, k)) shortest.push(JSON.stringify([start, end, length]));
          const kept = [...new Set(sorted)].slice(0, k);
          for (const length of sorted)
            if (kept.includes(length)) groups.push(JSON.stringify([start, end, length]));
        }
        const query = (selector: string): Promise<string[]> =>
          bag(db, `MATCH p = ${selector} (x)-[*1..4]->(y) RETURN x.i, y.i, length(p)`);
        assert.deepEqual(await query(`SHORTEST ${String(k)}`), shortest.sort());
        assert.deepEqual(await query(`SHORTEST ${String(k)} GROUPS`), groups.sort());
      } finally {
        await db.close();
      }
    }),
    { numRuns: 100 },
  );
});
