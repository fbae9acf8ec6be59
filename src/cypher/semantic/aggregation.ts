import type { Expression, Variable } from '../ast/index.js';
import { isConstantLiteral } from '../parser/constant-literals.js';
import { findFunction } from './known-functions.js';

const SUBQUERY_KINDS = new Set(['ExistsSubquery', 'CountSubquery', 'CollectSubquery']);

/** True when `node` is an aggregating function call or `count(*)`. */
export function isAggregate(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const kind = (node as { kind?: unknown }).kind;
  if (kind === 'CountStar') return true;
  if (kind !== 'FunctionCall') return false;
  return findFunction((node as { name: string }).name)?.aggregate === true;
}

/** True when `expression` contains an aggregate outside nested subqueries (which aggregate on their own). */
export function containsAggregate(expression: Expression): boolean {
  return search(expression);
}

function search(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some(search);
  if (isAggregate(node)) return true;
  if (isConstantLiteral(node)) return false;
  const kind = (node as { kind?: unknown }).kind;
  if (typeof kind === 'string' && SUBQUERY_KINDS.has(kind)) return false;
  return Object.values(node).some(search);
}

/**
 * A copy of `expression` in which every sub-expression for which `replace` returns a node is replaced by
 * that node (outermost first). The copy is only checked, never executed: it lets ORDER BY and aggregation
 * checks treat "an expression the projection already computed" as a plain variable.
 */
export function substitute(
  expression: Expression,
  replace: (e: Expression) => Expression | undefined,
): Expression {
  return map(expression, replace) as Expression;
}

function map(node: unknown, replace: (e: Expression) => Expression | undefined): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => map(item, replace));
  if ('kind' in node && 'pos' in node) {
    const replaced = replace(node as Expression);
    if (replaced !== undefined) return replaced;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = map(value, replace);
  return copy;
}

/** A synthetic variable standing for an already computed expression; the name cannot be written in Cypher. */
export function syntheticVariable(index: number, pos: number): Variable {
  return { kind: 'Variable', pos, name: `\u0000computed${index}` };
}

/** True for the grouping keys Neo4j lets an aggregating expression reuse: `v` and `v.key`. */
export function isSimpleGroupingKey(expression: Expression): boolean {
  return (
    expression.kind === 'Variable' ||
    (expression.kind === 'PropertyAccess' && expression.subject.kind === 'Variable')
  );
}
