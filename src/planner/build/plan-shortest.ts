import type { Expression } from '../../cypher/index.js';
import type { PhysicalPlan } from '../plan/physical-plan.js';
import type { NamedPart, PendingPredicate } from './plan-match.js';
import type { PlannerContext, Scope } from './planner-context.js';

/**
 * shortestPath((a)-[r*]-(b)) / allShortestPaths: both ends are bound by the time this runs. WHERE conjuncts
 * on the path or its relationships become the operator's path predicate (checked on candidate paths, so the
 * shortest path that satisfies them is found, as Neo4j does), and are marked applied.
 */
export function planShortestPart(
  context: PlannerContext,
  source: PhysicalPlan,
  scope: Map<string, number>,
  { part, nodes, relationships }: NamedPart,
  pending: readonly PendingPredicate[],
  optional = false,
): PhysicalPlan {
  const connection = part.element.relationships[0];
  // The semantic analysis refuses quantified path patterns under shortestPath and SHORTEST.
  const rel = connection?.kind === 'RelationshipPattern' ? connection : undefined;
  const relName = relationships[0] ?? '';
  const pathName = part.variable?.name ?? context.anonymousName('PATH');
  if (!scope.has(pathName)) scope.set(pathName, context.newSlot());
  const own = new Set([relName, pathName]);
  const predicates: Expression[] = [];
  for (const predicate of pending) {
    if ([...predicate.needs].some((name) => own.has(name))) {
      predicates.push(predicate.expression);
      predicate.applied = true;
    }
  }
  const predicate = predicates.reduce<Expression | undefined>(
    (all, next) =>
      all === undefined
        ? next
        : { kind: 'BinaryOperation', pos: next.pos, operator: 'AND', left: all, right: next },
    undefined,
  );
  return {
    kind: 'ShortestPath',
    source,
    from: slotOf(scope, nodes[0]),
    to: slotOf(scope, nodes.at(-1)),
    relationship: slotOf(scope, relName),
    path: slotOf(scope, pathName),
    direction: rel?.direction ?? 'BOTH',
    types: rel?.types ?? [],
    min: rel?.length?.min ?? 1,
    max: rel?.length === undefined ? 1 : rel.length.max,
    all: part.shortest === 'allShortestPaths',
    selector: part.selector !== undefined,
    properties: rel?.properties === undefined ? undefined : context.expr(rel.properties, scope),
    predicate: predicate === undefined ? undefined : context.expr(predicate, scope),
    optional,
    text: part.shortest ?? 'shortestPath',
  };
}

function slotOf(scope: Scope, name: string | undefined): number {
  return scope.get(name ?? '') ?? -1;
}
