import type { Direction, ListSide } from '../../graph/adjacency.js';
import type { View } from '../../mvcc/view.js';
import type { Snapshot } from '../../mvcc/visibility.js';
import type { GraphState } from '../graph-state.js';
import { isRelationshipVisible } from '../relationship-reads.js';

/**
 * Expand: the visible relationships of one node in a direction, optionally restricted to some types, with
 * the node at the other end. It reads only the lists of the wanted direction and types, so its cost is the
 * number of matching relationships (plus the number of distinct types at the node). A self-loop is returned
 * once for BOTH. After `next()` returned a relationship id, `otherNode`, `type` and `isOutgoing` describe it.
 *
 * A cursor can be re-aimed with `reset` to avoid allocating one per input row.
 */
export class ExpandCursor {
  private readonly state: GraphState;
  private readonly tx: Snapshot;
  private node = -1;
  private types: readonly number[] | undefined;
  private view: View = 'NEW';
  private lastSide: ListSide = 0;
  private both = false;
  private side: ListSide = 0;
  private header = -1;
  private position = 0;
  /** The last relationship returned from the current header: where to resume after a compaction. */
  private lastReturned = -1;
  private epoch = 0;
  /** The neighbour at the other end of the last relationship returned. */
  otherNode = -1;
  /** The type token of the last relationship returned. */
  type = -1;
  /** Whether the last relationship returned leaves the node (`(node)-[r]->(otherNode)`). */
  isOutgoing = true;

  constructor(state: GraphState, tx: Snapshot) {
    this.state = state;
    this.tx = tx;
  }

  /** Aims the cursor at `node`'s relationships in `direction` with one of `types` (all types if undefined). */
  reset(node: number, direction: Direction, types: readonly number[] | undefined, view: View): this {
    this.node = node;
    this.types = types;
    this.view = view;
    this.side = direction === 'INCOMING' ? 1 : 0;
    this.lastSide = direction === 'OUTGOING' ? 0 : 1;
    this.both = direction === 'BOTH';
    this.header = this.state.adjacency.firstHeader(node, this.side);
    this.position = 0;
    this.lastReturned = -1;
    this.epoch = this.state.adjacency.epoch;
    return this;
  }

  /** The next visible relationship id, or -1. */
  next(): number {
    const adjacency = this.state.adjacency;
    const { relationships } = this.state;
    if (this.epoch !== adjacency.epoch) this.relocate();
    for (;;) {
      const header = this.header;
      if (header === -1) {
        if (this.side === this.lastSide) return -1;
        this.side = 1;
        this.header = adjacency.firstHeader(this.node, 1);
        this.position = 0;
        this.lastReturned = -1;
        continue;
      }
      const type = adjacency.headerType[header] ?? 0;
      if (this.types !== undefined && !this.types.includes(type)) {
        this.nextHeader();
        continue;
      }
      // Re-read the block each time: appends may have moved it (never the entries' order).
      const page = adjacency.pageOfHeader(header);
      const offset = adjacency.headerOffset[header] ?? 0;
      const length = adjacency.headerLength[header] ?? 0;
      while (this.position < length) {
        const slot = offset + this.position * 2;
        this.position++;
        const relationship = page[slot] ?? 0;
        const other = page[slot + 1] ?? 0;
        // A self-loop sits in both lists; BOTH returns it from the outgoing one only.
        if (this.both && this.side === 1 && other === this.node) continue;
        const visible =
          relationships.deltas[relationship] === undefined
            ? relationships.deleted[relationship] === 0
            : isRelationshipVisible(this.state, this.tx, relationship, this.view);
        if (!visible) continue;
        this.lastReturned = relationship;
        this.otherNode = other;
        this.type = type;
        this.isOutgoing = this.side === 0;
        return relationship;
      }
      this.nextHeader();
    }
  }

  private nextHeader(): void {
    this.header = this.state.adjacency.headerNext[this.header] ?? -1;
    this.position = 0;
    this.lastReturned = -1;
  }

  /** After a compaction, finds the position after the last relationship returned from this header. */
  private relocate(): void {
    const adjacency = this.state.adjacency;
    this.epoch = adjacency.epoch;
    if (this.header === -1) return;
    this.position = 0;
    if (this.lastReturned === -1) return;
    const page = adjacency.pageOfHeader(this.header);
    const offset = adjacency.headerOffset[this.header] ?? 0;
    const length = adjacency.headerLength[this.header] ?? 0;
    for (let index = 0; index < length; index++) {
      if (page[offset + index * 2] === this.lastReturned) {
        this.position = index + 1;
        return;
      }
    }
  }
}
