import { randomUUID } from 'node:crypto';
import type { CommitLog, CommitRecord } from '../commit-log.js';
import type { TokenRegistries } from '../catalog/token-registry.js';
import { nodeElementId, parseElementId, relationshipElementId, type ParsedElementId } from '../element-id.js';
import type { ConstraintDescriptor, ConstraintRequest } from './constraint-catalog.js';
import type { IndexDescriptor, IndexRequest, IndexStatistics } from './index-catalog.js';
import { SchemaOperations, type IndexPopulationMode } from './graph-store-schema.js';
import { BulkLoader } from './bulk-load.js';
import { verifyStoreConsistency } from './consistency-check.js';
import { replayRecord } from './replay.js';
import { isSchemaChangePending, StoreSnapshotSource } from './snapshot-source.js';
import { StoreContext } from './store-context.js';
import { StoreTransaction } from './store-transaction.js';

/** How to open a store. */
export interface GraphStoreOptions {
  /** The database UUID used in element ids; durability must keep it across restarts. Default: a new one. */
  readonly databaseId?: string;
  /** Where commits go before they become visible (durability); default: nowhere (in-memory only). */
  readonly commitLog?: CommitLog;
  /**
   * BACKGROUND (default): new indexes are built in slices from `setImmediate`. MANUAL: only when
   * `populateIndexes` or `awaitIndexesOnline` is called (deterministic tests, recovery).
   */
  readonly indexPopulation?: IndexPopulationMode;
}

/** Options of one transaction. */
export interface BeginOptions {
  /** Reject writes (Bolt `mode: 'r'`). */
  readonly readOnly?: boolean;
}

/**
 * An in-memory property graph with multi-version concurrency control (snapshot reads; transactions that
 * write are serializable, see `StoreTransaction`): the object the engine opens once per database. Transactions come from `begin`; the catalog (tokens, indexes,
 * constraints) and the planner's statistics live here too.
 */
export class GraphStore {
  protected readonly context: StoreContext;
  private readonly schema: SchemaOperations;

  constructor(options: GraphStoreOptions = {}) {
    this.context = new StoreContext(options.databaseId ?? randomUUID(), options.commitLog);
    this.schema = new SchemaOperations(this.context, options.indexPopulation ?? 'BACKGROUND');
  }

  /** The database UUID inside element ids. */
  get databaseId(): string {
    return this.context.state.databaseId;
  }

  /** Labels, relationship types and property keys. Writes create tokens with `getOrCreate`; reads use `idOf`. */
  get tokens(): TokenRegistries {
    return this.context.state.tokens;
  }

  /** Starts a transaction that sees every commit published so far and nothing later. */
  begin(options: BeginOptions = {}): StoreTransaction {
    return new StoreTransaction(this.context, this.context.manager.begin(options.readOnly === true));
  }

  /** The number of running transactions. */
  get activeTransactions(): number {
    return this.context.manager.activeCount;
  }

  /** The newest published commit timestamp. */
  get lastCommitTs(): number {
    return this.context.manager.publishedTs;
  }

  /** Runs garbage collection now (it also runs after every commit and rollback). */
  collectGarbage(): void {
    this.context.collectGarbage();
  }

  /** Committed changes whose undo information is still kept (waiting for old snapshots to finish). */
  get garbageBacklog(): number {
    return this.context.gc.backlog;
  }

  // ---- schema and statistics ---------------------------------------------------------------------------

  /**
   * Creates a range index on `(label or type, properties)`. It is maintained by writes at once and built
   * over existing data in the background (POPULATING, then ONLINE: see `awaitIndexesOnline`).
   * @throws DatabaseError EquivalentSchemaRuleAlreadyExists, IndexWithNameAlreadyExists
   */
  createIndex(request: IndexRequest): Promise<IndexDescriptor> {
    return this.schema.createIndex(request);
  }

  /** @throws DatabaseError IndexNotFound; IndexDropFailed for an index a constraint owns */
  dropIndex(name: string): Promise<void> {
    return this.schema.dropIndex(name);
  }

