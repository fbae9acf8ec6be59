import { isNodeAction } from '../mvcc/delta.js';
import type { TransactionState } from '../mvcc/transaction-state.js';
import {
  chainChangesKeys,
  collectNodeKeys,
  collectRelationshipKeys,
  removeStaleEntries,
  removeStaleNodeKeys,
} from './entity-keys.js';
import type { GraphState } from './graph-state.js';
import type { RollbackLeftovers } from './rollback.js';

/**
 * Frees undo information no transaction can use any more (Memgraph's GC, run inline). A committed change is
 * garbage once its commit timestamp is at or below the oldest snapshot still running: every running and
 * future transaction sees it, so nobody needs to undo it. Then the entity's whole chain can go (older changes
 * are older still); a deleted entity is freed with its index entries and adjacency; otherwise only the keys
 * its dropped versions alone had leave the indexes. Long-running readers hold the oldest snapshot back, so
 * the versions they read stay; chains whose newest change is younger are left for a later pass.
 */
export class GarbageCollector {
  /** Published transactions not collected yet, from `head` on (slots before it are cleared). */
  private readonly committed: (TransactionState | undefined)[] = [];
  private head = 0;
  private orphanNodes: number[] = [];
  private orphanRelationships: number[] = [];
  /** Chains dropped so far (for tests and statistics). */
  droppedChains = 0;

  /** Queues a published transaction; commits arrive in commit-timestamp order. */
  enqueue(tx: TransactionState): void {
    this.committed.push(tx);
  }

  /**
   * Calls `visit` for every published transaction with a commit timestamp above `readTs`, newest first. A
   * transaction with snapshot `readTs` that is still running sees them all here with their changes: the
   * collector only drops commits at or below the oldest running snapshot.
   */
  forEachCommittedAfter(readTs: number, visit: (tx: TransactionState) => void): void {
    for (let index = this.committed.length - 1; index >= this.head; index--) {
      const tx = this.committed[index];
      if (tx === undefined || tx.commitTs <= readTs) return;
      visit(tx);
    }
  }

  /** Entities a rollback left with committed changes in their chains (no queued commit may cover them). */
  adopt(leftovers: RollbackLeftovers): void {
    this.orphanNodes.push(...leftovers.nodes);
    this.orphanRelationships.push(...leftovers.relationships);
  }

  /** Transactions waiting for collection. */
  get backlog(): number {
    return this.committed.length - this.head + this.orphanNodes.length + this.orphanRelationships.length;
  }

  /** Collects everything older than `oldestReadTs`. */
  collect(state: GraphState, oldestReadTs: number): void {
    const dirty = new Set<number>();
    for (let tx = this.committed[this.head]; tx !== undefined; tx = this.committed[this.head]) {
      if (tx.commitTs > oldestReadTs) break;
      this.committed[this.head++] = undefined;
      for (const delta of tx.deltas) {
        if (isNodeAction(delta.action)) this.collectNode(state, delta.entity, oldestReadTs);
        else this.collectRelationship(state, delta.entity, oldestReadTs, dirty);
      }
      // The deltas are unlinked from every chain now; let them go even if someone keeps the transaction.
      tx.deltas.length = 0;
    }
    if (this.head > 1024 && this.head * 2 > this.committed.length) {
      this.committed.splice(0, this.head);
      this.head = 0;
    }
    // One pass settles every orphan: if its newest change is not garbage yet, that change belongs to a
    // running transaction or to a commit still queued here (the oldest snapshot never moves backwards).
    for (const id of this.orphanNodes) this.collectNode(state, id, oldestReadTs);
    for (const id of this.orphanRelationships) this.collectRelationship(state, id, oldestReadTs, dirty);
    this.orphanNodes = [];
    this.orphanRelationships = [];
    const { nodes, relationships, adjacency } = state;
    for (const node of dirty) {
      if (nodes.isInUse(node))
        adjacency.compact(node, (relationship) => !relationships.isInUse(relationship));
    }
  }

  /** Drops node `id`'s chain if its newest change is garbage. */
  private collectNode(state: GraphState, id: number, oldestReadTs: number): void {
    const { nodes } = state;
    const head = nodes.deltas[id];
    if (head === undefined || head.stamp.commitTs > oldestReadTs) return;
    this.droppedChains++;
    if (nodes.deleted[id] !== 0) {
      removeStaleNodeKeys(state, id, collectNodeKeys(state, id), undefined);
      state.adjacency.dropNode(id);
      nodes.free(id);
      return;
    }
    if (!chainChangesKeys(state, head)) {
      nodes.deltas[id] = undefined;
      return;
    }
    const before = collectNodeKeys(state, id);
    nodes.deltas[id] = undefined;
    removeStaleNodeKeys(state, id, before, collectNodeKeys(state, id));
  }

  /** Drops relationship `id`'s chain if its newest change is garbage; freed ones mark their endpoints dirty. */
  private collectRelationship(state: GraphState, id: number, oldestReadTs: number, dirty: Set<number>): void {
    const { relationships } = state;
    const head = relationships.deltas[id];
    if (head === undefined || head.stamp.commitTs > oldestReadTs) return;
    this.droppedChains++;
    if (relationships.deleted[id] !== 0) {
      removeStaleEntries(id, collectRelationshipKeys(state, id), undefined);
      state.typeIndex.delete(relationships.type[id] ?? -1, id);
      dirty.add(relationships.start[id] ?? 0);
      dirty.add(relationships.end[id] ?? 0);
      relationships.free(id);
      return;
    }
    if (!chainChangesKeys(state, head)) {
      relationships.deltas[id] = undefined;
      return;
    }
    const before = collectRelationshipKeys(state, id);
    relationships.deltas[id] = undefined;
    removeStaleEntries(id, before, collectRelationshipKeys(state, id));
  }
}
