import type { Expression } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';

/** A compiled expression: evaluates against one row. */
export type Evaluator = (row: Row, context: ExecutionContext) => CypherValue;

/**
 * A subquery-like expression (pattern predicate, pattern comprehension, EXISTS/COUNT/COLLECT subquery,
 * shortestPath expression) compiled by the operator layer into a runnable subplan. `open` runs it for one
 * outer row and yields the subplan's rows lazily; `scope` resolves the variables the subplan binds (for
 * the WHERE and the projection of a pattern comprehension), `returnSlot` is the single column of a COLLECT.
 */
export interface CompiledSubquery {
  open(row: Row, context: ExecutionContext): Iterator<Row>;
  readonly scope: CompileScope;
  readonly returnSlot: number | undefined;
}

/**
 * What the expression compiler needs from the plan it compiles for: where each variable lives in the row,
 * fresh slots for the variables an expression introduces (comprehension and quantifier variables,
 * `reduce` accumulators), and the subplans of subquery-like expressions.
 */
export interface CompileScope {
  /** The slot of a variable visible here, or undefined. */
  slotOf(name: string): number | undefined;
  /** A new slot for a variable local to an expression; returns a scope in which `name` resolves to it. */
  declareLocal(name: string): { readonly slot: number; readonly scope: CompileScope };
  /** The compiled subplan of a subquery-like expression node (same object identity as in the plan). */
  subquery(expression: Expression): CompiledSubquery;
}
