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
 *   `indexes` sought (membership of the index's label or type, or a change of one of its property keys on
 *   an entity in scope, whatever the sought value).
 */
export class ReadSet {
  readonly nodes: IdLog;
  readonly relationships: IdLog;
  readonly adjacency: IdLog;
  allNodes = false;
  allRelationships = false;
  labels: Set<number> | undefined;
  types: Set<number> | undefined;
  indexes: Set<IndexDefinition> | undefined;

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

  /** A seek in `index` (any query: validation does not look at the sought values). */
  noteIndexSeek(index: IndexDefinition): void {
    (this.indexes ??= new Set()).add(index);
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
