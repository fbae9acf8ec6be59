import type { PatternPart } from '../../cypher/index.js';
import { invariant } from '../../errors/index.js';
import type { SubqueryPlan } from '../plan/query-plan.js';
import { planQueryBody } from './plan-clauses.js';
import { planPattern } from './plan-match.js';
import type { PlannerContext, Scope, SubqueryNode } from './planner-context.js';

/**
 * Plans a subquery-like expression as a subplan over an Argument that receives the outer row: pattern
 * predicates and comprehensions, EXISTS / COUNT (pattern or query form), COLLECT, shortestPath expressions.
 * Pattern forms include their WHERE as filters.
 */

export function planSubqueryExpression(
  expression: SubqueryNode,
  scope: Scope,
  context: PlannerContext,
): SubqueryPlan {
  const input = { plan: { kind: 'Argument' } as const, scope };
  switch (expression.kind) {
    case 'PatternPredicate': {
      const part: PatternPart = {
        kind: 'PatternPart',
        pos: expression.pos,
        variable: undefined,
        shortest: undefined,
        element: expression.pattern,
      };
      const planned = planPattern(context, input, [part], undefined);
      return { root: planned.plan, scope: { slots: planned.scope }, returnSlot: undefined };
    }
    case 'PatternComprehension': {
      const part: PatternPart = {
        kind: 'PatternPart',
        pos: expression.pos,
        variable: expression.pathVariable,
        shortest: undefined,
        element: expression.pattern,
      };
      const planned = planPattern(context, input, [part], expression.where);
      return { root: planned.plan, scope: { slots: planned.scope }, returnSlot: undefined };
    }
    case 'ExistsSubquery':
    case 'CountSubquery': {
      if (expression.pattern !== undefined) {
        const planned = planPattern(context, input, expression.pattern, expression.where);
        return { root: planned.plan, scope: { slots: planned.scope }, returnSlot: undefined };
      }
      invariant(expression.query !== undefined, 'EXISTS/COUNT without pattern or query');
      const planned = planQueryBody(context, input, expression.query);
      return { root: planned.plan, scope: { slots: planned.scope }, returnSlot: planned.columns[0]?.slot };
    }
    case 'CollectSubquery': {
      const planned = planQueryBody(context, input, expression.query);
      return { root: planned.plan, scope: { slots: planned.scope }, returnSlot: planned.columns[0]?.slot };
    }
    case 'ShortestPathExpression': {
      const name = expression.part.variable?.name ?? context.anonymousName('PATH');
      const part: PatternPart = {
        ...expression.part,
        variable: { kind: 'Variable', pos: expression.pos, name },
      };
      const planned = planPattern(context, input, [part], undefined);
      return { root: planned.plan, scope: { slots: planned.scope }, returnSlot: planned.scope.get(name) };
    }
  }
}
