import type { NodeCursor, RelationshipCursor, StoreTransaction } from '../../storage/index.js';

/**
 * What the dump reads from a store transaction: scans and per-entity reads, nothing else. A port, so tests
 * can count reads to show the dump walks the store only as far as records are pulled.
 */
export type DumpReader = Pick<
  StoreTransaction,
  | 'nodeLabels'
  | 'forEachNodeProperty'
  | 'relationshipType'
  | 'relationshipStart'
  | 'relationshipEnd'
  | 'forEachRelationshipProperty'
> & {
  scanNodes(): NodeCursor;
  scanRelationships(): RelationshipCursor;
};
