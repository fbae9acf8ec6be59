import { InternalError } from '../../errors/index.js';
import type {
  CollectSubquery,
  CountSubquery,
  ExistsSubquery,
  PatternComprehension,
  PatternPredicate,
  ShortestPathExpression,
} from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import type { ExecutionContext } from '../runtime/context.js';
import type { Row } from '../runtime/row.js';
import { estimateValueSize, SLOT_BYTES } from '../runtime/value-size.js';
import type { CompileScope, Evaluator } from './compile-scope.js';
import type { Compile } from './comprehension.js';
import { truthValue } from './logic.js';

/*
 * Subquery-like expressions run the subplan the operator layer compiled for them (`scope.subquery`), once
 * per outer row. Iterators are closed (`return`) as soon as the answer is known.
 */

/** A pattern predicate or `EXISTS { … }`: true when the subplan yields any row. */
export function compileExists(expression: PatternPredicate | ExistsSubquery, scope: CompileScope): Evaluator {
  const subquery = scope.subquery(expression);
  return (row, context) => {
    const rows = subquery.open(row, context);
    const first = rows.next();
    rows.return?.();
    return first.done !== true;
  };
}

/**
 * The list of `element(row)` over a subquery's rows (`undefined`: no element for that row). While the
 * list grows it is allocated in the transaction's memory tracker, so that a runaway COLLECT fails with
 * the memory error instead of exhausting the heap; once built it is released again, since whatever keeps
 * the list (a sort, an aggregation) accounts for it itself.
 */
function buildList(
  rows: Iterator<Row>,
  element: (row: Row) => CypherValue | undefined,
  context: ExecutionContext,
): CypherValue[] {
  const result: CypherValue[] = [];
  const memory = context.memory;
  if (memory?.isTracking !== true) {
    for (let next = rows.next(); next.done !== true; next = rows.next()) {
      const value = element(next.value);
      if (value !== undefined) result.push(value);
    }
    return result;
  }
  let held = 0;
  try {
    for (let next = rows.next(); next.done !== true; next = rows.next()) {
      const value = element(next.value);
      if (value === undefined) continue;
      const bytes = SLOT_BYTES + estimateValueSize(value);
      memory.allocate(bytes);
      held += bytes;
      result.push(value);
    }
  } finally {
    memory.release(held);
  }
  return result;
}

/** `COUNT { … }`: the number of rows, an INTEGER. */
export function compileCount(expression: CountSubquery, scope: CompileScope): Evaluator {
  const subquery = scope.subquery(expression);
  return (row, context) => {
    let count = 0;
    const rows = subquery.open(row, context);
    while (rows.next().done !== true) count++;
    return BigInt(count);
  };
}

/** `COLLECT { … RETURN x }`: the list of the returned column. */
export function compileCollect(expression: CollectSubquery, scope: CompileScope): Evaluator {
  const subquery = scope.subquery(expression);
  const slot = subquery.returnSlot;
  if (slot === undefined) throw new InternalError('COLLECT subquery without a return column');
  return (row, context) => buildList(subquery.open(row, context), (inner) => inner[slot] ?? null, context);
}

/** `[(a)-->(b) WHERE p | e]`: WHERE and projection resolve the pattern's variables in the subplan's scope. */
export function compilePatternComprehension(
  expression: PatternComprehension,
  scope: CompileScope,
  compile: Compile,
): Evaluator {
  const subquery = scope.subquery(expression);
  const where = expression.where === undefined ? undefined : compile(expression.where, subquery.scope);
  const projection = compile(expression.projection, subquery.scope);
  return (row, context) =>
    buildList(
      subquery.open(row, context),
      (inner) =>
        where !== undefined && truthValue(where(inner, context)) !== true
          ? undefined
          : projection(inner, context),
      context,
    );
}

/** `shortestPath(…)` as an expression: the path of the first row, or null when there is none. */
export function compileShortestPath(expression: ShortestPathExpression, scope: CompileScope): Evaluator {
  const subquery = scope.subquery(expression);
  const name = expression.part.variable?.name;
  const slot = (name === undefined ? undefined : subquery.scope.slotOf(name)) ?? subquery.returnSlot;
  if (slot === undefined) throw new InternalError('shortestPath expression without a path slot');
  return (row, context) => {
    const rows = subquery.open(row, context);
    const first = rows.next();
    rows.return?.();
    return first.done === true ? null : (first.value[slot] ?? null);
  };
}
