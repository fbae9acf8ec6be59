import type { PathSelector, PatternPart } from '../../cypher/index.js';
import type { PathSelectionOp, PhysicalPlan } from '../plan/physical-plan.js';
import type { PlannerContext, Scope } from './planner-context.js';

/**
 * The shortestPath() function a part runs as: its own, or the one that selects like its GQL selector when
 * the breadth-first ShortestPath operator can run it: one shortest path (`ANY SHORTEST`, `SHORTEST 1`) or
 * all shortest ones (`ALL SHORTEST`) along a single variable-length relationship without dynamic types.
 * Undefined for every other part.
 */
export function shortestFunction(part: PatternPart): 'shortestPath' | 'allShortestPaths' | undefined {
  if (part.shortest !== undefined) return part.shortest;
  const selector = part.selector;
  if (selector === undefined || selector.kind === 'ANY') return undefined;
  const count = selector.count;
  if (count.kind !== 'Literal' || count.value !== 1n) return undefined;
  const [only, ...rest] = part.element.relationships;
  if (only?.kind !== 'RelationshipPattern' || rest.length > 0) return undefined;
  if (only.length === undefined || only.dynamicTypes.length > 0) return undefined;
  return selector.kind === 'SHORTEST' ? 'shortestPath' : 'allShortestPaths';
}

/**
 * The selection of a GQL selector the ShortestPath operator does not run: over every path the part
 * matches (with its own predicates) for one input row, the ones its selector keeps per pair of end nodes.
 */
export function pathSelection(
  context: PlannerContext,
  source: PhysicalPlan,
  path: number,
  selector: PathSelector,
  scope: Scope,
): PathSelectionOp {
  return {
    kind: 'PathSelection',
    source,
    path,
    selector: selector.kind,
    count: context.expr(selector.count, scope),
  };
}
