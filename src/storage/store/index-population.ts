import { hasLabel } from '../graph/label-sets.js';
import type { PropertyIndex } from '../indexes/property-index.js';
import { forEachNodeVersion, forEachRelationshipVersion } from './entity-versions.js';
import type { GraphState } from './graph-state.js';

/**
 * Builds a new index over the data that existed when it was created, a slice at a time, so other work can
 * run in between ("background" population on one thread). Writes made after creation maintain the index
 * themselves, so only ids below the high-water mark at creation need visiting; the label (or type) index
 * narrows the walk to candidates. Every readable version of a candidate contributes its key, which keeps the
 * index correct for snapshots older than its creation too. When the walk ends the index goes ONLINE.
 */
export class IndexPopulation {
  readonly index: PropertyIndex;
  private position = 0;
  private readonly end: number;

  constructor(state: GraphState, index: PropertyIndex) {
    this.index = index;
    this.end = index.entity === 'NODE' ? state.nodes.highWaterMark : state.relationships.highWaterMark;
  }

  /** How far the walk has come, 0 to 1. */
  get progress(): number {
    return this.end === 0 ? 1 : Math.min(1, this.position / this.end);
  }

  /** Visits up to `budget` candidates; returns true when the index is complete (and ONLINE). */
  step(state: GraphState, budget: number): boolean {
    const index = this.index;
    const candidates =
      index.entity === 'NODE' ? state.labelIndex.get(index.token) : state.typeIndex.get(index.token);
    let visited = 0;
    while (candidates !== undefined && visited < budget) {
      const id = candidates.nextFrom(this.position);
      if (id === -1 || id >= this.end) break;
      this.position = id + 1;
      visited++;
      if (index.entity === 'NODE') {
        forEachNodeVersion(state, id, (labels, properties) => {
          if (!hasLabel(labels, index.token)) return;
          const key = index.keyOf(properties);
          if (key !== undefined) index.entries.insert(key, id);
        });
      } else {
        forEachRelationshipVersion(state, id, (_labels, properties) => {
          const key = index.keyOf(properties);
          if (key !== undefined) index.entries.insert(key, id);
        });
      }
    }
    if (visited < budget || candidates === undefined) {
      this.position = this.end;
      index.state = 'ONLINE';
      state.indexes.changed();
      return true;
    }
    return false;
  }
}
