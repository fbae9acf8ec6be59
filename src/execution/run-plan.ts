import type { QueryPlan } from '../planner/index.js';
import { compileExpression } from './expressions/compile.js';
import { lookupAggregate } from './functions/registry.js';
import { executePlan, type PlanCursor, type PlanRuntime } from './operators/plan-runner.js';
import type { ExecutionContext } from './runtime/context.js';

/** The built-in expression compiler and aggregate functions. */
export const DEFAULT_RUNTIME: PlanRuntime = { compileExpression, lookupAggregate };

/**
 * Runs a query plan in a statement context: a lazy cursor over its result rows (column i of the plan at
 * index i; values may be live StoreNode/StoreRelationship: materialize them before they leave the
 * statement). With `profile`, the cursor's `profile()` describes the plan with rows and time per operator.
 */
export function runPlan(plan: QueryPlan, context: ExecutionContext, profile = false): PlanCursor {
  return executePlan(plan, context, DEFAULT_RUNTIME, profile);
}

export type { PlanCursor, PlanRuntime };
