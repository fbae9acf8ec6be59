/**
 * Registers one node:test case per scenario for a matrix row and records each outcome in the matrix. A
 * scenario either runs (resolving with an optional note about what it checked, or throwing) or is skipped
 * with a reason decided up front from the client's capabilities, never because it failed.
 */
import { it, type TestContext } from 'node:test';
import { describeError, type DriverMatrix } from './matrix-report.js';
import { SCENARIO_IDS, SCENARIO_TITLES, type ScenarioId } from './scenario-list.js';

/** A note saying what was checked in place of a missing API, or nothing. */
export type ScenarioNote = string | undefined;

export type ScenarioPlan = { readonly run: () => Promise<ScenarioNote> } | { readonly skip: string };

export type ScenarioPlans = Readonly<Record<ScenarioId, ScenarioPlan>>;

export interface RowRegistration {
  readonly matrix: DriverMatrix;
  readonly rowId: string;
  /** Built when the row's tests run (after its `before` hook), so plans can close over live drivers. */
  readonly plans: () => ScenarioPlans;
  /** Called before every scenario (e.g. to clear the backend's event log). */
  readonly beforeEach?: () => void;
  /** Per scenario; a hung driver call then fails the cell instead of the whole run. */
  readonly timeoutMs: number;
}

/** Rejects after `ms` with `message`, unless `promise` settles first. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(message));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runScenario(registration: RowRegistration, id: ScenarioId, t: TestContext): Promise<void> {
  const { matrix, rowId } = registration;
  const plan = registration.plans()[id];
  if ('skip' in plan) {
    matrix.record(rowId, id, { status: 'skip', reason: plan.skip });
    t.skip(plan.skip);
    return;
  }
  registration.beforeEach?.();
  try {
    const note = await withTimeout(
      plan.run(),
      registration.timeoutMs,
      `the scenario did not finish within ${registration.timeoutMs} ms`,
    );
    matrix.record(rowId, id, note === undefined ? { status: 'pass' } : { status: 'pass', note });
    if (note !== undefined) t.diagnostic(note);
  } catch (error) {
    matrix.record(rowId, id, { status: 'fail', reason: describeError(error) });
    throw error;
  }
}

/** Registers the scenarios of one row, in column order. Call inside the row's `describe`. */
export function registerScenarios(registration: RowRegistration): void {
  for (const id of SCENARIO_IDS) {
    it(SCENARIO_TITLES[id], { timeout: registration.timeoutMs + 5000 }, (t) =>
      runScenario(registration, id, t),
    );
  }
}
