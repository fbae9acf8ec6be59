import fc from 'fast-check';
import { Node, Path, Relationship } from '../../values/index.js';

/**
 * Test-only: paths that revisit nodes, loop on themselves and traverse the same relationship again, in
 * either direction. The shared arbitraries of test/support/value-arbitraries.ts build simple paths; these
 * are the cases the de-duplicated Path encoding (nodes and rels listed once, indices pointing back) must get
 * right.
 */
export const revisitingPath: fc.Arbitrary<Path> = fc
  .record({
    pool: fc.uniqueArray(fc.bigInt({ min: 0n, max: 50n }), { minLength: 1, maxLength: 4 }),
    walk: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    forwards: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ pool, walk, forwards }) => {
    const nodes = pool.map((id) => new Node({ id, labels: ['N'], elementId: `n${id}` }));
    const first = nodes[0] ?? new Node({ id: 0n });
    const sequence = walk.map((index) => nodes[index % nodes.length] ?? first);
    const byPair = new Map<string, Relationship>();
    const relationships = sequence.slice(1).map((to, hop) => {
      const from = sequence[hop] ?? first;
      const key = [from.id, to.id].sort().join('-');
      let relationship = byPair.get(key);
      if (relationship === undefined) {
        const [start, end] = forwards[hop] === true ? [from, to] : [to, from];
        relationship = new Relationship({
          id: BigInt(1000 + byPair.size),
          elementId: `r${byPair.size}`,
          startNodeId: start.id,
          startNodeElementId: start.elementId,
          endNodeId: end.id,
          endNodeElementId: end.elementId,
          type: 'T',
        });
        byPair.set(key, relationship);
      }
      return relationship;
    });
    return new Path(sequence, relationships);
  });

/**
 * The path as a database produces it: one id is one entity. The shared `pathValue()` arbitrary may give a
 * node id two different snapshots, or one relationship id to hops between different nodes (fine for value
 * semantics, impossible in a result); Bolt lists each id once, so such paths cannot survive the trip. Here
 * every node id keeps its first snapshot, a relationship id reused for other endpoints gets a fresh
 * (negative) id, and relationships name their endpoints' element ids.
 */
export function asStoredPath(path: Path): Path {
  const nodesById = new Map<bigint, Node>();
  const nodes = path.nodes.map((node) => {
    const known = nodesById.get(node.id) ?? node;
    nodesById.set(node.id, known);
    return known;
  });
  const relationshipsById = new Map<bigint, Relationship>();
  let freshId = -1n;
  const relationships = path.relationships.map((relationship, hop) => {
    const from = nodes[hop]?.id;
    const to = nodes[hop + 1]?.id;
    let id = relationship.id;
    const known = relationshipsById.get(id);
    if (known !== undefined) {
      const joins =
        (known.startNodeId === from && known.endNodeId === to) ||
        (known.startNodeId === to && known.endNodeId === from);
      if (joins) return known;
      id = freshId--;
    }
    const { startNodeId, endNodeId, type, properties } = relationship;
    const bound = new Relationship({
      id,
      elementId: `${relationship.elementId}:${id}`,
      startNodeId,
      endNodeId,
      type,
      properties,
      startNodeElementId: nodesById.get(startNodeId)?.elementId ?? String(startNodeId),
      endNodeElementId: nodesById.get(endNodeId)?.elementId ?? String(endNodeId),
    });
    relationshipsById.set(id, bound);
    return bound;
  });
  return new Path(nodes, relationships);
}
