import type { ExpandCursor } from '../../storage/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { MemoryScope } from '../runtime/memory-scope.js';
import { reverseDirection, type StepRules } from './shortest-path-rules.js';
import { ABSENT } from './shortest-path-node-map.js';
import { forEachChain, SearchSide } from './shortest-path-side.js';

/** Receives one path as node refs and relationship ids, start to end; returns true to stop the search. */
export type PathSink = (nodes: readonly number[], relationships: readonly number[]) => boolean;

/** Relationships read between two interrupt checks. */
const INTERRUPT_INTERVAL = 4096;

/**
 * Bidirectional breadth-first search for the shortest paths from `from` to `to` (different nodes) of at
 * most `max` relationships, all of whose nodes and relationships satisfy `rules`. Each round expands
 * by one level the side with the smaller frontier: the forward side along the pattern's direction from
 * `from`, the backward side against it from `to`. Every node is visited at most once per side, at its
 * distance from that side's root, so the paths found are simple (hence relationship-unique). When a
 * level reaches a node the other side holds, no shorter path exists (the sides met nowhere before) and
 * every meeting of that level has the same total length; for allShortestPaths the level is completed,
 * keeping every predecessor link of the level's nodes, and all combinations of chains are emitted.
 */
export class BidirectionalSearch {
  private readonly forward = new SearchSide();
  private readonly backward = new SearchSide();
  private cursor: ExpandCursor | undefined;
  private readonly nodes: number[] = [];
  private readonly relationships: number[] = [];
  private readonly tail: number[] = [];
  private readonly tailRelationships: number[] = [];

  /** Runs one search, passing the shortest paths to `sink` (one, or all when `all`). */
  run(
    context: ExecutionContext,
    memory: MemoryScope,
    rules: StepRules,
    from: number,
    to: number,
    max: number,
    all: boolean,
    sink: PathSink,
  ): void {
    const forward = this.forward;
    const backward = this.backward;
    forward.reset(from, rules.direction, memory);
    backward.reset(to, reverseDirection(rules.direction), memory);
    // Meetings of the level that found them: pairs (forward entry, backward entry).
    const meetings: number[] = [];
    while (forward.depth + backward.depth < max) {
      if (forward.frontierSize === 0 || backward.frontierSize === 0) return;
      context.checkInterrupt();
      const forwardTurn = forward.frontierSize <= backward.frontierSize;
      const side = forwardTurn ? forward : backward;
      const other = forwardTurn ? backward : forward;
      this.expandLevel(context, rules, side, other, all, meetings, forwardTurn);
      if (meetings.length > 0) {
        this.emitMeetings(meetings, sink);
        return;
      }
    }
  }

  private expandLevel(
    context: ExecutionContext,
    rules: StepRules,
    side: SearchSide,
    other: SearchSide,
    all: boolean,
    meetings: number[],
    forwardTurn: boolean,
  ): void {
    const { tx } = context;
    const levelStart = side.entryCount;
    const { frontierEnd, direction } = side;
    const { types, filtersRelationships, filtersNodes } = rules;
    let reads = 0;
    for (let entry = side.frontierStart; entry < frontierEnd; entry++) {
      const node = side.nodes[entry] ?? -1;
      const cursor = tx.expand(node, direction, types, 'NEW', this.cursor);
      this.cursor = cursor;
      for (let relationship = cursor.next(); relationship !== -1; relationship = cursor.next()) {
        if (++reads === INTERRUPT_INTERVAL) {
          reads = 0;
          context.checkInterrupt();
        }
        const next = cursor.otherNode;
        const seen = side.entryOf(next);
        // Reached at an earlier level (or rejected): not on a shortest path through here.
        if (seen !== ABSENT && (seen < levelStart || !all)) continue;
        if (filtersRelationships && !rules.acceptsRelationship(relationship, node, next)) continue;
        if (seen !== ABSENT) {
          side.link(seen, entry, relationship);
          continue;
        }
        if (filtersNodes && !rules.acceptsNode(next)) {
          side.reject(next);
          continue;
        }
        const added = side.add(next);
        side.link(added, entry, relationship);
        const met = other.entryOf(next);
        if (met < 0) continue;
        if (forwardTurn) meetings.push(added, met);
        else meetings.push(met, added);
        if (!all) {
          side.advance(levelStart);
          return;
        }
      }
    }
    side.advance(levelStart);
  }

  private emitMeetings(meetings: readonly number[], sink: PathSink): void {
    const { nodes, relationships, tail, tailRelationships } = this;
    for (let index = 0; index < meetings.length; index += 2) {
      const forwardEntry = meetings[index] ?? -1;
      const backwardEntry = meetings[index + 1] ?? -1;
      const stop = forEachChain(this.forward, forwardEntry, nodes, relationships, () =>
        forEachChain(this.backward, backwardEntry, tail, tailRelationships, () => {
          // nodes: meeting..from, tail: meeting..to; the path is from..meeting..to.
          const pathNodes = nodes.slice().reverse();
          for (let at = 1; at < tail.length; at++) pathNodes.push(tail[at] ?? -1);
          const pathRelationships = relationships.slice().reverse();
          for (const relationship of tailRelationships) pathRelationships.push(relationship);
          return sink(pathNodes, pathRelationships);
        }),
      );
      if (stop) return;
    }
  }
}
