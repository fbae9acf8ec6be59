/**
 * What the crash test knows about every key it wrote: the client's view of each transaction's outcome.
 * A transaction is ACKNOWLEDGED (the commit succeeded), FAILED (the server answered with an error, so it
 * rolled back) or IN DOUBT (the connection died first). After a crash, acknowledged writes must be
 * present, failed ones absent, and in-doubt ones may go either way — then what recovery shows becomes the
 * truth the next round starts from.
 */

/** One key's possible values: `undefined` means the node does not exist. */
export interface KeyState {
  /** The state every acknowledged write implies. */
  confirmed: number | undefined;
  /** Values of later in-doubt writes (any of them, or `confirmed`, may be what recovery shows). */
  inDoubt: (number | undefined)[];
}

export class CrashModel {
  readonly keys = new Map<number, KeyState>();
  /** Keys only ever written by transactions that failed: they must never exist. */
  readonly neverCommitted = new Set<number>();
  acknowledged = 0;
  failed = 0;
  inDoubt = 0;

  private state(key: number): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { confirmed: undefined, inDoubt: [] };
      this.keys.set(key, state);
    }
    return state;
  }

  /** A write of `key` to `value` (`undefined`: delete) was acknowledged. */
  acknowledge(key: number, value: number | undefined): void {
    const state = this.state(key);
    state.confirmed = value;
    state.inDoubt = [];
  }

  /** A write's outcome is unknown (the server died before answering). */
  doubt(key: number, value: number | undefined): void {
    this.state(key).inDoubt.push(value);
  }

  /** The problems with what recovery shows (`actual`: key → value of every Item node). */
  check(actual: ReadonlyMap<number, number>): string[] {
    const problems: string[] = [];
    for (const [key, state] of this.keys) {
      const value = actual.get(key);
      const allowed = [state.confirmed, ...state.inDoubt];
      if (!allowed.includes(value)) {
        problems.push(
          `key ${key}: found ${String(value)}, expected ${String(state.confirmed)}` +
            (state.inDoubt.length > 0 ? ` or one of in-doubt ${state.inDoubt.map(String).join(', ')}` : ''),
        );
      }
    }
    for (const key of this.neverCommitted) {
      if (actual.has(key)) problems.push(`key ${key} of a failed transaction exists`);
    }
    for (const key of actual.keys()) {
      if (!this.keys.has(key) && !this.neverCommitted.has(key)) problems.push(`unknown key ${key} exists`);
    }
    return problems;
  }

  /** After a successful check: what recovery showed is now confirmed. */
  settle(actual: ReadonlyMap<number, number>): void {
    for (const [key, state] of this.keys) {
      state.confirmed = actual.get(key);
      state.inDoubt = [];
    }
  }
}
