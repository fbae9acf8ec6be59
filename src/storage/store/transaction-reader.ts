import { DatabaseError, InternalError, invariant, Status } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { parseElementId } from '../element-id.js';
import type { Direction } from '../graph/adjacency.js';
import type { LabelSet } from '../graph/label-sets.js';
import { planSeek, type IndexQuery } from '../indexes/index-query.js';
import {
  parseFulltextQuery,
  searchFulltext,
  type FulltextAnalyzer,
  type FulltextHit,
} from '../indexes/fulltext/index.js';
import type { EntityKind } from '../indexes/property-index.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import type { View } from '../mvcc/view.js';
import { AllNodesCursor, LabelScanCursor, type NodeCursor } from './cursors/node-scan-cursor.js';
import { ExpandCursor } from './cursors/expand-cursor.js';
import { IndexSeekCursor } from './cursors/index-seek-cursor.js';
import { fulltextTermSource } from './fulltext-search.js';
import {
  AllRelationshipsCursor,
  TypeScanCursor,
  type RelationshipCursor,
} from './cursors/relationship-scan-cursor.js';
import {
  isNodeVisible,
  readNodeHasLabel,
  readNodeLabels,
  readNodeProperties,
  readNodeProperty,
  throwNodeNotFound,
} from './node-reads.js';
import {
  isRelationshipVisible,
  readRelationshipProperties,
  readRelationshipProperty,
  throwRelationshipNotFound,
} from './relationship-reads.js';
import type { StoreContext } from './store-context.js';

/**
 * The read half of a transaction: point reads, scans and expands through a view (`'OLD'` or `'NEW'`, see
 * `View`; reads default to NEW, which includes the transaction's own writes). Reads of an entity the
 * transaction cannot see throw EntityNotFoundError; existence checks return false instead.
 *
 * A read-write transaction records what each call read in its `ReadSet` (one append, or a token added to a
 * small set for scans and seeks), for serializable validation at commit; read-only transactions skip it.
 * Cursors record nothing per row: what a scan, seek or expand can return is covered by the token or node
 * recorded when it was opened.
 */
export class TransactionReader {
  protected readonly context: StoreContext;
  protected readonly tx: TransactionState;

  constructor(context: StoreContext, tx: TransactionState) {
    this.context = context;
    this.tx = tx;
  }

  /** The snapshot timestamp: every commit at or below it is visible. */
  get snapshotTs(): number {
    return this.tx.readTs;
  }

  /** ACTIVE, COMMITTING, COMMITTED or ABORTED. */
  get status(): TransactionState['status'] {
    return this.tx.status;
  }

  get isReadOnly(): boolean {
    return this.tx.readOnly;
  }

  /**
   * Starts a new statement (command): from now on, the OLD view includes every write made so far. Call it
   * between the statements of a transaction (Memgraph `AdvanceCommand`).
   */
  advanceCommand(): void {
    this.assertActive();
    this.tx.command++;
  }

  // ---- nodes -------------------------------------------------------------------------------------------

  /** Whether node `id` exists in the view. */
  nodeExists(id: number, view: View = 'NEW'): boolean {
    this.assertActive();
    if (!Number.isInteger(id)) return false;
    this.tx.reads?.nodes.add(id);
    return isNodeVisible(this.context.state, this.tx, id, view);
  }

  /** The label tokens of node `id`, ascending (shared and frozen). @throws EntityNotFoundError */
  nodeLabels(id: number, view: View = 'NEW'): LabelSet {
    this.assertActive();
    this.tx.reads?.nodes.add(id);
    return readNodeLabels(this.context.state, this.tx, id, view);
  }

  /** @throws EntityNotFoundError */
  nodeHasLabel(id: number, label: number, view: View = 'NEW'): boolean {
    this.assertActive();
    this.tx.reads?.nodes.add(id);
    return readNodeHasLabel(this.context.state, this.tx, id, label, view);
  }

  /** The value of property `key`, `undefined` when absent. @throws EntityNotFoundError */
  nodeProperty(id: number, key: number, view: View = 'NEW'): CypherValue | undefined {
    this.assertActive();
    this.tx.reads?.nodes.add(id);
    return readNodeProperty(this.context.state, this.tx, id, key, view);
  }

  /** Calls `visit` for each property of node `id`, in insertion order. @throws EntityNotFoundError */
  forEachNodeProperty(
    id: number,
    visit: (key: number, value: CypherValue) => void,
    view: View = 'NEW',
  ): void {
    this.assertActive();
    this.tx.reads?.nodes.add(id);
    forEachEntry(readNodeProperties(this.context.state, this.tx, id, view), visit);
  }

