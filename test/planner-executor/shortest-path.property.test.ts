import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TestDatabase } from './harness.js';
import {
  referenceShortest,
  type RefDirection,
  type RefGraph,
  type RefNode,
  type RefPath,
  type RefRelationship,
} from './shortest-path-reference.js';

/** A WHERE condition on the path, in Cypher and as the reference checks it (t is `$t`). */
interface PredicateCase {
  readonly name: string;
  readonly cypher: string;
  /** Uses the relationship list variable `r`. */
  readonly needsList?: boolean;
  readonly relationshipOk?: (relationship: RefRelationship, t: number) => boolean;
  readonly nodeOk?: (node: RefNode) => boolean;
  readonly pathOk?: (path: RefPath, graph: RefGraph, t: number) => boolean;
}

const weights = (path: RefPath, graph: RefGraph): number[] =>
  path.relationships.map((id) => graph.relationships.find((rel) => rel.id === id)?.w ?? 0);
const badness = (path: RefPath, graph: RefGraph): (boolean | null)[] =>
  path.nodes.map((i) => graph.nodes.find((node) => node.i === i)?.bad ?? null);

const PREDICATES: readonly PredicateCase[] = [
  { name: 'none', cypher: '' },
  {
    name: 'all relationships (step)',
    cypher: 'all(x IN relationships(p) WHERE x.w >= $t)',
    relationshipOk: (rel, t) => rel.w >= t,
  },
  {
    name: 'none of the relationships (step)',
    cypher: 'none(x IN relationships(p) WHERE x.w = $t)',
    relationshipOk: (rel, t) => rel.w !== t,
  },
  {
    name: 'none of the nodes (step)',
    cypher: 'none(n IN nodes(p) WHERE n.bad)',
    nodeOk: (n) => n.bad === false,
  },
  {
    name: 'all nodes (step)',
    cypher: 'all(n IN nodes(p) WHERE n.bad = false)',
    nodeOk: (n) => n.bad === false,
  },
  {
    name: 'all of the list variable (step)',
    cypher: 'all(x IN r WHERE x.w <> $t)',
    needsList: true,
    relationshipOk: (rel, t) => rel.w !== t,
  },
  {
    name: 'any relationship (whole)',
    cypher: 'any(x IN relationships(p) WHERE x.w = $t)',
    pathOk: (path, graph, t) => weights(path, graph).includes(t),
  },
  {
    name: 'length (whole)',
    cypher: 'length(p) >= 2',
    pathOk: (path) => path.relationships.length >= 2,
  },
  {
    name: 'a comprehension over nodes (whole)',
    cypher: 'size([n IN nodes(p) WHERE n.bad]) = 0',
    pathOk: (path, graph) => !badness(path, graph).includes(true),
  },
  {
    name: 'a step and a whole conjunct',
    cypher: 'all(x IN relationships(p) WHERE x.w >= $t) AND single(x IN relationships(p) WHERE x.w = 3)',
    relationshipOk: (rel, t) => rel.w >= t,
    pathOk: (path, graph) => weights(path, graph).filter((w) => w === 3).length === 1,
  },
  {
    name: 'a step predicate naming the path inside (whole)',
    cypher: 'all(x IN relationships(p) WHERE x.w <= length(p))',
    pathOk: (path, graph) => weights(path, graph).every((w) => w <= path.relationships.length),
  },
];

const LENGTHS = [
  { text: '', min: 1, max: 1 },
  { text: '*', min: 1, max: undefined },
  { text: '*..2', min: 1, max: 2 },
  { text: '*0..2', min: 0, max: 2 },
  { text: '*1..3', min: 1, max: 3 },
  { text: '*2..3', min: 2, max: 3 },
  { text: '*0..', min: 0, max: undefined },
  { text: '*2', min: 2, max: 2 },
] as const;

const DIRECTIONS = [
  { direction: 'OUTGOING', left: '-', right: '->' },
  { direction: 'INCOMING', left: '<-', right: '-' },
  { direction: 'BOTH', left: '-', right: '-' },
] as const satisfies readonly { direction: RefDirection; left: string; right: string }[];

const TYPES: readonly (readonly string[])[] = [[], ['A'], ['A', 'B']];

function distinctPair(size: number): fc.Arbitrary<readonly [number, number]> {
  return fc
    .noBias(fc.tuple(fc.nat(size - 1), fc.nat(size - 2)))
    .map(([from, other]) => [from, other >= from ? other + 1 : other] as const);
}

