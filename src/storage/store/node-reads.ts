import type { CypherValue } from '../../values/index.js';
import { hasLabel, type LabelSet } from '../graph/label-sets.js';
import { getProperty, putProperty, type PropertyMap } from '../graph/property-map.js';
import { DeltaAction, type Delta } from '../mvcc/delta.js';
import type { View } from '../mvcc/view.js';
import { seesChange, type Snapshot } from '../mvcc/visibility.js';
import { entityNotFound } from './entity-errors.js';
import type { GraphState } from './graph-state.js';

/*
 * Reading a node through a snapshot and view: start from the newest version in the table and undo, newest
 * first, every change the snapshot does not see (`seesChange`). The common case, a node without pending
 * changes, reads the table directly with no allocation.
 */

/** Whether node `id` exists in what `tx` sees through `view`. */
export function isNodeVisible(state: GraphState, tx: Snapshot, id: number, view: View): boolean {
  const { nodes } = state;
  if (nodes.labels[id] === undefined) return false;
  let exists = nodes.deleted[id] === 0;
  for (
    let delta = nodes.deltas[id];
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.NODE_CREATED) exists = false;
    else if (delta.action === DeltaAction.NODE_DELETED) exists = true;
  }
  return exists;
}

/** Throws the right EntityNotFoundError for a node `tx` cannot see. */
export function throwNodeNotFound(state: GraphState, tx: Snapshot, id: number): never {
  throw entityNotFound('Node', id, ownDeletion(state.nodes.deltas[id], tx));
}

/** Whether the transaction's own changes at the top of a chain include a deletion. */
export function ownDeletion(head: Delta | undefined, tx: Snapshot): boolean {
  for (let delta = head; delta?.stamp === tx.stamp; delta = delta.next) {
    if (delta.action === DeltaAction.NODE_DELETED || delta.action === DeltaAction.RELATIONSHIP_DELETED)
      return true;
  }
  return false;
}

/**
 * The value of property `key` of node `id`, `undefined` when absent.
 * @throws EntityNotFoundError when the node is not visible.
 */
export function readNodeProperty(
  state: GraphState,
  tx: Snapshot,
  id: number,
  key: number,
  view: View,
): CypherValue | undefined {
  const { nodes } = state;
  const head = nodes.deltas[id];
  if (head === undefined || seesChange(head, tx, view)) {
    if (nodes.deleted[id] !== 0 || nodes.labels[id] === undefined) throwNodeNotFound(state, tx, id);
    return getProperty(nodes.properties[id], key);
  }
  let exists = nodes.deleted[id] === 0;
  let value = getProperty(nodes.properties[id], key);
  for (
    let delta: Delta | undefined = head;
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.NODE_PROPERTY_SET) {
      if (delta.key === key) value = delta.value;
    } else if (delta.action === DeltaAction.NODE_CREATED) exists = false;
    else if (delta.action === DeltaAction.NODE_DELETED) exists = true;
  }
  if (!exists) throwNodeNotFound(state, tx, id);
  return value;
}

/**
 * The labels of node `id` (a shared frozen set: do not keep it beyond the transaction).
 * @throws EntityNotFoundError when the node is not visible.
 */
export function readNodeLabels(state: GraphState, tx: Snapshot, id: number, view: View): LabelSet {
  const { nodes, labelSets } = state;
  const head = nodes.deltas[id];
  let labels = nodes.labels[id];
  if (labels === undefined) throwNodeNotFound(state, tx, id);
  if (head === undefined || seesChange(head, tx, view)) {
    if (nodes.deleted[id] !== 0) throwNodeNotFound(state, tx, id);
    return labels;
  }
  let exists = nodes.deleted[id] === 0;
  for (
    let delta: Delta | undefined = head;
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.LABEL_ADDED) labels = labelSets.without(labels, delta.key);
    else if (delta.action === DeltaAction.LABEL_REMOVED) labels = labelSets.with(labels, delta.key);
    else if (delta.action === DeltaAction.NODE_CREATED) exists = false;
    else if (delta.action === DeltaAction.NODE_DELETED) exists = true;
  }
  if (!exists) throwNodeNotFound(state, tx, id);
  return labels;
}

/** Whether node `id` has `label`. @throws EntityNotFoundError when the node is not visible. */
export function readNodeHasLabel(
  state: GraphState,
  tx: Snapshot,
  id: number,
  label: number,
  view: View,
): boolean {
  return hasLabel(readNodeLabels(state, tx, id, view), label);
}

/**
 * The property map of node `id` as `tx` sees it: the table's own array when nothing needs undoing (do not
 * mutate or keep it), else a rebuilt copy.
 * @throws EntityNotFoundError when the node is not visible.
 */
export function readNodeProperties(
  state: GraphState,
  tx: Snapshot,
  id: number,
  view: View,
): PropertyMap | undefined {
  const { nodes } = state;
  const head = nodes.deltas[id];
  let properties = nodes.properties[id];
  if (head === undefined || seesChange(head, tx, view)) {
    if (nodes.deleted[id] !== 0 || nodes.labels[id] === undefined) throwNodeNotFound(state, tx, id);
    return properties;
  }
  let exists = nodes.deleted[id] === 0;
  let copied = false;
  for (
    let delta: Delta | undefined = head;
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.NODE_PROPERTY_SET) {
      if (!copied) {
        properties = properties?.slice();
        copied = true;
      }
      properties = putProperty(properties, delta.key, delta.value);
    } else if (delta.action === DeltaAction.NODE_CREATED) exists = false;
    else if (delta.action === DeltaAction.NODE_DELETED) exists = true;
  }
  if (!exists) throwNodeNotFound(state, tx, id);
  return properties;
}

/** Whether node `id` is visible and has `label` (false instead of an error when it is not visible). */
export function isNodeVisibleWithLabel(
  state: GraphState,
  tx: Snapshot,
  id: number,
  label: number,
  view: View,
): boolean {
  const { nodes, labelSets } = state;
  let labels = nodes.labels[id];
  if (labels === undefined) return false;
  let exists = nodes.deleted[id] === 0;
  for (
    let delta = nodes.deltas[id];
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.LABEL_ADDED) labels = labelSets.without(labels, delta.key);
    else if (delta.action === DeltaAction.LABEL_REMOVED) labels = labelSets.with(labels, delta.key);
    else if (delta.action === DeltaAction.NODE_CREATED) exists = false;
    else if (delta.action === DeltaAction.NODE_DELETED) exists = true;
  }
  return exists && hasLabel(labels, label);
}