  /** The node an element id of this database names, if visible. */
  nodeByElementId(elementId: string, view: View = 'NEW'): number | undefined {
    const parsed = parseElementId(this.context.state.databaseId, elementId);
    return parsed?.entity === 'NODE' && this.nodeExists(parsed.id, view) ? parsed.id : undefined;
  }

  // ---- relationships -----------------------------------------------------------------------------------

  /** Whether relationship `id` exists in the view. */
  relationshipExists(id: number, view: View = 'NEW'): boolean {
    this.assertActive();
    if (!Number.isInteger(id)) return false;
    this.tx.reads?.relationships.add(id);
    return isRelationshipVisible(this.context.state, this.tx, id, view);
  }

  /** The type token of relationship `id` (types never change). @throws EntityNotFoundError for a free id */
  relationshipType(id: number): number {
    this.assertRelationshipSlot(id);
    return this.context.state.relationships.type[id] ?? -1;
  }

  /** The start node of relationship `id`. @throws EntityNotFoundError for a free id */
  relationshipStart(id: number): number {
    this.assertRelationshipSlot(id);
    return this.context.state.relationships.start[id] ?? 0;
  }

  /** The end node of relationship `id`. @throws EntityNotFoundError for a free id */
  relationshipEnd(id: number): number {
    this.assertRelationshipSlot(id);
    return this.context.state.relationships.end[id] ?? 0;
  }

  /** The value of property `key`, `undefined` when absent. @throws EntityNotFoundError */
  relationshipProperty(id: number, key: number, view: View = 'NEW'): CypherValue | undefined {
    this.assertActive();
    this.tx.reads?.relationships.add(id);
    return readRelationshipProperty(this.context.state, this.tx, id, key, view);
  }

  /** Calls `visit` for each property of relationship `id`. @throws EntityNotFoundError */
  forEachRelationshipProperty(
    id: number,
    visit: (key: number, value: CypherValue) => void,
    view: View = 'NEW',
  ): void {
    this.assertActive();
    this.tx.reads?.relationships.add(id);
    forEachEntry(readRelationshipProperties(this.context.state, this.tx, id, view), visit);
  }

  /** The relationship an element id of this database names, if visible. */
  relationshipByElementId(elementId: string, view: View = 'NEW'): number | undefined {
    const parsed = parseElementId(this.context.state.databaseId, elementId);
    return parsed?.entity === 'RELATIONSHIP' && this.relationshipExists(parsed.id, view)
      ? parsed.id
      : undefined;
  }

  // ---- scans and expands -------------------------------------------------------------------------------

  /** AllNodesScan. */
  scanNodes(view: View = 'NEW'): NodeCursor {
    this.assertActive();
    if (this.tx.reads !== undefined) this.tx.reads.allNodes = true;
    return new AllNodesCursor(this.context.state, this.tx, view);
  }

  /** NodeByLabelScan. */
  scanNodesByLabel(label: number, view: View = 'NEW'): NodeCursor {
    this.assertActive();
    this.tx.reads?.noteLabelScan(label);
    return new LabelScanCursor(this.context.state, this.tx, label, view);
  }

  /** Every relationship. */
  scanRelationships(view: View = 'NEW'): RelationshipCursor {
    this.assertActive();
    if (this.tx.reads !== undefined) this.tx.reads.allRelationships = true;
    return new AllRelationshipsCursor(this.context.state, this.tx, view);
  }

  /** The relationships of one type (relationship type lookup). */
  scanRelationshipsByType(type: number, view: View = 'NEW'): RelationshipCursor {
    this.assertActive();
    this.tx.reads?.noteTypeScan(type);
    return new TypeScanCursor(this.context.state, this.tx, type, view);
  }

  /**
   * Expand(All): the relationships of `node` in `direction` with one of `types` (all if undefined); pass a
   * cursor from an earlier call as `reuse` to avoid an allocation per row.
   * @throws EntityNotFoundError when the node is not visible.
   */
  expand(
    node: number,
    direction: Direction,
    types: readonly number[] | undefined,
    view: View = 'NEW',
    reuse?: ExpandCursor,
  ): ExpandCursor {
    this.assertActive();
    // Which relationships the node has, and that it exists; the relationships' properties are read (and
    // recorded) separately.
    this.tx.reads?.adjacency.add(node);
    if (!isNodeVisible(this.context.state, this.tx, node, view))
      throwNodeNotFound(this.context.state, this.tx, node);
    return (reuse ?? new ExpandCursor(this.context.state, this.tx)).reset(node, direction, types, view);
  }

