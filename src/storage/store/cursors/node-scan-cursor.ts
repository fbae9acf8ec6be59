import type { View } from '../../mvcc/view.js';
import type { Snapshot } from '../../mvcc/visibility.js';
import type { GraphState } from '../graph-state.js';
import { isNodeVisible, isNodeVisibleWithLabel } from '../node-reads.js';

/**
 * A pull cursor over node ids: `next()` returns the next visible node id, or -1 when exhausted. Cursors
 * allocate nothing per row, read the graph live (so they tolerate writes made while they are open: the view
 * decides whether those show), and must not be used after their transaction ends.
 */
export interface NodeCursor {
  next(): number;
}

/** AllNodesScan: every node visible to the transaction, in id order. */
export class AllNodesCursor implements NodeCursor {
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
    const { nodes } = this.state;
    const end = nodes.highWaterMark;
    while (this.position < end) {
      const id = this.position++;
      if (nodes.labels[id] === undefined) continue;
      // Without pending changes the table's version is the only one: visible unless deleted.
      if (
        nodes.deltas[id] === undefined
          ? nodes.deleted[id] === 0
          : isNodeVisible(this.state, this.tx, id, this.view)
      ) {
        return id;
      }
    }
    return -1;
  }
}

/** NodeByLabelScan: the visible nodes with a label, in id order, through the label index. */
export class LabelScanCursor implements NodeCursor {
  private readonly state: GraphState;
  private readonly tx: Snapshot;
  private readonly view: View;
  private readonly label: number;
  private position = 0;

  constructor(state: GraphState, tx: Snapshot, label: number, view: View) {
    this.state = state;
    this.tx = tx;
    this.label = label;
    this.view = view;
  }

  next(): number {
    const set = this.state.labelIndex.get(this.label);
    if (set === undefined) return -1;
    const { nodes } = this.state;
    for (;;) {
      const id = set.nextFrom(this.position);
      if (id === -1) return -1;
      this.position = id + 1;
      // An id in the label index without pending changes has the label in its only version (entity-keys.ts).
      if (nodes.deltas[id] === undefined) return id;
      if (isNodeVisibleWithLabel(this.state, this.tx, id, this.label, this.view)) return id;
    }
  }
}
