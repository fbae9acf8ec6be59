import type { PhysicalPlan } from '../plan/physical-plan.js';
import { collapseEager } from './rules/collapse-eager.js';
import { countFromCountStore } from './rules/count-from-count-store.js';
import type { RewriteRule } from './rules/rewrite-rule.js';
import { sortLimitToTop } from './rules/sort-limit-to-top.js';

/**
 * The rules in the order they run, each with the reason for its place. (Filter pushdown, leaf/index-seek
 * selection and expand direction are decided while building the plan from the pattern, where the
 * predicates and bound variables are known.)
 */
export const RULE_ORDER: readonly RewriteRule[] = [
  // First: later rules look at Sort/Limit pairs that no longer have Eager between them.
  collapseEager,
  // Sort directly followed by Limit becomes Top (keeps only the first n rows in memory).
  sortLimitToTop,
  // Independent of the others: a count over a whole leaf scan needs no rows at all.
  countFromCountStore,
];

export function applyRewrites(plan: PhysicalPlan, rules: readonly RewriteRule[] = RULE_ORDER): PhysicalPlan {
  return rules.reduce((current, rule) => rule.apply(current), plan);
}