  /**
   * A number that changes whenever the index list or an index's state changes (and is never reused), so
   * plans can be cached against it without listing the indexes on every query.
   */
  get schemaVersion(): number {
    return this.context.state.indexes.version;
  }

  /** Every index (SHOW INDEXES; the planner picks ONLINE ones). */
  indexes(): IndexDescriptor[] {
    return this.schema.indexes();
  }

  index(name: string): IndexDescriptor | undefined {
    return this.schema.index(name);
  }

  /** Entry and distinct-key counts of an index, for the planner. */
  indexStatistics(name: string): IndexStatistics | undefined {
    return this.schema.indexStatistics(name);
  }

  /**
   * Creates a uniqueness, existence, key or property type constraint; refused when committed data violates
   * it. @throws DatabaseError ConstraintCreationFailed, EquivalentSchemaRuleAlreadyExists,
   * ConstraintWithNameAlreadyExists
   */
  createConstraint(request: ConstraintRequest): Promise<ConstraintDescriptor> {
    return this.schema.createConstraint(request);
  }

  /** @throws DatabaseError ConstraintNotFound */
  dropConstraint(name: string): Promise<void> {
    return this.schema.dropConstraint(name);
  }

  /** Every constraint (SHOW CONSTRAINTS). */
  constraints(): ConstraintDescriptor[] {
    return this.schema.constraints();
  }

  /** Runs one slice of index population; returns whether work remains (MANUAL mode). */
  populateIndexes(budget?: number): boolean {
    return this.schema.populateIndexes(budget);
  }

  /** Resolves when every index is ONLINE. */
  awaitIndexesOnline(): Promise<void> {
    return this.schema.awaitIndexesOnline();
  }

  /** Nodes in use (with `label`, if given): an upper bound of what any snapshot sees, for the planner. */
  countNodes(label?: number): number {
    const { state } = this.context;
    return label === undefined ? state.nodes.usedSlots : state.labelIndex.count(label);
  }

  /** Relationships in use (of `type`, if given): an upper bound, for the planner. */
  countRelationships(type?: number): number {
    const { state } = this.context;
    return type === undefined ? state.relationships.usedSlots : state.typeIndex.count(type);
  }

  // ---- recovery ----------------------------------------------------------------------------------------

  /**
   * Applies a record produced by a commit log (WAL replay or snapshot load) as committed data, keeping its
   * ids, tokens and commit timestamp. Call it before any transaction begins, in commit order; the record is
   * not sent to this store's own commit log.
   * @throws InternalError when a transaction is running or the record does not fit the current state.
   */
  replay(record: CommitRecord): void {
    replayRecord(this.context, record);
  }

  /**
   * Opens a consistent read-only view of the whole store (catalog and committed data) as of the newest
   * published commit, for a durability snapshot; writes go on meanwhile. Returns `undefined` while a schema
   * change is being logged (the catalog would not match any commit timestamp then): try again a moment later.
   * Close the source when done.
   */
  openSnapshotSource(): StoreSnapshotSource | undefined {
    if (isSchemaChangePending(this.context)) return undefined;
    return new StoreSnapshotSource(this.context);
  }

  /**
   * Starts loading a snapshot straight into this store, which must be empty and unused (recovery).
   * @throws InternalError when the store is not empty.
   */
  beginBulkLoad(): BulkLoader {
    return new BulkLoader(this.context);
  }

  /**
   * Checks the store's invariants (endpoints, adjacency, token and property indexes, constraints) on the
   * newest committed data; returns the problems found, empty when the store is sound. It walks everything:
   * for recovery checks and `quiver check`, not for hot paths.
   */
  verifyConsistency(): string[] {
    return verifyStoreConsistency(this.context);
  }

  nodeElementId(id: number): string {
    return nodeElementId(this.databaseId, id);
  }

  relationshipElementId(id: number): string {
    return relationshipElementId(this.databaseId, id);
  }

  /** The entity an element id of this database names (whether it exists is for a transaction to say). */
  parseElementId(elementId: string): ParsedElementId | undefined {
    return parseElementId(this.databaseId, elementId);
  }
}
