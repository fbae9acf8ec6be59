/**
 * A brute-force reference for shortestPath / allShortestPaths on small graphs: the trails (walks without a
 * repeated relationship) from the start node are enumerated depth-first, one length at a time from the
 * minimum up; the first length with trails that end at the end node and satisfy the predicates gives the
 * answer, all of them.
 * Equal end nodes give only the zero-length path (when min is 0), as the operator documents.
 */

export interface RefNode {
  readonly i: number;
  /** `n.bad`: null when the property is missing. */
  readonly bad: boolean | null;
}

export interface RefRelationship {
  readonly id: number;
  readonly type: 'A' | 'B';
  readonly start: number;
  readonly end: number;
  readonly w: number;
}

export interface RefGraph {
  readonly nodes: readonly RefNode[];
  readonly relationships: readonly RefRelationship[];
}

export type RefDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** A path as the reference sees it: node `i`s and relationship ids, start to end. */
export interface RefPath {
  readonly nodes: readonly number[];
  readonly relationships: readonly number[];
}

export interface RefQuery {
  readonly from: number;
  readonly to: number;
  readonly direction: RefDirection;
  /** Allowed types; empty = any. */
  readonly types: readonly string[];
  readonly min: number;
  readonly max: number | undefined;
  /** `{w: value}` on the relationship pattern. */
  readonly w: number | undefined;
  /** Per-relationship and per-node conditions, and one on the whole path. */
  readonly relationshipOk: (relationship: RefRelationship) => boolean;
  readonly nodeOk: (node: RefNode) => boolean;
  readonly pathOk: (path: RefPath, graph: RefGraph) => boolean;
}

/** The shortest matching paths, keyed by their relationship ids joined with commas. */
export function referenceShortest(graph: RefGraph, query: RefQuery): Map<string, RefPath> {
  const found = new Map<string, RefPath>();
  const nodeOf = (i: number): RefNode | undefined => graph.nodes.find((node) => node.i === i);
  const fromNode = nodeOf(query.from);
  const toNode = nodeOf(query.to);
  if (fromNode === undefined || toNode === undefined) return found;
  if (!query.nodeOk(fromNode) || !query.nodeOk(toNode)) return found;
  if (query.from === query.to) {
    const zero: RefPath = { nodes: [query.from], relationships: [] };
    if (query.min === 0 && query.pathOk(zero, graph)) found.set('', zero);
    return found;
  }
  const limit = Math.min(query.max ?? Number.POSITIVE_INFINITY, graph.relationships.length);
  const nodes = [query.from];
  const relationships: number[] = [];
  // Iterative deepening: all trails of exactly `length` relationships, shortest lengths first.
  const walk = (current: number, length: number): void => {
    if (relationships.length === length) {
      const path = { nodes: [...nodes], relationships: [...relationships] };
      if (current === query.to && query.pathOk(path, graph)) found.set(relationships.join(','), path);
      return;
    }
    for (const relationship of graph.relationships) {
      if (relationships.includes(relationship.id) || !stepAllowed(relationship, query)) continue;
      for (const next of neighbours(relationship, current, query.direction)) {
        const nextNode = nodeOf(next);
        if (nextNode === undefined || !query.nodeOk(nextNode)) continue;
        nodes.push(next);
        relationships.push(relationship.id);
        walk(next, length);
        nodes.pop();
        relationships.pop();
      }
    }
  };
  for (let length = Math.max(query.min, 1); length <= limit && found.size === 0; length++)
    walk(query.from, length);
  return found;
}

function stepAllowed(relationship: RefRelationship, query: RefQuery): boolean {
  if (query.types.length > 0 && !query.types.includes(relationship.type)) return false;
  if (query.w !== undefined && relationship.w !== query.w) return false;
  return query.relationshipOk(relationship);
}

/** Where `relationship` leads from `current` in `direction` (a self-loop once, also for BOTH). */
function neighbours(relationship: RefRelationship, current: number, direction: RefDirection): number[] {
  const { start, end } = relationship;
  if (start === end) return start === current ? [start] : [];
  const out: number[] = [];
  if (direction !== 'INCOMING' && start === current) out.push(end);
  if (direction !== 'OUTGOING' && end === current) out.push(start);
  return out;
}
