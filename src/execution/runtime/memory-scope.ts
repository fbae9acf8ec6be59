import type { MemoryTracker } from './memory-tracker.js';
import { estimateRowSize, estimateValueSize } from './value-size.js';
import type { Row } from './row.js';
import type { CypherValue } from '../../values/index.js';

/**
 * What one operator cursor holds, drawn from the transaction's tracker: the cursor allocates as it
 * buffers and calls `releaseAll` once exhausted or closed, so a buffer's memory is given back even when
 * nobody closes the cursor (an Apply's inner side that ran out). When the tracker does not track, every
 * method returns at once without estimating anything.
 */
export class MemoryScope implements MemoryTracker {
  readonly isTracking: boolean;
  private readonly tracker: MemoryTracker;
  private held = 0;

  constructor(tracker: MemoryTracker) {
    this.tracker = tracker;
    this.isTracking = tracker.isTracking;
  }

  /** Bytes this scope holds now. */
  get bytes(): number {
    return this.held;
  }

  allocate(bytes: number): void {
    if (!this.isTracking) return;
    // The tracker may refuse: only what it granted is held.
    this.tracker.allocate(bytes);
    this.held += bytes;
  }

  /** Allocates the estimated size of a buffered row. */
  allocateRow(row: Row): void {
    if (this.isTracking) this.allocate(estimateRowSize(row));
  }

  /** Allocates the estimated size of a buffered value plus the slot pointing at it. */
  allocateValue(value: CypherValue): void {
    if (this.isTracking) this.allocate(8 + estimateValueSize(value));
  }

  release(bytes: number): void {
    const freed = Math.min(bytes, this.held);
    if (freed <= 0) return;
    this.held -= freed;
    this.tracker.release(freed);
  }

  releaseAll(): void {
    this.release(this.held);
  }
}