const graphArbitrary = fc.integer({ min: 2, max: 7 }).chain((size) =>
  fc.record({
    bad: fc.array(fc.noBias(fc.constantFrom(false, false, true, null)), { minLength: size, maxLength: size }),
    relationships: fc.array(
      // Unbiased, or most relationships would be loops on node 0.
      fc.noBias(
        fc.record({
          ends: fc.oneof(
            { arbitrary: fc.nat(size - 1).map((i) => [i, i] as const), weight: 1 },
            { arbitrary: distinctPair(size), weight: 6 },
          ),
          type: fc.constantFrom<'A' | 'B'>('A', 'B'),
          w: fc.integer({ min: 1, max: 3 }),
        }),
      ),
      // Dense enough that most end pairs are connected, small enough for the brute force.
      { minLength: size, maxLength: Math.min(10, size + 4) },
    ),
    // Four pairs of different nodes and one node with itself.
    ends: fc.tuple(
      distinctPair(size),
      distinctPair(size),
      distinctPair(size),
      distinctPair(size),
      fc.nat(size - 1).map((i) => [i, i] as const),
    ),
  }),
);

const queryArbitrary = fc.record({
  predicate: fc.nat(PREDICATES.length - 1),
  length: fc.nat(LENGTHS.length - 1),
  direction: fc.nat(DIRECTIONS.length - 1),
  types: fc.nat(TYPES.length - 1),
  // Mostly no property map: one that keeps a third of the relationships leaves few paths.
  w: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 },
  ),
  t: fc.integer({ min: 1, max: 3 }),
  named: fc.boolean(),
});

async function load(graph: RefGraph): Promise<TestDatabase> {
  const db = new TestDatabase();
  const nodes = graph.nodes.map((node) => ({ i: BigInt(node.i), bad: node.bad }));
  await db.run('UNWIND $nodes AS n CREATE (:N {i: n.i, bad: n.bad})', { nodes });
  for (const type of ['A', 'B']) {
    const relationships = graph.relationships
      .filter((rel) => rel.type === type)
      .map((rel) => ({ id: BigInt(rel.id), s: BigInt(rel.start), e: BigInt(rel.end), w: BigInt(rel.w) }));
    await db.run(
      `UNWIND $rels AS r MATCH (a:N {i: r.s}), (b:N {i: r.e}) CREATE (a)-[:${type} {id: r.id, w: r.w}]->(b)`,
      { rels: relationships },
    );
  }
  return db;
}

function toPath(row: unknown[]): RefPath {
  const [relationships, nodes] = row as [bigint[], bigint[]];
  return { relationships: relationships.map(Number), nodes: nodes.map(Number) };
}

describe('shortestPath against a brute-force reference on random small graphs', () => {
  it('finds a shortest and all shortest paths with directions, types, bounds and path predicates', async () => {
    await fc.assert(
      fc.asyncProperty(graphArbitrary, queryArbitrary, async (generated, query) => {
        const graph: RefGraph = {
          nodes: generated.bad.map((bad, i) => ({ i, bad })),
          relationships: generated.relationships.map(({ ends: [start, end], type, w }, id) => ({
            id,
            start,
            end,
            type,
            w,
          })),
        };
        const db = await load(graph);
        const predicate = PREDICATES[query.predicate] ?? { name: 'none', cypher: '' };
        const length = LENGTHS[query.length] ?? LENGTHS[1];
        const direction = DIRECTIONS[query.direction] ?? DIRECTIONS[0];
        const types = TYPES[query.types] ?? [];
        const named = query.named || predicate.needsList === true;
        const detail =
          (named ? 'r' : '') +
          (types.length > 0 ? `:${types.join('|')}` : '') +
          length.text +
          (query.w === null ? '' : ' {w: $w}');
        const where = predicate.cypher === '' ? '' : ` WHERE ${predicate.cypher}`;
        for (const all of [false, true]) {
          const text =
            `MATCH (a:N {i: $from}), (b:N {i: $to}) MATCH p = ${all ? 'allShortestPaths' : 'shortestPath'}` +
            `((a)${direction.left}[${detail}]${direction.right}(b))${where} ` +
            'RETURN [x IN relationships(p) | x.id] AS rels, [x IN nodes(p) | x.i] AS nodes';
          for (const [from, to] of generated.ends) {
            const parameters = {
              from: BigInt(from),
              to: BigInt(to),
              t: BigInt(query.t),
              w: BigInt(query.w ?? 0),
            };
            const { rows } = await db.run(text, parameters);
            const expected = referenceShortest(graph, {
              from,
              to,
              direction: direction.direction,
              types,
              min: length.min,
              max: length.max,
              w: query.w ?? undefined,
              relationshipOk: (rel) => predicate.relationshipOk?.(rel, query.t) ?? true,
              nodeOk: (node) => predicate.nodeOk?.(node) ?? true,
              pathOk: (path, g) => predicate.pathOk?.(path, g, query.t) ?? true,
            });
            const paths = rows.map(toPath);
            const context = `${text} ${JSON.stringify({ from, to, t: query.t, w: query.w })}`;
            if (all) {
              assert.deepEqual(
                paths.map((path) => path.relationships.join(',')).sort(),
                [...expected.keys()].sort(),
                context,
              );
            } else {
              assert.equal(paths.length, Math.min(expected.size, 1), context);
            }
            for (const path of paths) {
              assert.deepEqual(expected.get(path.relationships.join(',')), path, context);
            }
          }
        }
      }),
      { numRuns: 200, seed: 4242 },
    );
  });
});