  /** The number of visible relationships of `node` in `direction` with one of `types` (all if undefined). */
  degree(node: number, direction: Direction, types?: readonly number[], view: View = 'NEW'): number {
    const cursor = this.expand(node, direction, types, view);
    let count = 0;
    while (cursor.next() !== -1) count++;
    return count;
  }

  // ---- index seeks -------------------------------------------------------------------------------------

  /**
   * NodeIndexSeek: the visible nodes whose key in index `indexName` matches `query`, in key order.
   * @throws DatabaseError IndexNotFound; InternalError for a relationship index or one still POPULATING
   * (the planner must only pick ONLINE indexes).
   */
  seekNodes(indexName: string, query: IndexQuery, view: View = 'NEW'): NodeCursor {
    return this.seek(indexName, 'NODE', query, view);
  }

  /** DirectedRelationshipIndexSeek: like `seekNodes`, over a relationship property index. */
  seekRelationships(indexName: string, query: IndexQuery, view: View = 'NEW'): RelationshipCursor {
    return this.seek(indexName, 'RELATIONSHIP', query, view);
  }

  private seek(indexName: string, entity: EntityKind, query: IndexQuery, view: View): IndexSeekCursor {
    this.assertActive();
    const index = this.context.state.indexes.get(indexName);
    if (index === undefined)
      throw new DatabaseError(Status.IndexNotFound, `There is no index called '${indexName}'`);
    invariant(index.entity === entity, `Index '${indexName}' does not index ${entity.toLowerCase()}s`);
    invariant(index.state === 'ONLINE', `Index '${indexName}' is still populating`);
    const plan = planSeek(query, index.isComposite, index.properties.length);
    // A seek that can match nothing reads nothing; a single-property seek reads only the keys it accepts.
    if (plan !== undefined) this.tx.reads?.noteIndexSeek(index, index.isComposite ? undefined : plan.accept);
    return new IndexSeekCursor(this.context.state, this.tx, index, plan, view);
  }

  /**
   * `db.index.fulltext.query*`: the entities of FULLTEXT index `indexName` that match the Lucene-syntax
   * `query`, best first, with their BM25 scores. `analyzer` overrides the index's for the query's terms.
   * The search reads the whole index scope (noted as such for validation).
   * @throws DatabaseError IndexNotFound; a fulltext query syntax error (see fulltext/query-parser.ts)
   */
  searchFulltext(
    indexName: string,
    entity: EntityKind,
    query: string,
    options: { readonly analyzer?: FulltextAnalyzer } = {},
    view: View = 'NEW',
  ): FulltextHit[] {
    this.assertActive();
    const index = this.context.state.indexes.get(indexName);
    if (index?.type !== 'FULLTEXT' || index.analyzer === undefined || index.entity !== entity)
      throw new DatabaseError(Status.IndexNotFound, `There is no such fulltext schema index: ${indexName}`);
    invariant(index.state === 'ONLINE', `Index '${indexName}' is still populating`);
    const fields = index.properties.map((key) => this.context.state.tokens.propertyKeys.nameOf(key));
    const parsed = parseFulltextQuery(query, fields, options.analyzer ?? index.analyzer);
    this.tx.reads?.noteIndexSeek(index);
    return searchFulltext(fulltextTermSource(this.context.state, this.tx, index, fields, view), parsed);
  }

  // ---- support -----------------------------------------------------------------------------------------

  /** @throws the transaction's failure (after a conflict) or InternalError once it has ended. */
  protected assertActive(): void {
    const tx = this.tx;
    if (tx.status === 'ACTIVE') return;
    if (tx.failure !== undefined) throw tx.failure;
    throw new InternalError(`The transaction is ${tx.status.toLowerCase()} and cannot be used any more`);
  }

  private assertRelationshipSlot(id: number): void {
    this.assertActive();
    this.tx.reads?.relationships.add(id);
    if (!this.context.state.relationships.isInUse(id))
      throwRelationshipNotFound(this.context.state, this.tx, id);
  }
}

function forEachEntry(
  map: readonly (number | CypherValue)[] | undefined,
  visit: (key: number, value: CypherValue) => void,
): void {
  if (map === undefined) return;
  for (let index = 0; index < map.length; index += 2)
    visit(map[index] as number, map[index + 1] as CypherValue);
}
