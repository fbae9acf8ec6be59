import { invariant } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import type { CommitRecord, StorageChange } from '../commit-log.js';
import { putProperty } from '../graph/property-map.js';
import {
  collectNodeKeys,
  collectRelationshipKeys,
  indexNodeLabel,
  indexNodeProperty,
  indexNodeVersion,
  indexRelationshipProperties,
  removeStaleEntries,
  removeStaleNodeKeys,
} from './entity-keys.js';
import type { GraphState } from './graph-state.js';
import type { StoreContext } from './store-context.js';
import { buildPropertyMap } from './write-support.js';

/**
 * Applies a committed record (WAL replay, snapshot load) straight to the tables, keeping its ids and
 * timestamp. It runs while no transaction does, so there are no versions to keep: changes edit the newest
 * (only) version in place and index keys are fixed up at once. Records must arrive in commit order.
 */
export function replayRecord(context: StoreContext, record: CommitRecord): void {
  const { state } = context;
  for (const token of record.tokens) state.tokens.of(token.kind).restore(token.id, token.name);
  for (const change of record.changes) applyChange(context, state, change);
  context.manager.advanceTo(record.commitTs);
}

function applyChange(context: StoreContext, state: GraphState, change: StorageChange): void {
  const { nodes, relationships } = state;
  switch (change.kind) {
    case 'CreateNode': {
      invariant(!nodes.isInUse(change.id), `Replayed node ${change.id} exists already`);
      const labels = state.labelSets.intern(change.labels);
      const properties = buildPropertyMap(state, change.properties);
      nodes.allocateAt(change.id, labels, properties);
      indexNodeVersion(state, change.id, labels, properties);
      return;
    }
    case 'CreateRelationship': {
      invariant(!relationships.isInUse(change.id), `Replayed relationship ${change.id} exists already`);
      const properties = buildPropertyMap(state, change.properties);
      relationships.allocateAt(change.id, change.type, change.start, change.end, properties);
      state.adjacency.add(change.start, 0, change.type, change.id, change.end);
      state.adjacency.add(change.end, 1, change.type, change.id, change.start);
      state.typeIndex.add(change.type, change.id);
      indexRelationshipProperties(state, change.id, change.type, properties);
      return;
    }
    case 'AddLabel':
      invariant(nodes.isInUse(change.id), `Replayed label change on missing node ${change.id}`);
      nodes.labels[change.id] = state.labelSets.with(nodes.labels[change.id] ?? [], change.label);
      state.labelIndex.add(change.label, change.id);
      indexNodeLabel(state, change.id, change.label, nodes.properties[change.id]);
      return;
    case 'RemoveLabel':
      editNode(state, change.id, () => {
        nodes.labels[change.id] = state.labelSets.without(nodes.labels[change.id] ?? [], change.label);
      });
      return;
    case 'SetNodeProperty':
      editNode(state, change.id, () => {
        nodes.properties[change.id] = putProperty(
          nodes.properties[change.id],
          change.key,
          present(change.value),
        );
        indexNodeProperty(
          state,
          change.id,
          change.key,
          nodes.labels[change.id] ?? [],
          nodes.properties[change.id],
        );
      });
      return;
    case 'SetRelationshipProperty': {
      invariant(relationships.isInUse(change.id), `Replayed change on missing relationship ${change.id}`);
      const before = collectRelationshipKeys(state, change.id);
      relationships.properties[change.id] = putProperty(
        relationships.properties[change.id],
        change.key,
        present(change.value),
      );
      indexRelationshipProperties(
        state,
        change.id,
        relationships.type[change.id] ?? -1,
        relationships.properties[change.id],
        change.key,
      );
      removeStaleEntries(change.id, before, collectRelationshipKeys(state, change.id));
      return;
    }
    case 'DeleteRelationship': {
      invariant(relationships.isInUse(change.id), `Replayed deletion of missing relationship ${change.id}`);
      removeStaleEntries(change.id, collectRelationshipKeys(state, change.id), undefined);
      state.typeIndex.delete(relationships.type[change.id] ?? -1, change.id);
      const [start, end] = [relationships.start[change.id] ?? -1, relationships.end[change.id] ?? -1];
      relationships.free(change.id);
      for (const node of new Set([start, end])) {
        state.adjacency.compact(node, (relationship) => !relationships.isInUse(relationship));
      }
      return;
    }
    case 'DeleteNode':
      invariant(nodes.isInUse(change.id), `Replayed deletion of missing node ${change.id}`);
      removeStaleNodeKeys(state, change.id, collectNodeKeys(state, change.id), undefined);
      state.adjacency.dropNode(change.id);
      nodes.free(change.id);
      return;
    case 'CreateIndex':
      context.indexCatalog.create(change.index, Number.POSITIVE_INFINITY);
      return;
    case 'DropIndex': {
      const index = state.indexes.get(change.name);
      invariant(index !== undefined, `Replayed drop of missing index ${change.name}`);
      context.indexCatalog.remove(index);
      return;
    }
    case 'CreateConstraint':
      context.constraintCatalog.restore(change.constraint);
      return;
    case 'DropConstraint':
      context.constraintCatalog.forget(change.name);
      return;
  }
}

/** Runs `edit` on node `id` and drops the index keys its old version alone had. */
function editNode(state: GraphState, id: number, edit: () => void): void {
  invariant(state.nodes.isInUse(id), `Replayed change on missing node ${id}`);
  const before = collectNodeKeys(state, id);
  edit();
  removeStaleNodeKeys(state, id, before, collectNodeKeys(state, id));
}

/** A record's `null` means "no property". */
function present(value: CypherValue): CypherValue | undefined {
  return value ?? undefined;
}
