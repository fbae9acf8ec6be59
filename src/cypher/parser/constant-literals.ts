import type { ListLiteral, MapLiteral } from '../ast/index.js';

/**
 * List and map literals the parser found to hold nothing but literals (at any depth), outermost ones
 * only. A dump replay statement is one such list of a thousand maps; knowing it is constant lets the later
 * passes (parameter and update searches, type checks, the notification survey) treat it as one value
 * instead of walking thousands of nodes. Kept beside the AST rather than in it, so that the AST's shape
 * (its JSON in the golden files, deep equality in tests) stays as it is. A node copied by a rewrite is not
 * in the set, which costs speed, never correctness. Only the outermost constants are kept because a
 * WeakSet entry costs far more than walking a small literal: marking every map of a batch took longer
 * than the walks it saved.
 */
const constants = new WeakSet<object>();

/** Records the outermost constant list and map literals of a parsed statement. */
export function markConstants(literals: readonly (ListLiteral | MapLiteral)[]): void {
  for (const literal of literals) constants.add(literal);
}

/**
 * True for a literal (`1`, `'a'`, `null`) and for an outermost list or map literal the parser found to be
 * made of literals only: an expression without variables, parameters, calls or subqueries, whose value is
 * the same wherever it is evaluated. False for a list or map inside such a constant (walks stop at the
 * outermost one) and for nodes the parser did not make. Takes any object so that walks over the AST by
 * shape can ask it of whatever node they meet.
 */
export function isConstantLiteral(node: object): boolean {
  return (node as { readonly kind?: unknown }).kind === 'Literal' || constants.has(node);
}
