import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CypherMap, CypherValue } from '../../src/values/index.js';
import { SeekDatabase, valuesOf } from './seek-database.js';

/**
 * Index plans against scan plans on random graphs: every query must return exactly the rows it returns
 * without indexes, with values chosen to probe where an index's comparison could differ from Cypher's
 * (`1 = 1.0`, NaN, -0.0, integers beyond 2^53, strings vs numbers, lists of equal numbers, zoned
 * date-times with one instant in different zones, surrogate pairs, unindexable-looking kinds).
 */
const LITERALS = [
  '1',
  '1.0',
  '0',
  '-0.0',
  '2',
  '2.5',
  '0.0 / 0.0',
  '9007199254740993',
  '9007199254740992.0',
  "'1'",
  "'a'",
  "'ab'",
  "''",
  "'\u{1F600}x'",
  "'\uE000'",
  'true',
  'false',
  '[1, 2]',
  '[1.0, 2.0]',
  '[1]',
  "date('2020-01-01')",
  "datetime('2020-01-01T01:00+01:00')",
  "datetime('2020-01-01T00:00Z')",
  "datetime('2020-01-01T00:00[Europe/London]')",
  "localdatetime('2020-01-01T00:00')",
  "duration('P1D')",
  "duration('PT24H')",
  'point({x: 1, y: 2})',
];
const POOL: readonly CypherValue[] = await valuesOf(LITERALS);

interface NodeSpec {
  readonly labels: readonly ('A' | 'B')[];
  readonly a: number | undefined;
  readonly b: number | undefined;
}

interface RelSpec {
  readonly from: number;
  readonly to: number;
  readonly type: 'T' | 'U';
  readonly p: number | undefined;
}

const poolIndex = fc.option(fc.nat({ max: LITERALS.length - 1 }), { nil: undefined });
const nodeSpec: fc.Arbitrary<NodeSpec> = fc.record({
  labels: fc.subarray(['A', 'B'] as const),
  a: poolIndex,
  b: poolIndex,
});
const relSpec: fc.Arbitrary<RelSpec> = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  type: fc.constantFrom('T' as const, 'U' as const),
  p: poolIndex,
});
const graphSpec = fc.record({
  nodes: fc.array(nodeSpec, { minLength: 1, maxLength: 10 }),
  rels: fc.array(relSpec, { maxLength: 14 }),
});
const parameter = fc.option(fc.nat({ max: LITERALS.length - 1 }), { nil: undefined });

/** A graph with indexes :A(a), :A(a, b) and [:T](p); every entity has an integer `k` to name it by. */
async function graphOf(spec: {
  nodes: readonly NodeSpec[];
  rels: readonly RelSpec[];
}): Promise<SeekDatabase> {
  const db = new SeekDatabase();
  const { store } = db;
  const tokens = store.tokens;
  const [a, b, p, k] = ['a', 'b', 'p', 'k'].map((name) => tokens.propertyKeys.getOrCreate(name));
  const label = (name: string): number => tokens.labels.getOrCreate(name);
  const type = (name: string): number => tokens.relationshipTypes.getOrCreate(name);
  const [A, T] = [label('A'), type('T')];
  label('B');
  type('U');
  const value = (index: number | undefined): CypherValue | undefined =>
    index === undefined ? undefined : POOL[index];
  const tx = store.begin();
  const ids = spec.nodes.map((node, index) => {
    const id = tx.createNode(node.labels.map(label));
    tx.setNodeProperty(id, k ?? -1, BigInt(index));
    for (const [key, chosen] of [
      [a, value(node.a)],
      [b, value(node.b)],
    ] as const) {
      if (chosen !== undefined && key !== undefined) tx.setNodeProperty(id, key, chosen);
    }
    return id;
  });
  spec.rels.forEach((rel, index) => {
    const from = ids[rel.from % ids.length] ?? 0;
    const to = ids[rel.to % ids.length] ?? 0;
    const id = tx.createRelationship(type(rel.type), from, to);
    tx.setRelationshipProperty(id, k ?? -1, BigInt(index));
    const chosen = value(rel.p);
    if (chosen !== undefined) tx.setRelationshipProperty(id, p ?? -1, chosen);
  });
  await tx.commit();
  await store.createIndex({ name: 'a_single', entity: 'NODE', token: A, properties: [a ?? -1] });
  await store.createIndex({ name: 'a_b', entity: 'NODE', token: A, properties: [a ?? -1, b ?? -1] });
  await store.createIndex({ name: 't_p', entity: 'RELATIONSHIP', token: T, properties: [p ?? -1] });
  await store.awaitIndexesOnline();
  return db;
}

