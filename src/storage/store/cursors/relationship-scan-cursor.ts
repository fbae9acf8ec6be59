import type { View } from '../../mvcc/view.js';
import type { Snapshot } from '../../mvcc/visibility.js';
import type { GraphState } from '../graph-state.js';
import { isRelationshipVisible } from '../relationship-reads.js';

/** A pull cursor over relationship ids: `next()` returns the next visible id, or -1 (see `NodeCursor`). */
export interface RelationshipCursor {
  next(): number;
}

/** Every visible relationship, in id order (undirected all-relationships scans). */
export class AllRelationshipsCursor implements RelationshipCursor {
  private readonly state: GraphState;
  private readonly tx: Snapshot;
  private readonly view: View;
  private position = 0;

  constructor(state: GraphState, tx: Snapshot, view: View) {
    this.state = state;
    this.tx = tx;
    this.view = view;
  }

  next(): number {
    const { relationships } = this.state;
    const end = relationships.highWaterMark;
    while (this.position < end) {
      const id = this.position++;
      if ((relationships.type[id] ?? -1) < 0) continue;
      if (
        relationships.deltas[id] === undefined
          ? relationships.deleted[id] === 0
          : isRelationshipVisible(this.state, this.tx, id, this.view)
      ) {
        return id;
      }
    }
    return -1;
  }
}

/** The visible relationships of one type, in id order, through the relationship type index. */
export class TypeScanCursor implements RelationshipCursor {
  private readonly state: GraphState;
  private readonly tx: Snapshot;
  private readonly view: View;
  private readonly type: number;
  private position = 0;

  constructor(state: GraphState, tx: Snapshot, type: number, view: View) {
    this.state = state;
    this.tx = tx;
    this.type = type;
    this.view = view;
  }

  next(): number {
    const set = this.state.typeIndex.get(this.type);
    if (set === undefined) return -1;
    const { relationships } = this.state;
    for (;;) {
      const id = set.nextFrom(this.position);
      if (id === -1) return -1;
      this.position = id + 1;
      if (relationships.deltas[id] === undefined) return id;
      if (isRelationshipVisible(this.state, this.tx, id, this.view)) return id;
    }
  }
}
