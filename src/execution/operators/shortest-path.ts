import type { ShortestPathOp } from '../../planner/index.js';
import type { ExpandCursor } from '../../storage/index.js';
import { equals, isCypherMap, Path, type CypherValue } from '../../values/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { ExecutionContext } from '../runtime/context.js';
import { MemoryScope } from '../runtime/memory-scope.js';
import type { MemoryTracker } from '../runtime/memory-tracker.js';
import type { Row } from '../runtime/row.js';
import { nodeRef } from './entity-refs.js';
import type { BuildContext, Operator } from './operator.js';
import { StreamCursor } from './stream-cursor.js';
import { TypeTokens } from './type-tokens.js';

interface Trail {
  readonly nodes: readonly number[];
  readonly rels: readonly number[];
}

/**
 * shortestPath / allShortestPaths between two bound nodes: a breadth-first search over trails, level by
 * level, so the first level holding an acceptable path (properties and path predicate satisfied) gives the
 * result: its first path, or all of its paths. Nodes already reached at an earlier level are not revisited
 * when no predicate needs the whole path.
 */
class ShortestPathCursor extends StreamCursor {
  private readonly plan: ShortestPathOp;
  private readonly context: ExecutionContext;
  private readonly types: TypeTokens;
  private readonly properties: Evaluator | undefined;
  private readonly predicate: Evaluator | undefined;
  private results: Row[] = [];
  private index = 0;
  /** The breadth-first frontier of one search; released when the search ends. */
  private readonly memory: MemoryScope;

  constructor(
    input: StreamCursor['input'],
    plan: ShortestPathOp,
    context: ExecutionContext,
    properties: Evaluator | undefined,
    predicate: Evaluator | undefined,
    memory: MemoryTracker,
  ) {
    super(input);
    this.memory = new MemoryScope(memory);
    this.plan = plan;
    this.context = context;
    this.types = new TypeTokens(plan.types, context.tokens.relationshipTypes);
    this.properties = properties;
    this.predicate = predicate;
  }

  protected begin(row: Row): void {
    this.results = [];
    this.index = 0;
    const from = nodeRef(row[this.plan.from]);
    const to = nodeRef(row[this.plan.to]);
    if (from === undefined || to === undefined) return;
    try {
      this.results = this.search(row, from, to);
    } finally {
      this.memory.releaseAll();
    }
  }

  protected produce(): Row | null {
    return this.results[this.index++] ?? null;
  }

  private required(row: Row): [number, CypherValue][] | undefined {
    if (this.properties === undefined) return [];
    const map = this.properties(row, this.context);
    if (!isCypherMap(map)) return [];
    const required: [number, CypherValue][] = [];
    for (const key of Object.keys(map)) {
      const token = this.context.tokens.propertyKeys.idOf(key);
      if (token === undefined) return undefined;
      required.push([token, map[key] ?? null]);
    }
    return required;
  }

  private search(row: Row, from: number, to: number): Row[] {
    const { tx } = this.context;
    const plan = this.plan;
    const types = this.types.get();
    const required = this.required(row);
    if (types?.length === 0 || required === undefined) return [];
    const pruneVisited = this.predicate === undefined;
    const visited = new Map<number, number>([[from, 0]]);
    const start: Trail = { nodes: [from], rels: [] };
    let level: Trail[] = [start];
    const found: Row[] = [];
    if (plan.min === 0 && from === to) {
      const out = this.accept(row, start);
      if (out !== undefined) return [out];
    }
    for (let depth = 1; plan.max === undefined || depth <= plan.max; depth++) {
      const next: Trail[] = [];
      let cursor: ExpandCursor | undefined;
      for (const trail of level) {
        const end = trail.nodes[trail.nodes.length - 1] ?? -1;
        cursor = tx.expand(end, plan.direction, types, 'NEW', cursor);
        for (let rel = cursor.next(); rel !== -1; rel = cursor.next()) {
          if (trail.rels.includes(rel)) continue;
          if (
            !required.every(
              ([key, value]) => equals(tx.relationshipProperty(rel, key, 'NEW') ?? null, value) === true,
            )
          )
            continue;
          const other = cursor.otherNode;
          const seen = visited.get(other);
          if (pruneVisited && seen !== undefined && seen < depth) continue;
          visited.set(other, depth);
          const extended = { nodes: [...trail.nodes, other], rels: [...trail.rels, rel] };
          // The trail object, its two arrays (depth + 1 and depth slots) and a visited-map entry.
          if (this.memory.isTracking) this.memory.allocate(144 + 16 * depth);
          if (other === to && depth >= plan.min) {
            const out = this.accept(row, extended);
            if (out !== undefined) {
              found.push(out);
              if (!plan.all) return found;
            }
          }
          next.push(extended);
        }
      }
      if (found.length > 0 || next.length === 0) return found;
      this.context.checkInterrupt();
      level = next;
    }
    return found;
  }

  private accept(row: Row, trail: Trail): Row | undefined {
    const entities = this.context.entities;
    const out = row.slice();
    const rels = trail.rels.map((id) => entities.relationship(id));
    out[this.plan.relationship] = rels;
    out[this.plan.path] = new Path(
      trail.nodes.map((id) => entities.node(id)),
      rels,
    );
    if (this.predicate !== undefined && this.predicate(out, this.context) !== true) return undefined;
    return out;
  }
}

export function buildShortestPath(plan: ShortestPathOp, build: BuildContext): Operator {
  const source = build.build(plan.source);
  const properties = plan.properties === undefined ? undefined : build.compile(plan.properties);
  const predicate = plan.predicate === undefined ? undefined : build.compile(plan.predicate);
  return {
    open: (argument) =>
      new ShortestPathCursor(source.open(argument), plan, build.context, properties, predicate, build.memory),
  };
}
