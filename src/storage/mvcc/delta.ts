import type { CypherValue } from '../../values/index.js';

/**
 * Shared by all deltas of one transaction. `commitTs` is +Infinity until the commit is published, then the
 * commit timestamp: flipping this one field makes every change of the transaction visible at once
 * (Memgraph's `commit_info`).
 */
export class CommitStamp {
  commitTs = Number.POSITIVE_INFINITY;
  /**
   * True once the transaction has a commit timestamp (validated, being logged); with `commitTs` still
   * +Infinity that means "committing", with a finite one "committed".
   */
  preparing = false;
}

/**
 * What a delta records. Deltas are undo records (Memgraph `Delta`): each is named after the change a
 * transaction made, and carries what is needed to undo it, so a reader rebuilds an older version by undoing
 * the changes it must not see, newest first. The entity's table holds the newest version.
 */
export const DeltaAction = {
  /** The node was created; undoing it makes the node absent. */
  NODE_CREATED: 0,
  /** The node was deleted; undoing it makes it present again (its labels and properties stay in place). */
  NODE_DELETED: 1,
  /** Label `key` was added. */
  LABEL_ADDED: 2,
  /** Label `key` was removed. */
  LABEL_REMOVED: 3,
  /** Property `key` was set or removed; `value` is the value before (`undefined`: absent). */
  NODE_PROPERTY_SET: 4,
  RELATIONSHIP_CREATED: 5,
  RELATIONSHIP_DELETED: 6,
  RELATIONSHIP_PROPERTY_SET: 7,
  /** An explicit write lock (`lockNode`): no state change, but later writers conflict with it. */
  NODE_LOCKED: 8,
  RELATIONSHIP_LOCKED: 9,
} as const;
export type DeltaAction = (typeof DeltaAction)[keyof typeof DeltaAction];

/** Whether a delta belongs to a node's chain (else to a relationship's). */
export function isNodeAction(action: DeltaAction): boolean {
  return action <= DeltaAction.NODE_PROPERTY_SET || action === DeltaAction.NODE_LOCKED;
}

/**
 * One change of one entity by one transaction, linked newest-first into the entity's chain. A chain's
 * deltas are ordered by commit time because a transaction may only write an entity whose newest change is
 * its own or committed before its snapshot (first updater wins), so no two uncommitted transactions ever
 * interleave in a chain.
 */
export class Delta {
  readonly action: DeltaAction;
  readonly stamp: CommitStamp;
  /** The statement (command) of the transaction that made the change: the OLD view hides the current one. */
  readonly command: number;
  /** The node or relationship id. */
  readonly entity: number;
  /** The label or property-key token, or -1. */
  readonly key: number;
  /** The property value before the change (`undefined`: absent); unused by other actions. */
  readonly value: CypherValue | undefined;
  /** The next older change of the same entity. */
  next: Delta | undefined;

  constructor(
    action: DeltaAction,
    stamp: CommitStamp,
    command: number,
    entity: number,
    key: number,
    value: CypherValue | undefined,
    next: Delta | undefined,
  ) {
    this.action = action;
    this.stamp = stamp;
    this.command = command;
    this.entity = entity;
    this.key = key;
    this.value = value;
    this.next = next;
  }
}
