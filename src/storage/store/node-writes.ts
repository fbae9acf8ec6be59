import { invariant } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { hasLabel } from '../graph/label-sets.js';
import { getProperty, putProperty } from '../graph/property-map.js';
import { assertStorable } from '../graph/property-value.js';
import { DeltaAction } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import { canWrite } from '../mvcc/visibility.js';
import { entityNotFound, writeConflict } from './entity-errors.js';
import { indexNodeLabel, indexNodeProperty, indexNodeVersion } from './entity-keys.js';
import type { GraphState } from './graph-state.js';
import { isNodeVisible, throwNodeNotFound } from './node-reads.js';
import { buildPropertyMap, pushNodeDelta, type PropertyEntries } from './write-support.js';

/*
 * Node writes. Each validates everything first (values, visibility, conflicts) and only then changes the
 * table, so a write that throws leaves no trace. After `prepareNodeWrite` the table's newest version is the
 * one the writer sees (its own or committed before its snapshot), so writes edit it in place and push an
 * undo delta.
 */

/**
 * Checks that `tx` may write node `id`.
 * @throws EntityNotFoundError when the node is not visible; TransactionConflictError when a concurrent
 * transaction changed it first.
 */
export function prepareNodeWrite(state: GraphState, tx: TransactionState, id: number): void {
  const { nodes } = state;
  if (!Number.isInteger(id) || nodes.labels[id] === undefined) throw entityNotFound('Node', id, false);
  if (!canWrite(nodes.deltas[id], tx)) {
    if (!isNodeVisible(state, tx, id, 'NEW')) throwNodeNotFound(state, tx, id);
    throw writeConflict('Node', id);
  }
  if (nodes.deleted[id] !== 0) throwNodeNotFound(state, tx, id);
}

/** Creates a node; returns its id. @throws CypherTypeError when a property value cannot be stored. */
export function createNode(
  state: GraphState,
  tx: TransactionState,
  labels: readonly number[],
  properties?: PropertyEntries,
): number {
  for (const label of labels) invariant(state.tokens.labels.has(label), `Unknown label token ${label}`);
  const map = buildPropertyMap(state, properties);
  const labelSet = state.labelSets.intern(labels);
  const id = state.nodes.allocate(labelSet, map);
  pushNodeDelta(state, tx, DeltaAction.NODE_CREATED, id, -1, undefined);
  indexNodeVersion(state, id, labelSet, map);
  return id;
}

/**
 * Deletes node `id`. Its relationships must be deleted too before commit (Neo4j checks at commit, so
 * `DELETE n, r` works in either order). A relationship a concurrent transaction attached or changed makes
 * this a conflict, so a commit can never leave a relationship pointing at a deleted node.
 */
export function deleteNode(state: GraphState, tx: TransactionState, id: number): void {
  prepareNodeWrite(state, tx, id);
  const { relationships } = state;
  if (state.adjacency.someEntry(id, (relationship) => !canWrite(relationships.deltas[relationship], tx))) {
    throw writeConflict('Node', id);
  }
  pushNodeDelta(state, tx, DeltaAction.NODE_DELETED, id, -1, undefined);
  state.nodes.deleted[id] = 1;
}

/** Adds `label`; returns false when the node already had it. */
export function addLabel(state: GraphState, tx: TransactionState, id: number, label: number): boolean {
  invariant(state.tokens.labels.has(label), `Unknown label token ${label}`);
  prepareNodeWrite(state, tx, id);
  const { nodes } = state;
  const labels = nodes.labels[id] ?? state.labelSets.empty;
  if (hasLabel(labels, label)) return false;
  pushNodeDelta(state, tx, DeltaAction.LABEL_ADDED, id, label, undefined);
  nodes.labels[id] = state.labelSets.with(labels, label);
  state.labelIndex.add(label, id);
  indexNodeLabel(state, id, label, nodes.properties[id]);
  return true;
}

/** Removes `label`; returns false when the node did not have it. */
export function removeLabel(state: GraphState, tx: TransactionState, id: number, label: number): boolean {
  prepareNodeWrite(state, tx, id);
  const { nodes } = state;
  const labels = nodes.labels[id] ?? state.labelSets.empty;
  if (!hasLabel(labels, label)) return false;
  pushNodeDelta(state, tx, DeltaAction.LABEL_REMOVED, id, label, undefined);
  nodes.labels[id] = state.labelSets.without(labels, label);
  return true;
}

/**
 * Sets property `key` (`null` removes it).
 * @throws CypherTypeError when the value cannot be stored.
 */
export function setNodeProperty(
  state: GraphState,
  tx: TransactionState,
  id: number,
  key: number,
  value: CypherValue,
): void {
  if (value === null) {
    removeNodeProperty(state, tx, id, key);
    return;
  }
  invariant(state.tokens.propertyKeys.has(key), `Unknown property key token ${key}`);
  assertStorable(value);
  prepareNodeWrite(state, tx, id);
  const { nodes } = state;
  pushNodeDelta(state, tx, DeltaAction.NODE_PROPERTY_SET, id, key, getProperty(nodes.properties[id], key));
  const properties = putProperty(nodes.properties[id], key, value);
  nodes.properties[id] = properties;
  indexNodeProperty(state, id, key, nodes.labels[id] ?? state.labelSets.empty, properties);
}

/** Removes property `key`; returns false when it was absent. */
export function removeNodeProperty(
  state: GraphState,
  tx: TransactionState,
  id: number,
  key: number,
): boolean {
  prepareNodeWrite(state, tx, id);
  const { nodes } = state;
  const old = getProperty(nodes.properties[id], key);
  if (old === undefined) return false;
  pushNodeDelta(state, tx, DeltaAction.NODE_PROPERTY_SET, id, key, old);
  nodes.properties[id] = putProperty(nodes.properties[id], key, undefined);
  return true;
}

/**
 * Takes a write lock on node `id` without changing it: until this transaction ends, other writers of the
 * node conflict, and if a concurrent transaction already changed it, this one conflicts now. This is
 * `SELECT … FOR UPDATE` for snapshot isolation, the tool that prevents write skew.
 */
export function lockNode(state: GraphState, tx: TransactionState, id: number): void {
  prepareNodeWrite(state, tx, id);
  if (state.nodes.deltas[id]?.stamp === tx.stamp) return;
  pushNodeDelta(state, tx, DeltaAction.NODE_LOCKED, id, -1, undefined);
}