/** Query templates and the operator each must plan when the indexes are visible. */
const QUERIES: readonly { readonly text: string; readonly plan: RegExp }[] = [
  { text: 'MATCH (n:A {a: $v}) RETURN n.k', plan: /NodeIndexSeek RANGE INDEX n:A\(a\) WHERE a = \$v$/m },
  { text: 'MATCH (n:A) WHERE $v = n.a RETURN n.k', plan: /NodeIndexSeek .*WHERE a = \$v$/m },
  { text: 'MATCH (n:A) WHERE n.a > $v RETURN n.k', plan: /NodeIndexSeekByRange .*WHERE a > \$v$/m },
  { text: 'MATCH (n:A) WHERE $v >= n.a RETURN n.k', plan: /NodeIndexSeekByRange .*WHERE a <= \$v$/m },
  {
    text: 'MATCH (n:A) WHERE n.a >= $v AND n.a < $w RETURN n.k',
    plan: /NodeIndexSeekByRange .*WHERE a >= \$v AND a < \$w$/m,
  },
  { text: 'MATCH (n:A) WHERE n.a STARTS WITH $v RETURN n.k', plan: /STARTS WITH \$v$/m },
  { text: 'MATCH (n:A:B) WHERE n.a IS NOT NULL RETURN n.k', plan: /NodeIndexScan/ },
  { text: 'MATCH (n:A {a: $v, b: $w}) RETURN n.k', plan: /A\(a, b\) WHERE a = \$v AND b = \$w$/m },
  { text: 'MATCH (n:A) WHERE n.a = $v AND n.b < $w RETURN n.k', plan: /b IS NOT NULL$/m },
  {
    text: 'MATCH (n:A) WHERE n.a <= $v AND n.b IS NOT NULL RETURN n.k',
    plan: /A\(a, b\) WHERE a <= \$v AND b IS NOT NULL$/m,
  },
  {
    text: 'MATCH (x)-[r:T {p: $v}]->(y) RETURN r.k, x.k, y.k',
    plan: /DirectedRelationshipIndexSeek RANGE INDEX \(x\)-\[r:T\(p\)\]->\(y\)/,
  },
  {
    text: 'MATCH (x)<-[r:T]-(y) WHERE r.p < $v RETURN r.k, x.k, y.k',
    plan: /DirectedRelationshipIndexSeekByRange/,
  },
  { text: 'MATCH (x)-[r:T {p: $v}]-(y) RETURN r.k, x.k, y.k', plan: /UndirectedRelationshipIndexSeek / },
  {
    text: 'MATCH (x)-[r:T]-(y) WHERE r.p IS NOT NULL RETURN r.k, x.k, y.k',
    plan: /UndirectedRelationshipIndexScan/,
  },
  { text: 'MATCH (x)-[r:T {p: $v}]->(x) RETURN r.k, x.k', plan: /\(x\)-\[r:T\(p\)\]->\(x\)/ },
  { text: 'MATCH (x)-[r:T {p: $v}]-(x) RETURN r.k, x.k', plan: /\(x\)-\[r:T\(p\)\]-\(x\)/ },
  {
    text: 'MATCH (x)-[r:T {p: $v}]->(y)-[s:T]-(z) RETURN r.k, s.k, z.k',
    plan: /DirectedRelationshipIndexSeek/,
  },
  {
    text: 'MATCH (z)<-[s]-(x)-[r:T]-(y:B) WHERE r.p >= $v RETURN r.k, s.k, z.k, y.k',
    plan: /UndirectedRelationshipIndexSeekByRange/,
  },
  {
    text: 'MATCH (w)-[q:T]->(), (x)-[r:T {p: $v}]->(y) RETURN q.k, r.k, w.k',
    plan: /DirectedRelationshipIndexSeek/,
  },
];

function parameters(v: number | undefined, w: number | undefined): CypherMap {
  return { v: v === undefined ? null : (POOL[v] ?? null), w: w === undefined ? null : (POOL[w] ?? null) };
}

describe('index seeks', () => {
  it('plan the expected seek for every template', async () => {
    const db = await graphOf({ nodes: [{ labels: ['A'], a: 0, b: 1 }], rels: [] });
    for (const query of QUERIES) assert.match(db.explain(query.text), query.plan, query.text);
    db.visibility = 'no-indexes';
    for (const query of QUERIES) assert.doesNotMatch(db.explain(query.text), /Index/, query.text);
  });

  it('return exactly the rows of the same queries planned without indexes', async () => {
    await fc.assert(
      fc.asyncProperty(graphSpec, parameter, parameter, async (spec, v, w) => {
        const db = await graphOf(spec);
        for (const query of QUERIES) {
          const { indexed, scanned } = db.bothWays(query.text, parameters(v, w));
          assert.deepEqual(indexed, scanned, `${query.text} with v=${String(v)} w=${String(w)}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('return the same rows for every pair of pool values, on one graph holding all of them', async () => {
    const nodes = POOL.map((_value, index) => ({ labels: ['A'] as ('A' | 'B')[], a: index, b: index }));
    const rels = POOL.map((_value, index) => ({
      from: index,
      to: (index * 7) % POOL.length,
      type: 'T' as const,
      p: index,
    }));
    const db = await graphOf({ nodes, rels });
    const exhaustive = QUERIES.filter((query) => !query.text.includes('$w'));
    for (let v = 0; v < POOL.length; v++) {
      for (const query of exhaustive) {
        const { indexed, scanned } = db.bothWays(query.text, parameters(v, undefined));
        assert.deepEqual(indexed, scanned, `${query.text} with v=${LITERALS[v] ?? ''}`);
      }
    }
  });
});
