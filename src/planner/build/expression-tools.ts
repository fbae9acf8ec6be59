import type { Expression } from '../../cypher/index.js';

/**
 * Generic walks over expression trees for the planner: free variables, aggregate detection, conjunct
 * splitting, structural keys and copy-on-change rewriting. The walks are generic over object fields so that
 * every AST kind is covered without a case per kind.
 */

/** The aggregate functions of Cypher (the planner lifts them into aggregation operators). */
const AGGREGATES = new Set([
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'collect',
  'stdev',
  'stdevp',
  'percentilecont',
  'percentiledisc',
]);

/** Kinds whose inner expressions belong to a nested query: aggregates there are not ours. */
const NESTED_QUERY_KINDS = new Set([
  'ExistsSubquery',
  'CountSubquery',
  'CollectSubquery',
  'PatternComprehension',
]);

/** Kinds of subquery-like expressions, planned as subplans. */
export const SUBQUERY_KINDS = new Set([
  'PatternPredicate',
  'PatternComprehension',
  'ExistsSubquery',
  'CountSubquery',
  'CollectSubquery',
  'ShortestPathExpression',
]);

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name.toLowerCase());
}

function isNode(value: unknown): value is { readonly kind: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string'
  );
}

/** Calls `visit` for every AST node below `root` (root included) until `visit` returns false for a node. */
export function walk(root: unknown, visit: (node: { readonly kind: string }) => boolean): void {
  if (Array.isArray(root)) {
    for (const element of root) walk(element, visit);
    return;
  }
  if (typeof root !== 'object' || root === null) return;
  if (isNode(root) && !visit(root)) return;
  for (const value of Object.values(root)) {
    if (typeof value === 'object' && value !== null) walk(value, visit);
  }
}

/** Every variable name referenced anywhere in `expression` (locals of comprehensions included). */
export function referencedVariables(expression: unknown): Set<string> {
  const names = new Set<string>();
  walk(expression, (node) => {
    if (node.kind === 'Variable') names.add((node as unknown as { readonly name: string }).name);
    return true;
  });
  return names;
}

/** Whether `expression` calls an aggregate function outside nested queries. */
export function containsAggregate(expression: Expression): boolean {
  let found = false;
  walk(expression, (node) => {
    if (found || NESTED_QUERY_KINDS.has(node.kind)) return false;
    if (node.kind === 'CountStar') found = true;
    if (node.kind === 'FunctionCall' && isAggregateName((node as unknown as { readonly name: string }).name))
      found = true;
    return !found;
  });
  return found;
}

/** `a AND b AND c` -> [a, b, c]. */
export function splitConjuncts(expression: Expression | undefined): Expression[] {
  if (expression === undefined) return [];
  if (expression.kind === 'BinaryOperation' && expression.operator === 'AND') {
    return [...splitConjuncts(expression.left), ...splitConjuncts(expression.right)];
  }
  return [expression];
}

/** A key equal for structurally equal expressions (positions ignored). */
export function expressionKey(expression: Expression): string {
  return JSON.stringify(expression, (key, value: unknown) => {
    if (key === 'pos') return undefined;
    if (typeof value === 'bigint') return `${value.toString()}n`;
    return value;
  });
}

/**
 * Rewrites `expression` top-down: `replace` may return a substitute for a node (not descended into).
 * Unchanged subtrees keep their identity, and subquery-like nodes are never entered.
 */
export function rewrite(
  expression: Expression,
  replace: (node: Expression) => Expression | undefined,
): Expression {
  return rewriteValue(expression, replace) as Expression;
}

function rewriteValue(value: unknown, replace: (node: Expression) => Expression | undefined): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((element: unknown, index) => {
      const next = rewriteValue(element, replace);
      if (next !== element) copy ??= value.slice();
      if (copy !== undefined) copy[index] = next;
    });
    return copy ?? value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (isNode(value)) {
    const substitute = replace(value as Expression);
    if (substitute !== undefined) return substitute;
    // Nested queries keep their identity: their subplans are keyed by it.
    if (SUBQUERY_KINDS.has(value.kind)) return value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field !== 'object' || field === null) continue;
    const next = rewriteValue(field, replace);
    if (next !== field) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

/** A synthesized variable reference. */
export function variable(name: string, pos = 0): Expression {
  return { kind: 'Variable', pos, name };
}
