import { Status, TransactionConflictError } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { hasLabel } from '../graph/label-sets.js';
import { getProperty } from '../graph/property-map.js';
import type { IndexDefinition } from '../indexes/property-index.js';
import { DeltaAction, isNodeAction, type CommitStamp, type Delta } from '../mvcc/delta.js';
import { IdSet } from '../mvcc/id-log.js';
import { ANY_KEY, type ReadSet } from '../mvcc/read-set.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import type { GraphState } from './graph-state.js';
import type { StoreContext } from './store-context.js';

/**
 * Serializable validation of a read-write transaction about to commit (backward validation, as in
 * optimistic concurrency control): every transaction that committed after its snapshot, or is committing
 * now, will be ordered before it, so none of them may have changed anything it read (`ReadSet`). If none
 * did, what it read is still what it would read now, and the transaction is equivalent to running alone at
 * its commit timestamp. Together with first-updater-wins on writes this makes committed read-write
 * transactions serializable in commit order, and read-only transactions, reading a committed prefix of
 * that order, serializable at their snapshot: snapshot isolation's write skew cannot commit.
 *
 * Costs nothing when no commit overlapped the transaction; otherwise one pass over the overlapping commits'
 * changes and one over the read logs. Changes by the transaction itself are never compared (they are not
 * in another transaction's changes), and a transaction that wrote nothing is never validated.
 * @throws TransactionConflictError (`Neo.TransientError.Transaction.Outdated`): rolled back by the caller.
 */
export function validateReads(context: StoreContext, tx: TransactionState): void {
  const reads = tx.reads;
  if (reads === undefined || reads.isEmpty) return;
  const overlapping: TransactionState[] = [];
  const collect = (other: TransactionState): void => {
    overlapping.push(other);
  };
  context.gc.forEachCommittedAfter(tx.readTs, collect);
  // `tx` itself is not among them: it takes its commit timestamp only after validation.
  context.manager.forEachCommitting(collect);
  if (overlapping.length === 0) return;
  const changes = new OverlappingChanges(context.state, reads);
  for (const other of overlapping) {
    const reason = changes.add(other);
    if (reason !== undefined) throw outdated(reason);
  }
  const reason = changes.firstChangedRead();
  if (reason !== undefined) throw outdated(reason);
}

function outdated(what: string): TransactionConflictError {
  return new TransactionConflictError(
    `This transaction read ${what}, which a concurrent transaction changed and committed first; ` +
      'it was rolled back to keep transactions serializable and may be retried',
    { status: Status.Outdated },
  );
}

/**
 * The entities overlapping commits changed, gathered into sets, with the token-level reads (scans, seeks)
 * checked on the way. `add` returns a conflict found from tokens; `firstChangedRead` then looks up the
 * logged ids.
 */
class OverlappingChanges {
  private readonly state: GraphState;
  private readonly reads: ReadSet;
  private readonly nodes = new IdSet();
  private readonly relationships = new IdSet();
  /** Nodes whose relationships (or whose own existence) changed. */
  private readonly adjacency = new IdSet();

  constructor(state: GraphState, reads: ReadSet) {
    this.state = state;
    this.reads = reads;
  }

  add(other: TransactionState): string | undefined {
    for (const delta of other.deltas) {
      const reason = isNodeAction(delta.action)
        ? this.addNodeChange(delta)
        : this.addRelationshipChange(delta);
      if (reason !== undefined) return reason;
    }
    return undefined;
  }

  firstChangedRead(): string | undefined {
    const { reads } = this;
    const node = reads.nodes.intersects(this.nodes);
    if (node !== undefined) return `node ${node}`;
    const relationship = reads.relationships.intersects(this.relationships);
    if (relationship !== undefined) return `relationship ${relationship}`;
    const expanded = reads.adjacency.intersects(this.adjacency);
    if (expanded !== undefined) return `the relationships of node ${expanded}`;
    return undefined;
  }

