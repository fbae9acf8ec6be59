/**
 * Idle polling (docs/adr/0010-idle-polling.md): after the server wrote a response, its event loop keeps
 * polling the sockets without blocking for a short window instead of going to sleep in `epoll_wait`, so a
 * client that sends its next request within the window is served at once. On a virtual machine a sleeping
 * thread takes tens of microseconds to run again once its socket is readable (the idle vCPU halts and must
 * be woken by the host), which on a chatty client's round trip costs more than the query itself.
 *
 * The loop is kept awake by a chain of `setImmediate` callbacks: while one is pending, libuv polls for I/O
 * with a zero timeout, so socket reads, timers and every other callback run as usual between the steps.
 *
 * Polling is adaptive, as spinning locks are: it pays only when the next request comes within the window.
 * A window that ends without a request is a miss; after {@link MISSES_TO_STOP} misses in a row (a client
 * that decodes a large batch before it asks for more, or one that pauses between queries) the poller stops
 * opening windows, and then only probes with one window every {@link PROBE_INTERVAL_MS}. A request that
 * arrives inside any window turns polling back on. So a streaming client costs at most one window per probe
 * interval, and a server without traffic does not poll at all.
 *
 * Polling also yields to other threads: when a step comes much later than the loop's last turn with no read
 * or write in between ({@link PREEMPTED_MS}), the OS ran something else on the core, which polling was
 * keeping from it (another process of the machine, or the client's own threads on a small one). The poller
 * then stops as after misses, so on a busy machine it costs no one CPU time.
 */

/** The scheduler the poller uses: `setImmediate` and `clearImmediate` in production, fakes in tests. */
export interface PollScheduler {
  schedule(step: () => void): unknown;
  cancel(handle: unknown): void;
  /** A monotonic clock in milliseconds (`performance.now`). */
  now(): number;
}

const EVENT_LOOP: PollScheduler = {
  schedule: (step) => setImmediate(step),
  cancel: (handle) => {
    clearImmediate(handle as NodeJS.Immediate);
  },
  now: () => performance.now(),
};

/** Windows in a row that end without a request before polling stops. */
export const MISSES_TO_STOP = 2;
/** While stopped, one window is opened at most this often (ms) to see whether polling would pay again. */
export const PROBE_INTERVAL_MS = 20;

/**
 * A turn of a polling loop takes a few microseconds; a step that comes this long (ms) after the last turn,
 * with no read or write in between, means the thread was preempted: another thread wanted the core.
 */
export const PREEMPTED_MS = 0.3;

/** Keeps the event loop polling for `windowMicros` after each response while that catches requests. */
export class IdlePoller {
  private readonly windowMs: number;
  private readonly scheduler: PollScheduler;
  /** When the current window ends (scheduler clock, ms). */
  private deadline = 0;
  private pending: unknown = null;
  private stopped = false;
  /** Whether windows are opened after every response (else only probes). */
  private active = true;
  private misses = 0;
  /** A request arrived since the last response was written (this window caught it). */
  private caught = false;
  private lastProbe = -Infinity;
  /** When the loop last did something: a step, a read or a write (scheduler clock, ms). */
  private lastTurn = 0;
  /** Steps run so far (each is one non-blocking turn of the event loop). */
  steps = 0;
  /** Times polling stopped because the thread was preempted while it polled. */
  preemptions = 0;
  private readonly step = (): void => {
    this.pending = null;
    this.steps++;
    if (this.stopped) return;
    const now = this.scheduler.now();
    if (now - this.lastTurn > PREEMPTED_MS) {
      // Nothing ran since the last turn, yet it took long: the OS gave the core to another thread, which
      // polling kept waiting. Stop, and leave the core to it until the next probe.
      this.preemptions++;
      this.stopPolling(now);
      return;
    }
    this.lastTurn = now;
    if (now < this.deadline) {
      this.pending = this.scheduler.schedule(this.step);
      return;
    }
    if (this.caught) return;
    if (++this.misses >= MISSES_TO_STOP && this.active) this.stopPolling(now);
  };

  constructor(windowMicros: number, scheduler: PollScheduler = EVENT_LOOP) {
    if (!Number.isFinite(windowMicros) || windowMicros <= 0) {
      throw new TypeError(`The idle-polling window must be a positive number of µs, got ${windowMicros}`);
    }
    this.windowMs = windowMicros / 1000;
    this.scheduler = scheduler;
  }

  /** Whether the loop is being kept awake right now. */
  get isPolling(): boolean {
    return this.pending !== null;
  }

  /** Whether windows open after every response (false: polling stopped, only probing). */
  get isActive(): boolean {
    return this.active;
  }

  /** A response was written: poll until the window from now has passed (extending one already open). */
  written(): void {
    if (this.stopped) return;
    const now = this.scheduler.now();
    this.lastTurn = now;
    this.caught = false;
    if (this.pending === null) {
      if (!this.active) {
        if (now - this.lastProbe < PROBE_INTERVAL_MS) return;
        this.lastProbe = now;
      }
      this.pending = this.scheduler.schedule(this.step);
    }
    this.deadline = now + this.windowMs;
  }

  /** Bytes arrived from a client: inside a window, polling paid off. */
  received(): void {
    if (this.pending === null) return;
    this.lastTurn = this.scheduler.now();
    this.caught = true;
    this.misses = 0;
    this.active = true;
  }

  private stopPolling(now: number): void {
    this.active = false;
    this.lastProbe = now;
    this.misses = 0;
  }

  /** Ends the current window and ignores later calls (server shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.pending !== null) this.scheduler.cancel(this.pending);
    this.pending = null;
  }
}
