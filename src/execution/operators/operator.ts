import type { PhysicalPlan, PlanExpression } from '../../planner/index.js';
import type { Evaluator } from '../expressions/compile-scope.js';
import type { AggregateFunctionDefinition } from '../functions/function-definition.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { MemoryTracker } from '../runtime/memory-tracker.js';
import type { Row, RowCursor } from '../runtime/row.js';

/**
 * The one operator contract. `build` (at plan start, once per operator) compiles the operator's expressions
 * into an `Operator`; `open(argument)` starts a pull cursor over the rows the operator yields for one
 * argument row (the statement's empty row, or the outer row of an Apply / subquery). Cursors are
 * synchronous and lazy: each `next()` does only the work needed for the next row. Rows handed downstream
 * are never mutated afterwards: an operator that binds slots writes them into `row.slice()`.
 */
export interface Operator {
  open(argument: Row): RowCursor;
}

/** What operators need while being built: the statement context, the expression compiler, recursion. */
export interface BuildContext {
  readonly context: ExecutionContext;
  /** Compiles a plan expression once (the scope resolves variables to slots, subqueries to subplans). */
  compile(expression: PlanExpression): Evaluator;
  /** Builds a child operator. */
  build(plan: PhysicalPlan): Operator;
  aggregate(name: string): AggregateFunctionDefinition | undefined;
  /** Checks to run when the statement's rows are exhausted (nodes deleted while still connected). */
  readonly deferred: DeferredChecks;
  /** PROFILE: every operator is measured on its own (operators must not be fused). */
  readonly profiling?: boolean;
  /**
   * The transaction's memory tracker (never undefined here). Operators that buffer beyond one row open a
   * `MemoryScope` on it per cursor and release the scope when exhausted or closed.
   */
  readonly memory: MemoryTracker;
  /**
   * A builder for the same plan in another statement context (a `CALL { … } IN TRANSACTIONS` batch's
   * transaction), with deferred checks of its own.
   */
  forContext(context: ExecutionContext): BuildContext;
}

/** End-of-statement checks registered by write operators. */
export class DeferredChecks {
  private readonly checks: (() => void)[] = [];

  add(check: () => void): void {
    this.checks.push(check);
  }

  run(): void {
    const checks = this.checks.splice(0);
    for (const check of checks) check();
  }
}

/** A cursor over nothing. */
export const EMPTY_CURSOR: RowCursor = { next: () => null, close: () => undefined };
