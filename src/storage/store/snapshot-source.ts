import type { CypherValue } from '../../values/index.js';
import type { TokenDefinition } from '../commit-log.js';
import type { ConstraintDefinition } from '../constraints/constraint-definition.js';
import type { IndexDefinition } from '../indexes/property-index.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import { isNodeVisible, readNodeLabels, readNodeProperties } from './node-reads.js';
import { isRelationshipVisible, readRelationshipProperties } from './relationship-reads.js';
import type { StoreContext } from './store-context.js';

/**
 * Properties as a flat array `[key0, value0, key1, value1, …]` (property-key tokens at even positions), the
 * store's own layout: handed out without copying, so do not keep or change it beyond the visit.
 */
export type FlatProperties = readonly (number | CypherValue)[];

/** Receives one node of a snapshot. */
export type SnapshotNodeVisitor = (id: number, labels: readonly number[], properties: FlatProperties) => void;

/** Receives one relationship of a snapshot. */
export type SnapshotRelationshipVisitor = (
  id: number,
  type: number,
  start: number,
  end: number,
  properties: FlatProperties,
) => void;

const NO_PROPERTIES: FlatProperties = Object.freeze([]);

/**
 * A consistent, read-only view of a whole store as of one commit timestamp, for durability snapshots: the
 * catalog (every token, the index and constraint definitions) captured when the view opened, and the
 * committed nodes and relationships visible at `commitTs`, read in id slices so writes can continue
 * between slices. It holds an MVCC read transaction (garbage collection keeps what it needs) until `close`.
 */
export class StoreSnapshotSource {
  /** Every commit at or below it is in the view, nothing later. */
  readonly commitTs: number;
  readonly databaseId: string;
  /** Every token (tokens are not transactional: later ones are harmless extras). */
  readonly tokens: readonly TokenDefinition[];
  /** Indexes that no constraint owns (constraint indexes come back with their constraints). */
  readonly indexes: readonly IndexDefinition[];
  readonly constraints: readonly ConstraintDefinition[];
  /** One past the highest node id ever handed out, so a restored store never reuses an id. */
  readonly nodeHighWaterMark: number;
  readonly relationshipHighWaterMark: number;
  private readonly context: StoreContext;
  private readonly tx: TransactionState;
  private closed = false;

  /** Use `GraphStore.openSnapshotSource`. */
  constructor(context: StoreContext) {
    const { state, manager } = context;
    this.context = context;
    this.tx = manager.begin(true);
    this.commitTs = this.tx.readTs;
    this.databaseId = state.databaseId;
    const tokens: TokenDefinition[] = [];
    for (const registry of [state.tokens.labels, state.tokens.relationshipTypes, state.tokens.propertyKeys]) {
      for (const [id, name] of registry.entries()) tokens.push({ kind: registry.kind, id, name });
    }
    this.tokens = tokens;
    this.indexes = state.indexes
      .list()
      .filter((index) => index.owningConstraint === undefined)
      .map((index) => index.definition());
    this.constraints = state.constraints.list().map((constraint) => constraint.definition);
    this.nodeHighWaterMark = state.nodes.highWaterMark;
    this.relationshipHighWaterMark = state.relationships.highWaterMark;
  }

  /**
   * Visits the nodes of the view with ids from `from` on, looking at up to `budget` ids; returns the id to
   * continue from, or -1 when every node has been visited.
   */
  scanNodes(from: number, budget: number, visit: SnapshotNodeVisitor): number {
    const { state } = this.context;
    const end = Math.min(from + budget, this.nodeHighWaterMark);
    for (let id = from; id < end; id++) {
      if (!isNodeVisible(state, this.tx, id, 'OLD')) continue;
      const labels = readNodeLabels(state, this.tx, id, 'OLD');
      visit(id, labels, readNodeProperties(state, this.tx, id, 'OLD') ?? NO_PROPERTIES);
    }
    return end >= this.nodeHighWaterMark ? -1 : end;
  }

  /** Like `scanNodes`, for relationships. */
  scanRelationships(from: number, budget: number, visit: SnapshotRelationshipVisitor): number {
    const { state } = this.context;
    const { relationships } = state;
    const end = Math.min(from + budget, this.relationshipHighWaterMark);
    for (let id = from; id < end; id++) {
      if (!isRelationshipVisible(state, this.tx, id, 'OLD')) continue;
      const properties = readRelationshipProperties(state, this.tx, id, 'OLD') ?? NO_PROPERTIES;
      visit(
        id,
        relationships.type[id] ?? -1,
        relationships.start[id] ?? -1,
        relationships.end[id] ?? -1,
        properties,
      );
    }
    return end >= this.relationshipHighWaterMark ? -1 : end;
  }

  /** Ends the read transaction (idempotent), so garbage collection can move on. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.tx.status = 'COMMITTED';
    this.context.manager.end(this.tx);
    this.context.collectGarbage();
  }
}

/**
 * Whether a schema change is handed to the commit log but not yet published. The catalog registers a new
 * index or constraint before its change is logged (and removes a dropped one only once published), so the
 * catalog matches a snapshot timestamp only when no schema change is in flight. Schema changes are the only
 * commits without data deltas.
 */
export function isSchemaChangePending(context: StoreContext): boolean {
  let pending = false;
  context.manager.forEachCommitting((tx) => {
    if (tx.deltas.length === 0) pending = true;
  });
  return pending;
}
