/**
 * Deterministic concurrency for the synchronous storage API: each transaction is a generator that yields
 * wherever another transaction may run; a seeded scheduler picks which one steps next. A transaction that
 * hits a write conflict is retried from the start (as a driver's retry loop would) until it commits or
 * gives up after `maxAttempts`.
 */
import { ConstraintViolationError, TransactionConflictError } from '../../src/errors/index.js';
import type { GraphStore, StoreTransaction } from '../../src/storage/index.js';
import { random } from './pokec-graph.js';

/** What a transaction program returns: commit or roll back at the end. */
export type Outcome = 'commit' | 'rollback';

/** One transaction's logic; `yield` marks a point where other transactions may interleave. */
export type TransactionProgram = (tx: StoreTransaction, attempt: number) => Generator<void, Outcome, void>;

export interface InterleaveResult {
  committed: number;
  rolledBack: number;
  conflicts: number;
  /** Programs that never committed or rolled back within `maxAttempts`. */
  gaveUp: number;
  /** Commits refused by a constraint (the transaction is not retried: it would fail again). */
  violations: number;
}

interface Running {
  readonly program: TransactionProgram;
  tx: StoreTransaction;
  steps: Generator<void, Outcome, void>;
  attempt: number;
}

/** Runs `programs` concurrently on `store` in a seeded random interleaving. */
export async function interleave(
  store: GraphStore,
  programs: readonly TransactionProgram[],
  seed: number,
  maxAttempts = 50,
): Promise<InterleaveResult> {
  const next = random(seed);
  const result: InterleaveResult = { committed: 0, rolledBack: 0, conflicts: 0, gaveUp: 0, violations: 0 };
  const running: Running[] = programs.map((program) => {
    const tx = store.begin();
    return { program, tx, steps: program(tx, 0), attempt: 0 };
  });
  while (running.length > 0) {
    const index = Math.floor(next() * running.length);
    const run = running[index]!;
    let finished = false;
    try {
      const step = run.steps.next();
      if (step.done === true) {
        if (step.value === 'commit') {
          await run.tx.commit();
          result.committed++;
        } else {
          run.tx.rollback();
          result.rolledBack++;
        }
        finished = true;
      }
    } catch (error) {
      if (error instanceof ConstraintViolationError) {
        result.violations++;
        running.splice(index, 1);
        continue;
      }
      if (!(error instanceof TransactionConflictError)) throw error;
      result.conflicts++;
      run.tx.rollback();
      run.attempt++;
      if (run.attempt >= maxAttempts) {
        result.gaveUp++;
        finished = true;
      } else {
        run.tx = store.begin();
        run.steps = run.program(run.tx, run.attempt);
      }
    }
    if (finished) running.splice(index, 1);
  }
  return result;
}
