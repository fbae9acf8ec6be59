/**
 * Total orders for NODE, RELATIONSHIP and PATH (ORDER BY only: `<` on them is null in Neo4j). Entities are
 * ordered and identified by id; paths element by element (start node, then each relationship and node),
 * a path that is a prefix of another sorting first.
 */
import type { Node } from '../graph/node.js';
import type { Path } from '../graph/path.js';
import type { Relationship } from '../graph/relationship.js';
import { compareBigInts } from './compare-numbers.js';

export function orderNodes(a: Node, b: Node): number {
  return compareBigInts(a.id, b.id);
}

export function orderRelationships(a: Relationship, b: Relationship): number {
  return compareBigInts(a.id, b.id);
}

export function orderPaths(a: Path, b: Path): number {
  const byStart = orderNodes(a.start, b.start);
  if (byStart !== 0) return byStart;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    // The indices exist by the path invariant; `?? 0n` only satisfies the type checker.
    const order =
      compareBigInts(a.relationships[index]?.id ?? 0n, b.relationships[index]?.id ?? 0n) ||
      compareBigInts(a.nodes[index + 1]?.id ?? 0n, b.nodes[index + 1]?.id ?? 0n);
    if (order !== 0) return order;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
