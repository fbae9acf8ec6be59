import type { PhysicalPlan } from '../../plan/physical-plan.js';

/**
 * Rebuilds `plan` bottom-up, calling `visit` on every operator after its inputs were rewritten; unchanged
 * subtrees keep their identity. Subplans inside Apply/Merge/Foreach/Union/Trail are visited too.
 */
export function mapPlan(plan: PhysicalPlan, visit: (plan: PhysicalPlan) => PhysicalPlan): PhysicalPlan {
  let result: PhysicalPlan = plan;
  const fields = ['source', 'left', 'right', 'match', 'body', 'inner'] as const;
  for (const field of fields) {
    const child = (result as unknown as Record<string, unknown>)[field] as PhysicalPlan | undefined;
    if (child === undefined || typeof child !== 'object') continue;
    const next = mapPlan(child, visit);
    if (next !== child) result = { ...result, [field]: next };
  }
  return visit(result);
}
