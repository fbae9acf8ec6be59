import type { ExpandCursor } from '../../storage/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { MemoryScope } from '../runtime/memory-scope.js';
import { ABSENT, NodeEntryMap } from './shortest-path-node-map.js';
import type { StepRules } from './shortest-path-rules.js';

/** Judges a complete candidate path (node refs and relationship ids, start to end): true keeps it. */
export type PathJudge = (nodes: readonly number[], relationships: readonly number[]) => boolean;

/** Estimated bytes of one trail (three int32 slots, arrays at most half empty after growth). */
const TRAIL_BYTES = 24;
const CHARGE_BATCH = 256;
const INTERRUPT_INTERVAL = 4096;
const ACCEPTED = 1;
const REJECTED = 0;

/**
 * The exhaustive search, for what the bidirectional one cannot decide: a path predicate that needs whole
 * paths (`WHERE length(p) > 2`, `any(…)`), or a minimum length above 1. Breadth-first over trails (walks
 * without a repeated relationship; nodes may repeat) from `from`, level by level, so the first level with
 * a candidate that ends at `to`, is at least `min` long and that `judge` keeps is the shortest: its first
 * path ends the search, or (allShortestPaths) every kept path of that level. Step rules prune as the trails
 * grow. A trail is one entry (parent trail, relationship, node) in typed arrays; candidate paths are
 * spelled out only for `judge`. Exponential in the worst case, as it is in Neo4j.
 */
export class ExhaustiveSearch {
  private parents = new Int32Array(256);
  private relationships = new Int32Array(256);
  private nodes = new Int32Array(256);
  private count = 0;
  private cursor: ExpandCursor | undefined;
  private readonly judged = new NodeEntryMap();

  /** Runs one search; `judge` sees the candidates in breadth-first order. */
  run(
    context: ExecutionContext,
    memory: MemoryScope,
    rules: StepRules,
    from: number,
    to: number,
    min: number,
    max: number,
    all: boolean,
    judge: PathJudge,
  ): void {
    const { tx } = context;
    this.count = 0;
    this.judged.clear();
    this.push(-1, -1, from);
    let charged = 0;
    let reads = 0;
    let levelStart = 0;
    for (let depth = 1; depth <= max && levelStart < this.count; depth++) {
      context.checkInterrupt();
      const levelEnd = this.count;
      let found = false;
      for (let trail = levelStart; trail < levelEnd; trail++) {
        const node = this.nodes[trail] ?? -1;
        const cursor = tx.expand(node, rules.direction, rules.types, 'NEW', this.cursor);
        this.cursor = cursor;
        for (let relationship = cursor.next(); relationship !== -1; relationship = cursor.next()) {
          if (++reads === INTERRUPT_INTERVAL) {
            reads = 0;
            context.checkInterrupt();
          }
          const next = cursor.otherNode;
          if (this.onTrail(trail, relationship)) continue;
          if (rules.filtersRelationships && !rules.acceptsRelationship(relationship, node, next)) continue;
          if (rules.filtersNodes && !this.nodeAccepted(rules, next)) continue;
          const added = this.push(trail, relationship, next);
          if (memory.isTracking && this.count * TRAIL_BYTES - charged >= CHARGE_BATCH * TRAIL_BYTES) {
            memory.allocate(this.count * TRAIL_BYTES - charged);
            charged = this.count * TRAIL_BYTES;
          }
          if (next !== to || depth < min) continue;
          if (!this.judgeTrail(added, judge)) continue;
          if (!all) return;
          found = true;
        }
      }
      if (found) return;
      levelStart = levelEnd;
    }
  }

  private push(parent: number, relationship: number, node: number): number {
    const trail = this.count++;
    if (trail === this.nodes.length) {
      this.parents = grow(this.parents);
      this.relationships = grow(this.relationships);
      this.nodes = grow(this.nodes);
    }
    this.parents[trail] = parent;
    this.relationships[trail] = relationship;
    this.nodes[trail] = node;
    return trail;
  }

  /** Whether `relationship` is already on the trail ending at `trail` (relationship uniqueness). */
  private onTrail(trail: number, relationship: number): boolean {
    for (let at = trail; at > 0; at = this.parents[at] ?? 0) {
      if (this.relationships[at] === relationship) return true;
    }
    return false;
  }

  private nodeAccepted(rules: StepRules, node: number): boolean {
    const known = this.judged.get(node);
    if (known !== ABSENT) return known === ACCEPTED;
    const accepted = rules.acceptsNode(node);
    this.judged.set(node, accepted ? ACCEPTED : REJECTED);
    return accepted;
  }

  private judgeTrail(trail: number, judge: PathJudge): boolean {
    const nodes: number[] = [];
    const relationships: number[] = [];
    for (let at = trail; at > 0; at = this.parents[at] ?? 0) {
      nodes.push(this.nodes[at] ?? -1);
      relationships.push(this.relationships[at] ?? -1);
    }
    nodes.push(this.nodes[0] ?? -1);
    return judge(nodes.reverse(), relationships.reverse());
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
