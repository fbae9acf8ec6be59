import type { CypherValue } from '../../values/index.js';
import { getProperty, putProperty, type PropertyMap } from '../graph/property-map.js';
import { DeltaAction, type Delta } from '../mvcc/delta.js';
import type { View } from '../mvcc/view.js';
import { seesChange, type Snapshot } from '../mvcc/visibility.js';
import { entityNotFound } from './entity-errors.js';
import type { GraphState } from './graph-state.js';
import { ownDeletion } from './node-reads.js';

/** Whether relationship `id` exists in what `tx` sees through `view` (see node-reads.ts for the method). */
export function isRelationshipVisible(state: GraphState, tx: Snapshot, id: number, view: View): boolean {
  const { relationships } = state;
  if (!relationships.isInUse(id)) return false;
  let exists = relationships.deleted[id] === 0;
  for (
    let delta = relationships.deltas[id];
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.RELATIONSHIP_CREATED) exists = false;
    else if (delta.action === DeltaAction.RELATIONSHIP_DELETED) exists = true;
  }
  return exists;
}

/** Throws the right EntityNotFoundError for a relationship `tx` cannot see. */
export function throwRelationshipNotFound(state: GraphState, tx: Snapshot, id: number): never {
  throw entityNotFound('Relationship', id, ownDeletion(state.relationships.deltas[id], tx));
}

/**
 * The value of property `key` of relationship `id`, `undefined` when absent.
 * @throws EntityNotFoundError when the relationship is not visible.
 */
export function readRelationshipProperty(
  state: GraphState,
  tx: Snapshot,
  id: number,
  key: number,
  view: View,
): CypherValue | undefined {
  const { relationships } = state;
  const head = relationships.deltas[id];
  if (head === undefined || seesChange(head, tx, view)) {
    if (relationships.deleted[id] !== 0 || !relationships.isInUse(id))
      throwRelationshipNotFound(state, tx, id);
    return getProperty(relationships.properties[id], key);
  }
  let exists = relationships.deleted[id] === 0;
  let value = getProperty(relationships.properties[id], key);
  for (
    let delta: Delta | undefined = head;
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.RELATIONSHIP_PROPERTY_SET) {
      if (delta.key === key) value = delta.value;
    } else if (delta.action === DeltaAction.RELATIONSHIP_CREATED) exists = false;
    else if (delta.action === DeltaAction.RELATIONSHIP_DELETED) exists = true;
  }
  if (!exists) throwRelationshipNotFound(state, tx, id);
  return value;
}

/**
 * The property map of relationship `id` as `tx` sees it (the table's own array when nothing needs undoing:
 * do not mutate or keep it).
 * @throws EntityNotFoundError when the relationship is not visible.
 */
export function readRelationshipProperties(
  state: GraphState,
  tx: Snapshot,
  id: number,
  view: View,
): PropertyMap | undefined {
  const { relationships } = state;
  const head = relationships.deltas[id];
  let properties = relationships.properties[id];
  if (head === undefined || seesChange(head, tx, view)) {
    if (relationships.deleted[id] !== 0 || !relationships.isInUse(id))
      throwRelationshipNotFound(state, tx, id);
    return properties;
  }
  let exists = relationships.deleted[id] === 0;
  let copied = false;
  for (
    let delta: Delta | undefined = head;
    delta !== undefined && !seesChange(delta, tx, view);
    delta = delta.next
  ) {
    if (delta.action === DeltaAction.RELATIONSHIP_PROPERTY_SET) {
      if (!copied) {
        properties = properties?.slice();
        copied = true;
      }
      properties = putProperty(properties, delta.key, delta.value);
    } else if (delta.action === DeltaAction.RELATIONSHIP_CREATED) exists = false;
    else if (delta.action === DeltaAction.RELATIONSHIP_DELETED) exists = true;
  }
  if (!exists) throwRelationshipNotFound(state, tx, id);
  return properties;
}
