import { invariant } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { getProperty, putProperty } from '../graph/property-map.js';
import { assertStorable } from '../graph/property-value.js';
import { DeltaAction } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import { canWrite } from '../mvcc/visibility.js';
import { entityNotFound, writeConflict } from './entity-errors.js';
import { indexRelationshipProperties } from './entity-keys.js';
import type { GraphState } from './graph-state.js';
import { isNodeVisible, throwNodeNotFound } from './node-reads.js';
import { isRelationshipVisible, throwRelationshipNotFound } from './relationship-reads.js';
import { buildPropertyMap, pushRelationshipDelta, type PropertyEntries } from './write-support.js';

/** Relationship writes; the same rules as node-writes.ts. */

/**
 * Checks that `tx` may write relationship `id`.
 * @throws EntityNotFoundError when it is not visible; TransactionConflictError when a concurrent transaction
 * changed it first.
 */
export function prepareRelationshipWrite(state: GraphState, tx: TransactionState, id: number): void {
  const { relationships } = state;
  if (!Number.isInteger(id) || !relationships.isInUse(id)) throw entityNotFound('Relationship', id, false);
  if (!canWrite(relationships.deltas[id], tx)) {
    if (!isRelationshipVisible(state, tx, id, 'NEW')) throwRelationshipNotFound(state, tx, id);
    throw writeConflict('Relationship', id);
  }
  if (relationships.deleted[id] !== 0) throwRelationshipNotFound(state, tx, id);
}

/**
 * Checks that a relationship may be attached to node `id`. Attaching does not write the node, so two
 * transactions may attach relationships to one node concurrently; but a node deleted by a concurrent
 * transaction must not get one (that deleter would not see it and could commit).
 */
function checkEndpoint(state: GraphState, tx: TransactionState, id: number): void {
  const { nodes } = state;
  if (!Number.isInteger(id) || nodes.labels[id] === undefined) throw entityNotFound('Node', id, false);
  if (!canWrite(nodes.deltas[id], tx)) {
    if (!isNodeVisible(state, tx, id, 'NEW')) throwNodeNotFound(state, tx, id);
    if (nodes.deleted[id] !== 0) throw writeConflict('Node', id);
  } else if (nodes.deleted[id] !== 0) {
    throwNodeNotFound(state, tx, id);
  }
}

/** Creates a relationship `(start)-[:type]->(end)`; returns its id. */
export function createRelationship(
  state: GraphState,
  tx: TransactionState,
  type: number,
  start: number,
  end: number,
  properties?: PropertyEntries,
): number {
  invariant(state.tokens.relationshipTypes.has(type), `Unknown relationship type token ${type}`);
  const map = buildPropertyMap(state, properties);
  checkEndpoint(state, tx, start);
  checkEndpoint(state, tx, end);
  const id = state.relationships.allocate(type, start, end, map);
  state.adjacency.add(start, 0, type, id, end);
  state.adjacency.add(end, 1, type, id, start);
  state.typeIndex.add(type, id);
  pushRelationshipDelta(state, tx, DeltaAction.RELATIONSHIP_CREATED, id, -1, undefined);
  indexRelationshipProperties(state, id, type, map);
  return id;
}

/** Deletes relationship `id`. */
export function deleteRelationship(state: GraphState, tx: TransactionState, id: number): void {
  prepareRelationshipWrite(state, tx, id);
  pushRelationshipDelta(state, tx, DeltaAction.RELATIONSHIP_DELETED, id, -1, undefined);
  state.relationships.deleted[id] = 1;
}

/** Sets property `key` (`null` removes it). @throws CypherTypeError when the value cannot be stored. */
export function setRelationshipProperty(
  state: GraphState,
  tx: TransactionState,
  id: number,
  key: number,
  value: CypherValue,
): void {
  if (value === null) {
    removeRelationshipProperty(state, tx, id, key);
    return;
  }
  invariant(state.tokens.propertyKeys.has(key), `Unknown property key token ${key}`);
  assertStorable(value);
  prepareRelationshipWrite(state, tx, id);
  const { relationships } = state;
  pushRelationshipDelta(
    state,
    tx,
    DeltaAction.RELATIONSHIP_PROPERTY_SET,
    id,
    key,
    getProperty(relationships.properties[id], key),
  );
  const properties = putProperty(relationships.properties[id], key, value);
  relationships.properties[id] = properties;
  indexRelationshipProperties(state, id, relationships.type[id] ?? -1, properties, key);
}

/** Removes property `key`; returns false when it was absent. */
export function removeRelationshipProperty(
  state: GraphState,
  tx: TransactionState,
  id: number,
  key: number,
): boolean {
  prepareRelationshipWrite(state, tx, id);
  const { relationships } = state;
  const old = getProperty(relationships.properties[id], key);
  if (old === undefined) return false;
  pushRelationshipDelta(state, tx, DeltaAction.RELATIONSHIP_PROPERTY_SET, id, key, old);
  relationships.properties[id] = putProperty(relationships.properties[id], key, undefined);
  return true;
}

/** Takes a write lock on relationship `id` without changing it (see `lockNode`). */
export function lockRelationship(state: GraphState, tx: TransactionState, id: number): void {
  prepareRelationshipWrite(state, tx, id);
  if (state.relationships.deltas[id]?.stamp === tx.stamp) return;
  pushRelationshipDelta(state, tx, DeltaAction.RELATIONSHIP_LOCKED, id, -1, undefined);
}
