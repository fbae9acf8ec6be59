import { DeltaAction, type Delta } from '../mvcc/delta.js';
import type { LabelSet } from '../graph/label-sets.js';
import { putProperty, type PropertyMap } from '../graph/property-map.js';
import type { GraphState } from './graph-state.js';

/** Receives one existing version of an entity: its labels (nodes; empty for relationships) and properties. */
export type VersionVisitor = (labels: LabelSet, properties: PropertyMap | undefined) => void;

/**
 * Calls `visit` for every version of node `id` that some transaction may still read: the newest one, then
 * each older one rebuilt by undoing the chain's changes one by one. Versions in which the node does not
 * exist are skipped. Used by index maintenance (rollback, garbage collection, index population), never by
 * readers, which rebuild only the one version they see.
 */
export function forEachNodeVersion(state: GraphState, id: number, visit: VersionVisitor): void {
  const { nodes, labelSets } = state;
  let labels = nodes.labels[id];
  if (labels === undefined) return;
  let properties = nodes.properties[id];
  let copied = false;
  let exists = nodes.deleted[id] === 0;
  if (exists) visit(labels, properties);
  for (let delta: Delta | undefined = nodes.deltas[id]; delta !== undefined; delta = delta.next) {
    switch (delta.action) {
      case DeltaAction.NODE_CREATED:
        exists = false;
        break;
      case DeltaAction.NODE_DELETED:
        exists = true;
        break;
      case DeltaAction.LABEL_ADDED:
        labels = labelSets.without(labels, delta.key);
        break;
      case DeltaAction.LABEL_REMOVED:
        labels = labelSets.with(labels, delta.key);
        break;
      case DeltaAction.NODE_PROPERTY_SET:
        if (!copied) {
          properties = properties === undefined ? undefined : properties.slice();
          copied = true;
        }
        properties = putProperty(properties, delta.key, delta.value);
        break;
      case DeltaAction.NODE_LOCKED:
      case DeltaAction.RELATIONSHIP_CREATED:
      case DeltaAction.RELATIONSHIP_DELETED:
      case DeltaAction.RELATIONSHIP_PROPERTY_SET:
      case DeltaAction.RELATIONSHIP_LOCKED:
        break;
    }
    if (exists) visit(labels, properties);
  }
}

/** Like `forEachNodeVersion`, for relationship `id` (labels are always empty). */
export function forEachRelationshipVersion(state: GraphState, id: number, visit: VersionVisitor): void {
  const { relationships, labelSets } = state;
  if (!relationships.isInUse(id)) return;
  let properties = relationships.properties[id];
  let copied = false;
  let exists = relationships.deleted[id] === 0;
  if (exists) visit(labelSets.empty, properties);
  for (let delta: Delta | undefined = relationships.deltas[id]; delta !== undefined; delta = delta.next) {
    switch (delta.action) {
      case DeltaAction.RELATIONSHIP_CREATED:
        exists = false;
        break;
      case DeltaAction.RELATIONSHIP_DELETED:
        exists = true;
        break;
      case DeltaAction.RELATIONSHIP_PROPERTY_SET:
        if (!copied) {
          properties = properties === undefined ? undefined : properties.slice();
          copied = true;
        }
        properties = putProperty(properties, delta.key, delta.value);
        break;
      case DeltaAction.RELATIONSHIP_LOCKED:
      case DeltaAction.NODE_CREATED:
      case DeltaAction.NODE_DELETED:
      case DeltaAction.LABEL_ADDED:
      case DeltaAction.LABEL_REMOVED:
      case DeltaAction.NODE_PROPERTY_SET:
      case DeltaAction.NODE_LOCKED:
        break;
    }
    if (exists) visit(labelSets.empty, properties);
  }
}
