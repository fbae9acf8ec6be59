import type { Expression, ListComprehension, Quantifier, Reduce } from '../../planner/index.js';
import type { CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';
import type { Row } from '../runtime/row.js';
import type { CompileScope, Evaluator } from './compile-scope.js';
import { truthValue } from './logic.js';

/** Compiles a sub-expression; passed in so this file needs no import of the dispatcher (no cycle). */
export type Compile = (expression: Expression, scope: CompileScope) => Evaluator;

/** The list operand of a comprehension: null stays null, a non-list is a TypeError. */
function asList(value: CypherValue): readonly CypherValue[] | null {
  if (value === null) return null;
  if (!Array.isArray(value)) throw typeMismatch('List<T>', value);
  return value as readonly CypherValue[];
}

/**
 * `[x IN list WHERE p | e]`. The element variable lives in a slot of a private copy of the row, made once
 * per evaluation and rewritten for each element; the caller's row is never changed.
 */
export function compileListComprehension(
  expression: ListComprehension,
  scope: CompileScope,
  compile: Compile,
): Evaluator {
  const list = compile(expression.list, scope);
  const local = scope.declareLocal(expression.variable.name);
  const slot = local.slot;
  const where = expression.where === undefined ? undefined : compile(expression.where, local.scope);
  const projection =
    expression.projection === undefined ? undefined : compile(expression.projection, local.scope);
  return (row, context) => {
    const elements = asList(list(row, context));
    if (elements === null) return null;
    const inner: Row = row.slice();
    const result: CypherValue[] = [];
    for (const element of elements) {
      inner[slot] = element;
      if (where !== undefined && truthValue(where(inner, context)) !== true) continue;
      result.push(projection === undefined ? element : projection(inner, context));
    }
    return result;
  };
}

/** `all/any/none/single(x IN list WHERE p)` with null meaning "unknown" as openCypher specifies. */
export function compileQuantifier(expression: Quantifier, scope: CompileScope, compile: Compile): Evaluator {
  const list = compile(expression.list, scope);
  const local = scope.declareLocal(expression.variable.name);
  const slot = local.slot;
  const where = expression.where === undefined ? undefined : compile(expression.where, local.scope);
  const quantifier = expression.quantifier;
  return (row, context) => {
    const elements = asList(list(row, context));
    if (elements === null) return null;
    const inner: Row = row.slice();
    let trues = 0;
    let nulls = 0;
    for (const element of elements) {
      inner[slot] = element;
      const verdict = truthValue(where === undefined ? element : where(inner, context));
      if (verdict === null) nulls++;
      else if (verdict) {
        trues++;
        if (quantifier === 'any') return true;
        if (quantifier === 'none') return false;
        if (quantifier === 'single' && trues > 1) return false;
      } else if (quantifier === 'all') return false;
    }
    switch (quantifier) {
      case 'all':
      case 'none':
        return nulls > 0 ? null : true;
      case 'any':
        return nulls > 0 ? null : false;
      case 'single':
        return nulls > 0 ? null : trues === 1;
    }
  };
}

/** `reduce(acc = init, x IN list | e)`. */
export function compileReduce(expression: Reduce, scope: CompileScope, compile: Compile): Evaluator {
  const init = compile(expression.init, scope);
  const list = compile(expression.list, scope);
  const accumulator = scope.declareLocal(expression.accumulator.name);
  const variable = accumulator.scope.declareLocal(expression.variable.name);
  const step = compile(expression.expression, variable.scope);
  const accumulatorSlot = accumulator.slot;
  const variableSlot = variable.slot;
  return (row, context) => {
    const elements = asList(list(row, context));
    let value = init(row, context);
    if (elements === null) return null;
    const inner: Row = row.slice();
    for (const element of elements) {
      inner[accumulatorSlot] = value;
      inner[variableSlot] = element;
      value = step(inner, context);
    }
    return value;
  };
}
