import type { CypherValue } from '../../values/index.js';
import type { CommitRecord, RecordProperties, StorageChange, TokenDefinition } from '../commit-log.js';
import type { TokenKind } from '../catalog/token-registry.js';
import { hasLabel } from '../graph/label-sets.js';
import { getProperty, type PropertyMap } from '../graph/property-map.js';
import { DeltaAction } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import type { GraphState } from './graph-state.js';

/** What one transaction did to one entity, summed over its deltas. */
interface EntityChanges {
  created: boolean;
  readonly labels: Set<number>;
  readonly keys: Set<number>;
}

/**
 * Turns a prepared transaction's deltas into its commit record. It runs while the transaction still owns the
 * head of every chain it wrote, so the tables hold its final values: each change reads the final state
 * (Memgraph's WAL encoder does the same). Entities created and deleted by the same transaction leave no
 * trace.
 */
export function buildCommitRecord(state: GraphState, tx: TransactionState, commitTs: number): CommitRecord {
  const nodeChanges = new Map<number, EntityChanges>();
  const relationshipChanges = new Map<number, EntityChanges>();
  for (const delta of tx.deltas) {
    const onNode = delta.action <= DeltaAction.NODE_PROPERTY_SET;
    const isRelationship =
      delta.action >= DeltaAction.RELATIONSHIP_CREATED &&
      delta.action <= DeltaAction.RELATIONSHIP_PROPERTY_SET;
    if (!onNode && !isRelationship) continue;
    const map = onNode ? nodeChanges : relationshipChanges;
    let changes = map.get(delta.entity);
    if (changes === undefined) {
      changes = { created: false, labels: new Set(), keys: new Set() };
      map.set(delta.entity, changes);
    }
    if (delta.action === DeltaAction.NODE_CREATED || delta.action === DeltaAction.RELATIONSHIP_CREATED) {
      changes.created = true;
    } else if (delta.action === DeltaAction.LABEL_ADDED || delta.action === DeltaAction.LABEL_REMOVED) {
      changes.labels.add(delta.key);
    } else if (
      delta.action === DeltaAction.NODE_PROPERTY_SET ||
      delta.action === DeltaAction.RELATIONSHIP_PROPERTY_SET
    ) {
      changes.keys.add(delta.key);
    }
  }
  const tokens = new TokenCollector(state);
  const created: StorageChange[] = [];
  const createdRelationships: StorageChange[] = [];
  const updated: StorageChange[] = [];
  const deletedRelationships: StorageChange[] = [];
  const deletedNodes: StorageChange[] = [];
  const { nodes, relationships } = state;
  for (const [id, changes] of nodeChanges) {
    const deleted = nodes.deleted[id] !== 0;
    if (changes.created) {
      if (deleted) continue;
      const labels = nodes.labels[id] ?? [];
      for (const label of labels) tokens.add('LABEL', label);
      created.push({
        kind: 'CreateNode',
        id,
        labels,
        properties: recordProperties(tokens, nodes.properties[id]),
      });
    } else if (deleted) {
      deletedNodes.push({ kind: 'DeleteNode', id });
    } else {
      const labels = nodes.labels[id] ?? [];
      for (const label of changes.labels) {
        tokens.add('LABEL', label);
        updated.push({ kind: hasLabel(labels, label) ? 'AddLabel' : 'RemoveLabel', id, label });
      }
      for (const key of changes.keys) {
        tokens.add('PROPERTY_KEY', key);
        updated.push({ kind: 'SetNodeProperty', id, key, value: finalValue(nodes.properties[id], key) });
      }
    }
  }
  for (const [id, changes] of relationshipChanges) {
    const deleted = relationships.deleted[id] !== 0;
    if (changes.created) {
      if (deleted) continue;
      const type = relationships.type[id] ?? -1;
      tokens.add('RELATIONSHIP_TYPE', type);
      createdRelationships.push({
        kind: 'CreateRelationship',
        id,
        type,
        start: relationships.start[id] ?? 0,
        end: relationships.end[id] ?? 0,
        properties: recordProperties(tokens, relationships.properties[id]),
      });
    } else if (deleted) {
      deletedRelationships.push({ kind: 'DeleteRelationship', id });
    } else {
      for (const key of changes.keys) {
        tokens.add('PROPERTY_KEY', key);
        updated.push({
          kind: 'SetRelationshipProperty',
          id,
          key,
          value: finalValue(relationships.properties[id], key),
        });
      }
    }
  }
  return {
    commitTs,
    tokens: tokens.definitions,
    changes: [...created, ...createdRelationships, ...updated, ...deletedRelationships, ...deletedNodes],
  };
}

function finalValue(map: PropertyMap | undefined, key: number): CypherValue {
  return getProperty(map, key) ?? null;
}

function recordProperties(tokens: TokenCollector, map: PropertyMap | undefined): RecordProperties {
  const result: (readonly [number, CypherValue])[] = [];
  if (map === undefined) return result;
  for (let index = 0; index < map.length; index += 2) {
    const key = map[index] as number;
    tokens.add('PROPERTY_KEY', key);
    result.push([key, map[index + 1] as CypherValue]);
  }
  return result;
}

/** Collects each token a record mentions once, with its name. */
export class TokenCollector {
  readonly definitions: TokenDefinition[] = [];
  private readonly seen: Record<TokenKind, Set<number>> = {
    LABEL: new Set(),
    RELATIONSHIP_TYPE: new Set(),
    PROPERTY_KEY: new Set(),
  };
  private readonly state: GraphState;

  constructor(state: GraphState) {
    this.state = state;
  }

  add(kind: TokenKind, id: number): void {
    const seen = this.seen[kind];
    if (seen.has(id)) return;
    seen.add(id);
    this.definitions.push({ kind, id, name: this.state.tokens.of(kind).nameOf(id) });
  }
}