  private addNodeChange(delta: Delta): string | undefined {
    const { reads } = this;
    const id = delta.entity;
    switch (delta.action) {
      case DeltaAction.NODE_LOCKED:
        return undefined;
      case DeltaAction.NODE_CREATED:
      case DeltaAction.NODE_DELETED: {
        if (reads.allNodes) return 'all nodes (a node was created or deleted)';
        if (reads.adjacency.overflowed) return 'the relationships of more nodes than it tracks one by one';
        this.adjacency.add(id);
        const reason = this.labelMembership(delta.stamp, id);
        if (reason !== undefined) return reason;
        break;
      }
      case DeltaAction.LABEL_ADDED:
      case DeltaAction.LABEL_REMOVED: {
        if (reads.labels?.has(delta.key) === true) return this.labelWords(delta.key);
        const index = this.findIndex('NODE', (each) => scopeOf(each).includes(delta.key), id, delta.stamp);
        if (index !== undefined) return indexWords(index);
        break;
      }
      case DeltaAction.NODE_PROPERTY_SET: {
        const index = this.findIndex(
          'NODE',
          (each) =>
            each.properties.includes(delta.key) &&
            scopeOf(each).some((label) => hasLabelAfter(this.state, delta.stamp, id, label)),
          id,
          delta.stamp,
        );
        if (index !== undefined) return indexWords(index);
        break;
      }
      case DeltaAction.RELATIONSHIP_CREATED:
      case DeltaAction.RELATIONSHIP_DELETED:
      case DeltaAction.RELATIONSHIP_PROPERTY_SET:
      case DeltaAction.RELATIONSHIP_LOCKED:
        return undefined;
    }
    if (reads.nodes.overflowed) return 'more nodes than it tracks one by one';
    this.nodes.add(id);
    return undefined;
  }

  private addRelationshipChange(delta: Delta): string | undefined {
    const { reads, state } = this;
    const id = delta.entity;
    const type = state.relationships.type[id] ?? -1;
    switch (delta.action) {
      case DeltaAction.RELATIONSHIP_LOCKED:
        return undefined;
      case DeltaAction.RELATIONSHIP_CREATED:
      case DeltaAction.RELATIONSHIP_DELETED: {
        if (reads.allRelationships) return 'all relationships (a relationship was created or deleted)';
        if (reads.types?.has(type) === true)
          return `the relationships of type \`${state.tokens.relationshipTypes.nameOf(type)}\``;
        const index = this.findIndex('RELATIONSHIP', (each) => scopeOf(each).includes(type), id, delta.stamp);
        if (index !== undefined) return indexWords(index);
        if (reads.adjacency.overflowed) return 'the relationships of more nodes than it tracks one by one';
        this.adjacency.add(state.relationships.start[id] ?? -1);
        this.adjacency.add(state.relationships.end[id] ?? -1);
        break;
      }
      case DeltaAction.RELATIONSHIP_PROPERTY_SET: {
        const index = this.findIndex(
          'RELATIONSHIP',
          (each) => scopeOf(each).includes(type) && each.properties.includes(delta.key),
          id,
          delta.stamp,
        );
        if (index !== undefined) return indexWords(index);
        break;
      }
      case DeltaAction.NODE_CREATED:
      case DeltaAction.NODE_DELETED:
      case DeltaAction.LABEL_ADDED:
      case DeltaAction.LABEL_REMOVED:
      case DeltaAction.NODE_PROPERTY_SET:
      case DeltaAction.NODE_LOCKED:
        return undefined;
    }
    if (reads.relationships.overflowed) return 'more relationships than it tracks one by one';
    this.relationships.add(id);
    return undefined;
  }

