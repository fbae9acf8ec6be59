import type { RewriteRule } from './rewrite-rule.js';
import { mapPlan } from './map-plan.js';

/** Eager directly over Eager materializes the same rows twice: keep one. */
export const collapseEager: RewriteRule = {
  name: 'CollapseEager',
  apply: (plan) =>
    mapPlan(plan, (node) => (node.kind === 'Eager' && node.source.kind === 'Eager' ? node.source : node)),
};
