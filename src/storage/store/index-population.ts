import type { CypherValue } from '../../values/index.js';
import type { PropertyIndex } from '../indexes/property-index.js';
import { forEachNodeVersion, forEachRelationshipVersion } from './entity-versions.js';
import type { GraphState } from './graph-state.js';

/**
 * Keys a population slice collects at most (besides its candidate budget) before it stops: a FULLTEXT
 * candidate brings one per distinct term, and a slice must stay short (about 40 ms at most for 50,000
 * documents of 30 words, against 400 ms with the candidate budget alone).
 */
const SLICE_KEYS = 8192;

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
  /** Which of the index's tokens is being walked. */
  private tokenAt = 0;
  private readonly end: number;

  constructor(state: GraphState, index: PropertyIndex) {
    this.index = index;
    this.end = index.entity === 'NODE' ? state.nodes.highWaterMark : state.relationships.highWaterMark;
  }

  /** How far the walk has come, 0 to 1. */
  get progress(): number {
    const tokens = this.index.tokens.length;
    if (this.end === 0 || this.tokenAt >= tokens) return 1;
    return Math.min(1, (this.tokenAt + this.position / this.end) / tokens);
  }

  /** Visits up to `budget` candidates; returns true when the index is complete (and ONLINE). */
  step(state: GraphState, budget: number): boolean {
    const index = this.index;
    const tokenIndex = index.entity === 'NODE' ? state.labelIndex : state.typeIndex;
    // A FULLTEXT index over several labels or types walks the ids of each, in order (`tokenAt`).
    let visited = 0;
    let candidates = tokenIndex.get(index.tokens[this.tokenAt] ?? -1);
    // The slice's entries go in as one batch (merged when it is large next to the index).
    const values: CypherValue[] = [];
    const ids: number[] = [];
    const collect = (id: number) => (key: CypherValue) => {
      values.push(key);
      ids.push(id);
    };
    for (;;) {
      const id = candidates?.nextFrom(this.position) ?? -1;
      if (id === -1 || id >= this.end) {
        index.entries.insertMany(values, ids);
        values.length = 0;
        ids.length = 0;
        if (this.tokenAt + 1 < index.tokens.length) {
          this.tokenAt++;
          this.position = 0;
          candidates = tokenIndex.get(index.tokens[this.tokenAt] ?? -1);
          continue;
        }
        this.position = this.end;
        this.tokenAt = index.tokens.length;
        index.state = 'ONLINE';
        state.indexes.changed();
        return true;
      }
      // A slice also ends after about SLICE_KEYS keys (a FULLTEXT candidate brings one per term), unless
      // the index is to be built at once (an infinite budget: recovery, bulk loads).
      if (visited >= budget || (values.length >= SLICE_KEYS && Number.isFinite(budget))) {
        index.entries.insertMany(values, ids);
        break;
      }
      this.position = id + 1;
      visited++;
      if (index.entity === 'NODE') {
        forEachNodeVersion(state, id, (labels, properties) => {
          if (index.coversLabels(labels)) index.forEachKey(properties, collect(id));
        });
      } else {
        forEachRelationshipVersion(state, id, (_labels, properties) => {
          index.forEachKey(properties, collect(id));
        });
      }
    }
    return false;
  }
}
