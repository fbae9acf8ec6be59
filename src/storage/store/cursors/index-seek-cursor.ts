import { orderCompare, type CypherValue } from '../../../values/index.js';
import type { SeekPlan } from '../../indexes/index-query.js';
import type { PropertyIndex } from '../../indexes/property-index.js';
import type { EntryPosition } from '../../indexes/sorted-entries.js';
import type { View } from '../../mvcc/view.js';
import type { Snapshot } from '../../mvcc/visibility.js';
import type { GraphState } from '../graph-state.js';
import { isNodeVisibleWithLabel, readNodeProperties } from '../node-reads.js';
import { isRelationshipVisible, readRelationshipProperties } from '../relationship-reads.js';

/**
 * NodeIndexSeek / DirectedRelationshipIndexSeek: the visible entities whose key matches a seek plan, in key
 * order. Index entries cover every readable version (entity-keys.ts), so an entry of an entity with pending
 * changes is re-checked: the entity must be visible, in scope (label or type) and have exactly the entry's
 * key in the version the transaction sees. An entity without pending changes has exactly its newest
 * version's entries, so it needs no check. If the index changes while the cursor is open (this or another
 * transaction writes), the cursor seeks again past the last entry it looked at.
 */
export class IndexSeekCursor {
  private readonly state: GraphState;
  private readonly tx: Snapshot;
  private readonly index: PropertyIndex;
  private readonly plan: SeekPlan | undefined;
  private readonly view: View;
  private position: EntryPosition | undefined;
  private modifications = -1;
  private lastValue: CypherValue = null;
  private lastId = -1;
  private done = false;

  constructor(state: GraphState, tx: Snapshot, index: PropertyIndex, plan: SeekPlan | undefined, view: View) {
    this.state = state;
    this.tx = tx;
    this.index = index;
    this.plan = plan;
    this.view = view;
  }

  /** The next matching entity id, or -1. */
  next(): number {
    const plan = this.plan;
    if (plan === undefined || this.done) return -1;
    const entries = this.index.entries;
    if (this.position === undefined) {
      this.position = entries.lowerBound(plan.before);
      this.modifications = entries.modifications;
    } else if (this.modifications !== entries.modifications) {
      const [value, id] = [this.lastValue, this.lastId];
      this.position = entries.lowerBound((v, i) => {
        const order = orderCompare(v, value);
        return order < 0 || (order === 0 && i <= id);
      });
      this.modifications = entries.modifications;
    } else {
      entries.advance(this.position);
    }
    const position = this.position;
    while (!entries.isEnd(position)) {
      const key = entries.valueAt(position.block, position.index);
      const id = entries.idAt(position.block, position.index);
      if (plan.stop(key)) break;
      this.lastValue = key;
      this.lastId = id;
      if (plan.accept(key) && this.matches(id, key)) return id;
      entries.advance(position);
    }
    this.done = true;
    return -1;
  }

  private matches(id: number, key: CypherValue): boolean {
    const { state, tx, view, index } = this;
    if (index.entity === 'NODE') {
      const head = state.nodes.deltas[id];
      if (head === undefined) return true;
      if (!isNodeVisibleWithLabel(state, tx, id, index.token, view)) return false;
      return sameKey(index.keyOf(readNodeProperties(state, tx, id, view)), key);
    }
    const head = state.relationships.deltas[id];
    if (head === undefined) return true;
    if (!isRelationshipVisible(state, tx, id, view)) return false;
    return sameKey(index.keyOf(readRelationshipProperties(state, tx, id, view)), key);
  }
}

function sameKey(visible: CypherValue | undefined, entry: CypherValue): boolean {
  return visible !== undefined && orderCompare(visible, entry) === 0;
}
