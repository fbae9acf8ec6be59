import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MemoryLimitError } from '../../errors/index.js';
import { MemoryScope } from './memory-scope.js';
import { formatBytes, MemoryPool, NO_MEMORY_TRACKING, TransactionMemoryTracker } from './memory-tracker.js';

describe('The transaction memory tracker', () => {
  it('does not track without a limit or a pool', () => {
    assert.equal(new TransactionMemoryTracker().isTracking, false);
    assert.equal(new TransactionMemoryTracker({ pool: new MemoryPool(0) }).isTracking, false);
    assert.equal(new TransactionMemoryTracker({ limit: 10 }).isTracking, true);
    assert.equal(new TransactionMemoryTracker({ pool: new MemoryPool(10) }).isTracking, true);
  });

  it('refuses an allocation beyond its limit with TransactionOutOfMemoryError, keeping what it held', () => {
    const tracker = new TransactionMemoryTracker({ limit: 100 });
    tracker.allocate(60);
    tracker.allocate(40);
    assert.throws(
      () => {
        tracker.allocate(1);
      },
      (error: unknown) =>
        error instanceof MemoryLimitError &&
        error.code === 'Neo.ClientError.General.TransactionOutOfMemoryError' &&
        error.gqlStatus === '51N73' &&
        error.message.includes('limit of 100 B') &&
        error.message.includes('--transaction-memory-max'),
    );
    assert.equal(tracker.used, 100);
    tracker.release(30);
    assert.equal(tracker.used, 70);
    assert.equal(tracker.peak, 100);
  });

  it('draws from the shared pool and gives everything back when released', () => {
    const pool = new MemoryPool(100);
    const first = new TransactionMemoryTracker({ pool });
    const second = new TransactionMemoryTracker({ limit: 1000, pool });
    first.allocate(70);
    assert.throws(
      () => {
        second.allocate(40);
      },
      (error: unknown) =>
        error instanceof MemoryLimitError &&
        error.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' &&
        error.message.includes('--transaction-memory-total-max'),
    );
    assert.equal(second.used, 0, 'a refused allocation is not held');
    first.releaseAll();
    second.allocate(40);
    assert.equal(pool.used, 40);
    second.releaseAll();
    assert.equal(pool.used, 0);
  });

  it('keeps the pool equal to what its trackers hold, whatever the order of calls', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ tracker: fc.nat(2), release: fc.boolean(), bytes: fc.nat(50), all: fc.boolean() }),
          { maxLength: 60 },
        ),
        (steps) => {
          const pool = new MemoryPool(400);
          const trackers = [0, 1, 2].map(() => new TransactionMemoryTracker({ limit: 200, pool }));
          for (const step of steps) {
            const tracker = trackers[step.tracker] ?? new TransactionMemoryTracker();
            try {
              if (step.all) tracker.releaseAll();
              else if (step.release) tracker.release(step.bytes);
              else tracker.allocate(step.bytes);
            } catch (error) {
              assert.ok(error instanceof MemoryLimitError);
            }
            const held = trackers.reduce((sum, each) => sum + each.used, 0);
            assert.equal(pool.used, held);
            assert.ok(trackers.every((each) => each.used >= 0 && each.used <= 200));
          }
        },
      ),
    );
  });
});

describe('An operator memory scope', () => {
  it('releases exactly what it allocated, once', () => {
    const tracker = new TransactionMemoryTracker({ limit: 1000 });
    tracker.allocate(5);
    const scope = new MemoryScope(tracker);
    scope.allocate(100);
    scope.allocateRow(['abc', 1n]);
    scope.allocateValue([1n, 2n]);
    assert.equal(tracker.used, 5 + scope.bytes);
    scope.releaseAll();
    scope.releaseAll();
    assert.equal(tracker.used, 5);
  });

  it('holds nothing when its allocation is refused', () => {
    const tracker = new TransactionMemoryTracker({ limit: 10 });
    const scope = new MemoryScope(tracker);
    assert.throws(() => {
      scope.allocate(11);
    }, MemoryLimitError);
    assert.equal(scope.bytes, 0);
  });

  it('does nothing over a tracker that does not track', () => {
    const scope = new MemoryScope(NO_MEMORY_TRACKING);
    scope.allocate(1e12);
    scope.allocateRow(['x'.repeat(100)]);
    assert.equal(scope.bytes, 0);
  });
});

describe('Sizes in messages', () => {
  it('use binary units with one decimal', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(10 * 1024 * 1024), '10.0 MiB');
    assert.equal(formatBytes(3 * 1024 ** 3), '3.0 GiB');
  });
});
