import { MemoryLimitError, Status } from '../../errors/index.js';

/**
 * Counts the estimated heap a transaction holds in buffers that outlive one row (sorts, aggregation groups,
 * DISTINCT sets, Eager, shortest-path frontiers, collected lists, its own writes) and refuses an allocation
 * that would go beyond the limit, the way Neo4j's `db.memory.transaction.max` does. Operators call
 * `allocate` as they buffer and `release` what they allocated when they are exhausted or closed; the
 * transaction releases whatever is left when it ends.
 */
export interface MemoryTracker {
  /** False when no limit applies: operators then skip estimating sizes altogether. */
  readonly isTracking: boolean;
  /** @throws MemoryLimitError (`TransactionOutOfMemoryError` or `MemoryPoolOutOfMemoryError`) */
  allocate(bytes: number): void;
  release(bytes: number): void;
}

/** The tracker of contexts without a limit (and of tests): counts nothing. */
export const NO_MEMORY_TRACKING: MemoryTracker = {
  isTracking: false,
  allocate: () => undefined,
  release: () => undefined,
};

/** `1536` → `1.5 KiB`: sizes in messages, as Neo4j writes them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}

/**
 * The memory all transactions of a process (a server's databases) share, like Neo4j's
 * `dbms.memory.transaction.total.max`: one pool, passed to every engine that should draw from it.
 */
export class MemoryPool {
  /** Bytes; 0 means no limit. */
  readonly limit: number;
  private usedBytes = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Bytes reserved by running transactions now. */
  get used(): number {
    return this.usedBytes;
  }

  /** @throws MemoryLimitError (`MemoryPoolOutOfMemoryError`, transient) when the pool cannot grant `bytes` */
  reserve(bytes: number): void {
    const next = this.usedBytes + bytes;
    if (this.limit > 0 && next > this.limit) {
      throw new MemoryLimitError(
        `The memory all transactions may hold together is used up: they hold ${formatBytes(this.usedBytes)} ` +
          `of ${formatBytes(this.limit)} and ${formatBytes(bytes)} more was asked for ` +
          '(dbms.memory.transaction.total.max threshold reached). Retry when other transactions have ' +
          'finished, or raise the limit with --transaction-memory-total-max (config key ' +
          'transactionMemoryTotalMax)',
        { status: Status.MemoryPoolOutOfMemoryError },
      );
    }
    this.usedBytes = next;
  }

  free(bytes: number): void {
    this.usedBytes = Math.max(0, this.usedBytes - bytes);
  }
}

/** Limits of one transaction's tracker. */
export interface TransactionMemoryLimits {
  /** Bytes the transaction may hold; 0 or undefined: no limit of its own. */
  readonly limit?: number;
  /** The pool shared with other transactions, if any. */
  readonly pool?: MemoryPool;
}

/** One transaction's tracker: its own limit first, then the shared pool. */
export class TransactionMemoryTracker implements MemoryTracker {
  readonly isTracking: boolean;
  readonly limit: number;
  private readonly pool: MemoryPool | undefined;
  private usedBytes = 0;
  private peakBytes = 0;

  constructor(limits: TransactionMemoryLimits = {}) {
    this.limit = limits.limit ?? 0;
    this.pool = limits.pool !== undefined && limits.pool.limit > 0 ? limits.pool : undefined;
    this.isTracking = this.limit > 0 || this.pool !== undefined;
  }

  /** Estimated bytes held now. */
  get used(): number {
    return this.usedBytes;
  }

  /** The most held at once. */
  get peak(): number {
    return this.peakBytes;
  }

  allocate(bytes: number): void {
    const next = this.usedBytes + bytes;
    if (this.limit > 0 && next > this.limit) {
      throw new MemoryLimitError(
        `The transaction needs more memory than its limit of ${formatBytes(this.limit)} allows: it holds ` +
          `${formatBytes(this.usedBytes)} and ${formatBytes(bytes)} more was asked for ` +
          '(db.memory.transaction.max threshold reached). ' +
          'Raise the limit with --transaction-memory-max (config key transactionMemoryMax, embedded: the ' +
          'transactionMemoryMax option), or make the query hold fewer rows at once (LIMIT, fewer ' +
          'collected values)',
      );
    }
    this.pool?.reserve(bytes);
    this.usedBytes = next;
    if (next > this.peakBytes) this.peakBytes = next;
  }

  release(bytes: number): void {
    // Never below zero: an operator closing after the transaction already released everything.
    const freed = Math.min(bytes, this.usedBytes);
    this.usedBytes -= freed;
    this.pool?.free(freed);
  }

  /** Releases everything (the transaction ended). */
  releaseAll(): void {
    this.release(this.usedBytes);
  }
}
