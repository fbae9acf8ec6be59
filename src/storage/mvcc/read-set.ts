import type { CypherValue } from '../../values/index.js';
import type { IndexDefinition } from '../indexes/property-index.js';
import { DEFAULT_ID_LOG_LIMIT, IdLog } from './id-log.js';

/**
 * What a read-write transaction read, kept so that its commit can check that nothing it read was changed by
 * a transaction that committed after its snapshot (store/read-validation.ts). Read-only transactions have
 * none and pay nothing.
 *
 * Granularity, chosen so that recording is a cheap append per read and validation one pass:
 * - `nodes`: nodes whose existence, labels or any property were read (a whole node, not a property key);
 * - `relationships`: relationships whose existence, type, endpoints or any property were read;
 * - `adjacency`: nodes that were expanded: which relationships they have (any type, either direction), and
 *   their own existence;
 * - predicate reads at token level: `allNodes`/`allRelationships` for full scans (any creation or deletion
 *   changes them), `labels` and `types` scanned (an entity entering or leaving the label or type), and
 *   `indexes` sought: membership of the index's label or type, or a change of one of its property keys on
 *   an entity in scope — narrowed, for single-property indexes, to entities whose value (before or after
 *   the change) the seek's predicate accepts, so that `MATCH (n:Item {k: $k})` does not conflict with a
 *   concurrent write of another key.
 */
export class ReadSet {
  readonly nodes: IdLog;
  readonly relationships: IdLog;
  readonly adjacency: IdLog;
  allNodes = false;
  allRelationships = false;
  labels: Set<number> | undefined;
  types: Set<number> | undefined;
  indexes: Map<IndexDefinition, IndexSeekReads> | undefined;

  /** @param limit ids per log before it escalates to "every entity of the kind" (see `IdLog`). */
  constructor(limit = DEFAULT_ID_LOG_LIMIT) {
    this.nodes = new IdLog(limit);
    this.relationships = new IdLog(limit);
    this.adjacency = new IdLog(limit);
  }

  /** A NodeByLabelScan over `label`. */
  noteLabelScan(label: number): void {
    (this.labels ??= new Set()).add(label);
  }

  /** A relationship type scan over `type`. */
  noteTypeScan(type: number): void {
    (this.types ??= new Set()).add(type);
  }

  /**
   * A seek in `index`. With `accept` (the seek's exact predicate on a key), validation only looks at
   * entities whose key it accepts; without it, at any change in the index's scope.
   */
  noteIndexSeek(index: IndexDefinition, accept?: (key: CypherValue) => boolean): void {
    const indexes = (this.indexes ??= new Map<IndexDefinition, IndexSeekReads>());
    const reads = indexes.get(index);
    if (reads === ANY_KEY) return;
    if (accept === undefined || (reads !== undefined && reads.length >= MAX_SEEKS_PER_INDEX)) {
      indexes.set(index, ANY_KEY);
    } else if (reads === undefined) {
      indexes.set(index, [accept]);
    } else {
      reads.push(accept);
    }
  }

  /** Whether nothing was read, so there is nothing to validate. */
  get isEmpty(): boolean {
    return (
      this.nodes.length === 0 &&
      !this.nodes.overflowed &&
      this.relationships.length === 0 &&
      !this.relationships.overflowed &&
      this.adjacency.length === 0 &&
      !this.adjacency.overflowed &&
      !this.allNodes &&
      !this.allRelationships &&
      this.labels === undefined &&
      this.types === undefined &&
      this.indexes === undefined
    );
  }
}

/** Every key of an index was (potentially) read. */
export const ANY_KEY = 'ANY_KEY';

/** The predicates of the seeks on one index, or ANY_KEY. */
export type IndexSeekReads = ((key: CypherValue) => boolean)[] | typeof ANY_KEY;

/** Seeks remembered one by one per index before the reads escalate to ANY_KEY. */
const MAX_SEEKS_PER_INDEX = 64;
