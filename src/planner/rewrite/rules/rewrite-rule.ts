import type { PhysicalPlan } from '../../plan/physical-plan.js';

/** A named, pure plan rewrite: returns the rewritten plan (the same object when nothing applies). */
export interface RewriteRule {
  readonly name: string;
  apply(plan: PhysicalPlan): PhysicalPlan;
}
