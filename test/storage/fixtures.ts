/**
 * Helpers for storage tests: a store with token shortcuts, and cursor collectors.
 */
import {
  GraphStore,
  type Direction,
  type GraphStoreOptions,
  type NodeCursor,
  type RelationshipCursor,
  type TransactionReader,
  type View,
} from '../../src/storage/index.js';

/** A store plus name → token shortcuts (created on first use). */
export class TestGraph {
  readonly store: GraphStore;

  constructor(options: GraphStoreOptions = {}) {
    this.store = new GraphStore(options);
  }

  label(name: string): number {
    return this.store.tokens.labels.getOrCreate(name);
  }

  type(name: string): number {
    return this.store.tokens.relationshipTypes.getOrCreate(name);
  }

  key(name: string): number {
    return this.store.tokens.propertyKeys.getOrCreate(name);
  }
}

/** Drains a node or relationship cursor. */
export function collect(cursor: NodeCursor | RelationshipCursor): number[] {
  const ids: number[] = [];
  for (let id = cursor.next(); id !== -1; id = cursor.next()) ids.push(id);
  return ids;
}

/** Expands a node and returns `[relationship, other node]` pairs. */
export function neighbours(
  tx: TransactionReader,
  node: number,
  direction: Direction,
  types?: readonly number[],
  view: View = 'NEW',
): [number, number][] {
  const cursor = tx.expand(node, direction, types, view);
  const result: [number, number][] = [];
  for (let relationship = cursor.next(); relationship !== -1; relationship = cursor.next()) {
    result.push([relationship, cursor.otherNode]);
  }
  return result;
}
