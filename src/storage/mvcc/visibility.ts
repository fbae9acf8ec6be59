import type { CommitStamp, Delta } from './delta.js';
import type { View } from './view.js';

/** What visibility needs to know about a reading transaction. */
export interface Snapshot {
  /** Identifies the transaction's own deltas. */
  readonly stamp: CommitStamp;
  /** The snapshot: every commit with a timestamp at or below it is visible, nothing later. */
  readonly readTs: number;
  /** The current statement number; the OLD view hides changes made by it. */
  readonly command: number;
}

/**
 * THE visibility rule, the only place that decides what a transaction sees (Memgraph `ApplyDeltasForRead`).
 * A change recorded by `delta` is part of what `snapshot` sees through `view` when:
 * - it is the transaction's own change: always in the NEW view; in the OLD view only if an earlier statement
 *   made it (the current statement's writes stay hidden);
 * - it is another transaction's change: only if that transaction committed at or before the snapshot. An
 *   uncommitted or committing transaction has `commitTs = +Infinity`, so its changes are never seen, and one
 *   that committed later is not seen either (snapshot isolation).
 * Readers walk a chain newest-first and undo each change this returns false for; the first change it returns
 * true for ends the walk, because every older change in the chain is then visible too (see `Delta`).
 */
export function seesChange(delta: Delta, snapshot: Snapshot, view: View): boolean {
  if (delta.stamp === snapshot.stamp) return view === 'NEW' || delta.command < snapshot.command;
  return delta.stamp.commitTs <= snapshot.readTs;
}

/**
 * Whether `snapshot` may write an entity whose newest change is `head` (first updater wins, Memgraph
 * `PrepareForWrite`): only when the newest change is its own or was committed before its snapshot. Any other
 * head means a concurrent transaction wrote the entity (still running, committing, or committed after the
 * snapshot), and writing on top of it would lose that update.
 */
export function canWrite(head: Delta | undefined, snapshot: Snapshot): boolean {
  return head === undefined || head.stamp === snapshot.stamp || head.stamp.commitTs <= snapshot.readTs;
}

/** The first change in `head`'s chain that `snapshot` sees through `view` (where reading can stop). */
export function firstVisible(head: Delta | undefined, snapshot: Snapshot, view: View): Delta | undefined {
  let delta = head;
  while (delta !== undefined && !seesChange(delta, snapshot, view)) delta = delta.next;
  return delta;
}
