/**
 * storage: the in-memory property graph with MVCC (snapshot reads; transactions that write are serializable,
 * validated at commit), its catalog and indexes.
 * Inputs: writes and reads from execution through `GraphStore`/`StoreTransaction`, ids and tokens only.
 * Outputs: node/relationship ids, label/type/key tokens and Cypher values through cursors and point reads,
 * and one `CommitRecord` per commit through the `CommitLog` port (implemented by durability).
 * Must not know: Cypher syntax, plans, Bolt, files. Design: docs/adr/0003-mvcc-design.md.
 */
export { GraphStore, type GraphStoreOptions, type BeginOptions } from './store/graph-store.js';
export { StoreTransaction } from './store/store-transaction.js';
export {
  StoreSnapshotSource,
  type FlatProperties,
  type SnapshotNodeVisitor,
  type SnapshotRelationshipVisitor,
} from './store/snapshot-source.js';
export { BulkLoader, type BulkLoadCompletion } from './store/bulk-load.js';
export { TransactionReader } from './store/transaction-reader.js';
export type { TransactionStatus } from './mvcc/transaction-state.js';
export { View } from './mvcc/view.js';
export type { Direction } from './graph/adjacency.js';
export type { NodeCursor } from './store/cursors/node-scan-cursor.js';
export type { RelationshipCursor } from './store/cursors/relationship-scan-cursor.js';
export type { ExpandCursor } from './store/cursors/expand-cursor.js';
export type { PropertyEntries } from './store/write-support.js';
export { TokenRegistry, TokenRegistries, type TokenKind } from './catalog/token-registry.js';
export { assertStorable, isStorable } from './graph/property-value.js';
export { nodeElementId, relationshipElementId, parseElementId, type ParsedElementId } from './element-id.js';
export type {
  CommitLog,
  CommitRecord,
  StorageChange,
  TokenDefinition,
  RecordProperties,
} from './commit-log.js';
export type {
  IndexDefinition,
  IndexState,
  IndexType,
  EntityKind,
  VectorIndexConfig,
  VectorSimilarity,
} from './indexes/property-index.js';
export { isIndexableVector } from './indexes/property-index.js';
export type { FulltextIndexConfig } from './indexes/fulltext-keys.js';
export {
  DEFAULT_FULLTEXT_ANALYZER,
  fulltextAnalyzer,
  fulltextAnalyzers,
  type FulltextAnalyzer,
  type FulltextHit,
} from './indexes/fulltext/index.js';
export type { IndexQuery, RangeBound } from './indexes/index-query.js';
export type { IndexDescriptor, IndexRequest, IndexStatistics } from './store/index-catalog.js';
export type { IndexPopulationMode } from './store/graph-store-schema.js';
export type { ConstraintDescriptor, ConstraintRequest } from './store/constraint-catalog.js';
export {
  SCALAR_PROPERTY_TYPES,
  type ConstraintDefinition,
  type ConstraintKind,
  type PropertyType,
  type ScalarPropertyType,
} from './constraints/constraint-definition.js';