  /** A node was created or deleted: did it enter or leave a scanned label or a sought index? */
  private labelMembership(stamp: CommitStamp, id: number): string | undefined {
    const { reads, state } = this;
    if (reads.labels !== undefined) {
      for (const label of reads.labels) {
        if (hasLabelAfter(state, stamp, id, label)) return this.labelWords(label);
      }
    }
    const index = this.findIndex(
      'NODE',
      (each) => scopeOf(each).some((label) => hasLabelAfter(state, stamp, id, label)),
      id,
      stamp,
    );
    return index === undefined ? undefined : indexWords(index);
  }

  /**
   * A sought index whose scope the change of entity `id` by the transaction owning `stamp` touches
   * (`matches`) and whose seeks accept the entity's indexed key before or after that transaction.
   */
  private findIndex(
    entity: IndexDefinition['entity'],
    matches: (index: IndexDefinition) => boolean,
    id: number,
    stamp: CommitStamp,
  ): IndexDefinition | undefined {
    const indexes = this.reads.indexes;
    if (indexes === undefined) return undefined;
    for (const [index, seeks] of indexes) {
      if (index.entity !== entity || !matches(index)) continue;
      if (seeks === ANY_KEY) return index;
      const key = index.properties[0] ?? -1;
      const accepted = keyBeforeAndAfter(this.state, entity, id, key, stamp).some((value) =>
        seeks.some((accept) => accept(value)),
      );
      if (accepted) return index;
    }
    return undefined;
  }

  private labelWords(label: number): string {
    return `the nodes with label \`${this.state.tokens.labels.nameOf(label)}\``;
  }
}

/** The labels or types an index covers (several for FULLTEXT). */
function scopeOf(index: IndexDefinition): readonly number[] {
  return index.tokens ?? [index.token];
}

function indexWords(index: IndexDefinition): string {
  return `entries of index \`${index.name}\``;
}

/**
 * Whether node `id` has `label` in the version the transaction owning `stamp` committed: the newest labels,
 * with the label changes of later transactions (above its changes in the chain) undone. A label that
 * transaction itself added or removed is judged by its own LABEL_ADDED/LABEL_REMOVED change.
 */
function hasLabelAfter(state: GraphState, stamp: CommitStamp, id: number, label: number): boolean {
  const { nodes } = state;
  let has = hasLabel(nodes.labels[id] ?? state.labelSets.empty, label);
  for (let delta = nodes.deltas[id]; delta !== undefined && delta.stamp !== stamp; delta = delta.next) {
    if (delta.key !== label) continue;
    if (delta.action === DeltaAction.LABEL_ADDED) has = false;
    else if (delta.action === DeltaAction.LABEL_REMOVED) has = true;
  }
  return has;
}

/**
 * The values property `key` of an entity had just before and just after the transaction owning `stamp`
 * (absent values are in no index and are left out). The chain runs newest first; a transaction's changes
 * are contiguous in it (it held the entity until it committed), and each property change keeps the value
 * before it, so walking down from the newest value gives both.
 */
function keyBeforeAndAfter(
  state: GraphState,
  entity: IndexDefinition['entity'],
  id: number,
  key: number,
  stamp: CommitStamp,
): CypherValue[] {
  const table = entity === 'NODE' ? state.nodes : state.relationships;
  const setAction = entity === 'NODE' ? DeltaAction.NODE_PROPERTY_SET : DeltaAction.RELATIONSHIP_PROPERTY_SET;
  let value = getProperty(table.properties[id], key);
  // Every value met on the way: the answer if the transaction's changes are no longer in the chain.
  const all: CypherValue[] = value === undefined ? [] : [value];
  let after: CypherValue | undefined;
  let seen = false;
  for (let delta = table.deltas[id]; delta !== undefined; delta = delta.next) {
    if (delta.stamp === stamp) {
      if (!seen) after = value;
      seen = true;
    } else if (seen) {
      break;
    }
    if (delta.action === setAction && delta.key === key) {
      value = delta.value;
      if (value !== undefined) all.push(value);
    }
  }
  if (!seen) return all;
  const values: CypherValue[] = [];
  if (after !== undefined) values.push(after);
  if (value !== undefined && value !== after) values.push(value);
  return values;
}
