import { invariant } from '../../errors/index.js';
import { putProperty } from '../graph/property-map.js';
import { DeltaAction, isNodeAction, type Delta } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import {
  chainChangesKeys,
  collectNodeKeys,
  collectRelationshipKeys,
  removeStaleEntries,
  removeStaleNodeKeys,
  type EntityKeys,
} from './entity-keys.js';
import type { GraphState } from './graph-state.js';

/** Entities whose chains still hold committed changes after a rollback, for the garbage collector. */
export interface RollbackLeftovers {
  readonly nodes: number[];
  readonly relationships: number[];
}

/**
 * Undoes every change of `tx`, newest first, restoring the newest versions in the tables and unlinking its
 * deltas (which are always at the head of their chains: first updater wins). Entities the transaction
 * created are freed at once, since no one else could ever see them; index keys only the undone versions had
 * are removed (see entity-keys.ts).
 */
export function rollbackChanges(state: GraphState, tx: TransactionState): RollbackLeftovers {
  const { nodes, relationships } = state;
  const nodeKeys = new Map<number, EntityKeys | undefined>();
  const relationshipKeys = new Map<number, EntityKeys | undefined>();
  const createdNodes: number[] = [];
  const createdRelationships: number[] = [];
  for (const delta of tx.deltas) {
    const onNode = isNodeAction(delta.action);
    const keys = onNode ? nodeKeys : relationshipKeys;
    if (delta.action === DeltaAction.NODE_CREATED) createdNodes.push(delta.entity);
    if (delta.action === DeltaAction.RELATIONSHIP_CREATED) createdRelationships.push(delta.entity);
    if (keys.has(delta.entity)) continue;
    const head = onNode ? nodes.deltas[delta.entity] : relationships.deltas[delta.entity];
    // Key bookkeeping costs allocations, so only entities whose undone versions may own keys pay for it.
    const needsKeys = chainChangesKeys(state, head) || createsEntity(head, tx);
    const collect = onNode ? collectNodeKeys : collectRelationshipKeys;
    keys.set(delta.entity, needsKeys ? collect(state, delta.entity) : undefined);
  }

  for (const delta of tx.deltas.toReversed()) undo(state, delta);

  const created = new Set(createdNodes);
  const dirty = new Set<number>();
  for (const id of createdRelationships) {
    const before = relationshipKeys.get(id);
    if (before !== undefined) removeStaleEntries(id, before, undefined);
    state.typeIndex.delete(relationships.type[id] ?? -1, id);
    dirty.add(relationships.start[id] ?? 0);
    dirty.add(relationships.end[id] ?? 0);
    relationships.free(id);
  }
  for (const id of createdNodes) {
    const before = nodeKeys.get(id);
    if (before !== undefined) removeStaleNodeKeys(state, id, before, undefined);
    state.adjacency.dropNode(id);
    nodes.free(id);
  }
  const leftovers: RollbackLeftovers = { nodes: [], relationships: [] };
  for (const [id, before] of nodeKeys) {
    if (created.has(id)) continue;
    if (before !== undefined) removeStaleNodeKeys(state, id, before, collectNodeKeys(state, id));
    if (nodes.deltas[id] !== undefined) leftovers.nodes.push(id);
  }
  for (const [id, before] of relationshipKeys) {
    if (!relationships.isInUse(id)) continue;
    if (before !== undefined) removeStaleEntries(id, before, collectRelationshipKeys(state, id));
    if (relationships.deltas[id] !== undefined) leftovers.relationships.push(id);
  }
  for (const node of dirty) {
    if (nodes.isInUse(node))
      state.adjacency.compact(node, (relationship) => !relationships.isInUse(relationship));
  }
  return leftovers;
}

/** Whether the transaction's changes at the top of the chain include the entity's creation. */
function createsEntity(head: Delta | undefined, tx: TransactionState): boolean {
  for (let delta = head; delta?.stamp === tx.stamp; delta = delta.next) {
    if (delta.action === DeltaAction.NODE_CREATED || delta.action === DeltaAction.RELATIONSHIP_CREATED)
      return true;
  }
  return false;
}

/** Restores the state before `delta` and unlinks it from the head of its chain. */
function undo(state: GraphState, delta: Delta): void {
  const { nodes, relationships, labelSets } = state;
  const id = delta.entity;
  switch (delta.action) {
    case DeltaAction.NODE_DELETED:
      nodes.deleted[id] = 0;
      break;
    case DeltaAction.LABEL_ADDED:
      nodes.labels[id] = labelSets.without(nodes.labels[id] ?? labelSets.empty, delta.key);
      break;
    case DeltaAction.LABEL_REMOVED:
      nodes.labels[id] = labelSets.with(nodes.labels[id] ?? labelSets.empty, delta.key);
      break;
    case DeltaAction.NODE_PROPERTY_SET:
      nodes.properties[id] = putProperty(nodes.properties[id], delta.key, delta.value);
      break;
    case DeltaAction.RELATIONSHIP_DELETED:
      relationships.deleted[id] = 0;
      break;
    case DeltaAction.RELATIONSHIP_PROPERTY_SET:
      relationships.properties[id] = putProperty(relationships.properties[id], delta.key, delta.value);
      break;
    case DeltaAction.NODE_CREATED:
    case DeltaAction.RELATIONSHIP_CREATED:
      // Undone by freeing the entity afterwards (rollbackChanges).
      break;
    case DeltaAction.NODE_LOCKED:
    case DeltaAction.RELATIONSHIP_LOCKED:
      break;
  }
  const chains = isNodeAction(delta.action) ? nodes.deltas : relationships.deltas;
  invariant(chains[id] === delta, 'A rolled-back change must be at the head of its chain');
  chains[id] = delta.next;
}
