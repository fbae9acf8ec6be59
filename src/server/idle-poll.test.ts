import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BoltBackend } from '../bolt/index.js';
import { MAX_IDLE_POLL_MICROS, resolveServerConfig } from './config.js';
import {
  IdlePoller,
  MISSES_TO_STOP,
  PREEMPTED_MS,
  PROBE_INTERVAL_MS,
  type PollScheduler,
} from './idle-poll.js';

/**
 * A scheduler whose clock and queue the test drives. `turn(ms)` spins like an idle event loop: the clock
 * moves in ticks of 10 µs and each tick runs the steps queued before it. `stall(ms)` is a preemption: the
 * clock jumps and only then does the queue run.
 */
class FakeLoop implements PollScheduler {
  time = 0;
  private queue: { step: () => void; cancelled: boolean }[] = [];

  schedule(step: () => void): unknown {
    const entry = { step, cancelled: false };
    this.queue.push(entry);
    return entry;
  }

  cancel(handle: unknown): void {
    (handle as { cancelled: boolean }).cancelled = true;
  }

  now(): number {
    return this.time;
  }

  get queued(): number {
    return this.queue.filter((entry) => !entry.cancelled).length;
  }

  turn(ms: number): void {
    const end = this.time + ms;
    while (this.time < end - 1e-9) {
      this.time = Math.min(end, this.time + 0.01);
      this.runQueued();
    }
  }

  stall(ms: number): void {
    this.time += ms;
    this.runQueued();
  }

  private runQueued(): void {
    const due = this.queue;
    this.queue = [];
    for (const entry of due) if (!entry.cancelled) entry.step();
  }
}

describe('IdlePoller', () => {
  test('keeps one step queued until the window after the last write has passed', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(200, loop);
    assert.equal(poller.isPolling, false);
    poller.written();
    assert.equal(loop.queued, 1);
    loop.turn(0.05); // 50 µs: still inside the window
    assert.equal(poller.isPolling, true);
    assert.equal(loop.queued, 1);
    loop.turn(0.1); // 150 µs
    assert.equal(poller.isPolling, true);
    loop.turn(0.06); // 210 µs: past it
    assert.equal(poller.isPolling, false);
    assert.equal(loop.queued, 0);
    // One step per 10 µs tick until the window had passed (give or take the float clock's last tick).
    assert.ok(poller.steps >= 19 && poller.steps <= 21, `${poller.steps} steps`);
  });

  test('a write during a window extends it without a second chain of steps', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(200, loop);
    poller.written();
    loop.turn(0.15);
    poller.written(); // the window now ends at 350 µs
    assert.equal(loop.queued, 1);
    loop.turn(0.15); // 300 µs
    assert.equal(poller.isPolling, true);
    loop.turn(0.1); // 400 µs
    assert.equal(poller.isPolling, false);
    assert.equal(loop.queued, 0);
  });

  test('windows that catch a request keep polling on; misses in a row stop it', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(200, loop);
    // A chatty client: each reply is followed by a request within the window.
    for (let round = 0; round < 5; round++) {
      poller.written();
      loop.turn(0.1);
      poller.received();
      loop.turn(0.3); // the window ends after the request: a hit
      assert.equal(poller.isActive, true);
    }
    // A client that takes longer than the window: MISSES_TO_STOP misses turn polling off.
    for (let miss = 1; miss <= MISSES_TO_STOP; miss++) {
      poller.written();
      loop.turn(0.3);
      assert.equal(poller.isPolling, false);
      poller.received(); // too late: outside any window
      assert.equal(poller.isActive, miss < MISSES_TO_STOP);
    }
    // Stopped: a write opens no window until the probe interval has passed.
    poller.written();
    assert.equal(poller.isPolling, false);
    assert.equal(loop.queued, 0);
  });

  test('while stopped, a probe window opens once per interval and a request inside it turns polling on', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(200, loop);
    for (let miss = 0; miss < MISSES_TO_STOP; miss++) {
      poller.written();
      loop.turn(1);
    }
    assert.equal(poller.isActive, false);
    poller.written(); // within the probe interval since polling stopped: nothing
    assert.equal(poller.isPolling, false);
    loop.turn(PROBE_INTERVAL_MS);
    poller.written(); // the first probe
    assert.equal(poller.isPolling, true);
    loop.turn(1); // a miss
    poller.written(); // within the probe interval: nothing
    assert.equal(poller.isPolling, false);
    loop.turn(PROBE_INTERVAL_MS);
    poller.written(); // the next probe
    assert.equal(poller.isPolling, true);
    loop.turn(0.1);
    poller.received();
    assert.equal(poller.isActive, true);
    loop.turn(1);
    poller.written(); // on again: every write opens a window
    assert.equal(poller.isPolling, true);
  });

  test('a step that comes long after the last turn (the thread was preempted) stops polling', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(500, loop);
    poller.written();
    loop.turn(0.05);
    assert.equal(poller.isPolling, true);
    loop.stall(PREEMPTED_MS + 0.1); // another thread had the core
    assert.equal(poller.isPolling, false);
    assert.equal(poller.isActive, false);
    assert.equal(poller.preemptions, 1);
    poller.written(); // stopped: no window until the next probe
    assert.equal(poller.isPolling, false);
    loop.turn(PROBE_INTERVAL_MS);
    poller.written();
    assert.equal(poller.isPolling, true);
  });

  test('a long gap with a read or write in it is work, not preemption', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(500, loop);
    poller.written();
    loop.turn(0.05);
    loop.time += PREEMPTED_MS + 0.1; // a request was being processed...
    poller.received();
    poller.written(); // ...and answered
    loop.stall(0);
    assert.equal(poller.isPolling, true);
    assert.equal(poller.preemptions, 0);
  });

  test('stop cancels the pending step and ignores later calls', () => {
    const loop = new FakeLoop();
    const poller = new IdlePoller(200, loop);
    poller.written();
    poller.stop();
    assert.equal(loop.queued, 0);
    assert.equal(poller.isPolling, false);
    poller.written();
    assert.equal(loop.queued, 0);
  });

  test('refuses a window that is not a positive number of microseconds', () => {
    assert.throws(() => new IdlePoller(0), TypeError);
    assert.throws(() => new IdlePoller(Number.NaN), TypeError);
  });

  test('on the real event loop, the loop keeps turning through the window and then stops', async () => {
    const poller = new IdlePoller(200_000);
    const started = performance.now();
    poller.written();
    // Timers fire while the poller keeps the loop turning: polling never blocks other callbacks.
    while (poller.isPolling) await new Promise((resolve) => setTimeout(resolve, 10));
    const elapsed = performance.now() - started;
    assert.ok(poller.steps >= 1);
    if (poller.preemptions === 0) {
      // Not preempted (an idle machine): it polled through the whole window, thousands of turns.
      assert.ok(elapsed >= 200, `the window ended after ${elapsed} ms`);
      assert.ok(poller.steps >= 10, `only ${poller.steps} steps`);
    }
  });

  test('the server setting is off by default and bounded', () => {
    const backend = {} as BoltBackend;
    assert.equal(resolveServerConfig({ backend }).idlePollMicros, 0);
    assert.equal(resolveServerConfig({ backend, idlePollMicros: 200 }).idlePollMicros, 200);
    assert.throws(() => resolveServerConfig({ backend, idlePollMicros: -1 }), TypeError);
    assert.throws(
      () => resolveServerConfig({ backend, idlePollMicros: MAX_IDLE_POLL_MICROS + 1 }),
      TypeError,
    );
  });
});
