import { hashKey, type CypherValue } from '../../values/index.js';
import type { LabelSet } from '../graph/label-sets.js';
import type { PropertyMap } from '../graph/property-map.js';
import { DeltaAction, type Delta } from '../mvcc/delta.js';
import type { PropertyIndex } from '../indexes/property-index.js';
import { forEachNodeVersion, forEachRelationshipVersion } from './entity-versions.js';
import type { GraphState } from './graph-state.js';

/*
 * Index maintenance keeps one invariant, for the token indexes and every property index:
 *   the entries of an entity are exactly the keys of its versions that some transaction may still read
 *   (its newest version and those its delta chain can rebuild).
 * Writes add the keys of the new version at once (so the writer's own index seeks find them); rollback and
 * garbage collection shorten chains and then remove the keys no remaining version has. An entity without a
 * chain therefore has exactly the entries of its newest version, which lets scans and seeks skip the
 * visibility re-check for it.
 */

/** Index keys collected over some versions of one entity. */
export class EntityKeys {
  readonly labels = new Set<number>();
  readonly entries = new Map<PropertyIndex, Map<string, CypherValue>>();

  addEntry(index: PropertyIndex, key: CypherValue): void {
    let keys = this.entries.get(index);
    if (keys === undefined) {
      keys = new Map();
      this.entries.set(index, keys);
    }
    keys.set(hashKey(key), key);
  }
}

/** Adds the keys of a new node version: its labels and every property index of those labels. */
export function indexNodeVersion(
  state: GraphState,
  id: number,
  labels: LabelSet,
  properties: PropertyMap | undefined,
): void {
  for (const label of labels) {
    state.labelIndex.add(label, id);
    indexNodeLabel(state, id, label, properties);
  }
}

/** Adds the property-index keys that label `label` brings to node `id`. */
export function indexNodeLabel(
  state: GraphState,
  id: number,
  label: number,
  properties: PropertyMap | undefined,
): void {
  const indexes = state.indexes.forToken('NODE', label);
  if (indexes === undefined) return;
  for (const index of indexes) insertKeys(index, id, properties);
}

/** Inserts every key of an entity version into `index` (a FULLTEXT index's entries repeat harmlessly). */
function insertKeys(index: PropertyIndex, id: number, properties: PropertyMap | undefined): void {
  // The write path: one key, without a callback, for every index but FULLTEXT.
  if (index.analyzer === undefined) {
    const key = index.keyOf(properties);
    if (key !== undefined) index.entries.insert(key, id);
    return;
  }
  index.forEachKey(properties, (key) => {
    index.entries.insert(key, id);
  });
}

/** Adds the keys a changed property `key` gives node `id` in the indexes of its labels. */
export function indexNodeProperty(
  state: GraphState,
  id: number,
  key: number,
  labels: LabelSet,
  properties: PropertyMap | undefined,
): void {
  const indexes = state.indexes.forKey('NODE', key);
  if (indexes === undefined) return;
  for (const index of indexes) {
    if (index.coversLabels(labels)) insertKeys(index, id, properties);
  }
}

/** Adds the property-index keys of relationship `id` of type `type` (all of them, or those using `key`). */
export function indexRelationshipProperties(
  state: GraphState,
  id: number,
  type: number,
  properties: PropertyMap | undefined,
  key?: number,
): void {
  const indexes =
    key === undefined
      ? state.indexes.forToken('RELATIONSHIP', type)
      : state.indexes.forKey('RELATIONSHIP', key);
  if (indexes === undefined) return;
  for (const index of indexes) {
    if (index.coversType(type)) insertKeys(index, id, properties);
  }
}

/** Whether shortening the chain at `head` may leave stale keys: it changes labels or indexed properties. */
export function chainChangesKeys(state: GraphState, head: Delta | undefined): boolean {
  for (let delta = head; delta !== undefined; delta = delta.next) {
    switch (delta.action) {
      case DeltaAction.LABEL_ADDED:
      case DeltaAction.LABEL_REMOVED:
        return true;
      case DeltaAction.NODE_PROPERTY_SET:
        if (state.indexes.forKey('NODE', delta.key) !== undefined) return true;
        break;
      case DeltaAction.RELATIONSHIP_PROPERTY_SET:
        if (state.indexes.forKey('RELATIONSHIP', delta.key) !== undefined) return true;
        break;
      case DeltaAction.NODE_CREATED:
      case DeltaAction.NODE_DELETED:
      case DeltaAction.NODE_LOCKED:
      case DeltaAction.RELATIONSHIP_CREATED:
      case DeltaAction.RELATIONSHIP_DELETED:
      case DeltaAction.RELATIONSHIP_LOCKED:
        break;
    }
  }
  return false;
}

/** The keys of every readable version of node `id`. */
export function collectNodeKeys(state: GraphState, id: number): EntityKeys {
  const keys = new EntityKeys();
  forEachNodeVersion(state, id, (labels, properties) => {
    for (const label of labels) {
      keys.labels.add(label);
      const indexes = state.indexes.forToken('NODE', label);
      if (indexes === undefined) continue;
      for (const index of indexes) {
        index.forEachKey(properties, (key) => {
          keys.addEntry(index, key);
        });
      }
    }
  });
  return keys;
}

/** The property-index keys of every readable version of relationship `id`. */
export function collectRelationshipKeys(state: GraphState, id: number): EntityKeys {
  const keys = new EntityKeys();
  const indexes = state.indexes.forToken('RELATIONSHIP', state.relationships.type[id] ?? -1);
  if (indexes === undefined) return keys;
  forEachRelationshipVersion(state, id, (_labels, properties) => {
    for (const index of indexes) {
      index.forEachKey(properties, (key) => {
        keys.addEntry(index, key);
      });
    }
  });
  return keys;
}

/** Removes from the indexes the keys in `before` that `after` lacks (`after` undefined: remove them all). */
export function removeStaleNodeKeys(
  state: GraphState,
  id: number,
  before: EntityKeys,
  after: EntityKeys | undefined,
): void {
  for (const label of before.labels) {
    if (after?.labels.has(label) !== true) state.labelIndex.delete(label, id);
  }
  removeStaleEntries(id, before, after);
}

/** Removes from the property indexes the keys in `before` that `after` lacks. */
export function removeStaleEntries(id: number, before: EntityKeys, after: EntityKeys | undefined): void {
  for (const [index, keys] of before.entries) {
    const kept = after?.entries.get(index);
    for (const [hash, key] of keys) {
      if (kept?.has(hash) !== true) index.entries.remove(key, id);
    }
  }
}
