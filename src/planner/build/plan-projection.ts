import type { Expression, Projection, ProjectionItem } from '../../cypher/index.js';
import type { AggregateCall, PhysicalPlan, ProjectionItemPlan, SortKey } from '../plan/physical-plan.js';
import { containsAggregate, expressionKey, isAggregateName, rewrite, variable } from './expression-tools.js';
import { keepLoadCsvVariables } from './plan-load-csv.js';
import { isAnonymous, type PlanState, type PlannerContext, type Scope } from './planner-context.js';

interface NamedItem {
  readonly name: string;
  readonly expression: Expression;
}

/**
 * WITH / RETURN: Projection (or EagerAggregation with the aggregate calls lifted out of the items and
 * replaced by hidden variables), Distinct, ORDER BY (which may read the projected aliases and, without
 * aggregation or DISTINCT, the variables before the projection), SKIP, LIMIT, then WITH's WHERE. The new
 * scope holds the projected names only.
 */
export function planProjection(
  context: PlannerContext,
  state: PlanState,
  projection: Projection,
  where: Expression | undefined,
): PlanState & { readonly columns: readonly NamedItem[] } {
  const items = namedItems(state.scope, projection);
  let plan = state.plan;
  const after = new Map<string, number>();
  const replacements = new Map<string, string>();
  let orderBy = projection.orderBy ?? [];
  const aggregating = items.some((item) => containsAggregate(item.expression));
  if (aggregating) {
    const groupings: ProjectionItemPlan[] = [];
    const aggregates: AggregateCall[] = [];
    for (const item of items) {
      if (containsAggregate(item.expression)) continue;
      const slot = context.newSlot();
      groupings.push({ slot, name: item.name, value: context.expr(item.expression, state.scope) });
      after.set(item.name, slot);
      replacements.set(expressionKey(item.expression), item.name);
    }
    const lift = (expression: Expression): Expression =>
      rewrite(expression, (node) => {
        const grouping = replacements.get(expressionKey(node));
        if (grouping !== undefined) return variable(grouping, node.pos);
        if (node.kind !== 'CountStar' && !(node.kind === 'FunctionCall' && isAggregateName(node.name)))
          return undefined;
        const hidden = context.anonymousName('AGGREGATION');
        const slot = context.newSlot();
        after.set(hidden, slot);
        const args = node.kind === 'CountStar' ? [] : node.args.map((arg) => context.expr(arg, state.scope));
        const name = node.kind === 'CountStar' ? 'count' : node.name;
        const distinct = node.kind === 'FunctionCall' && node.distinct;
        aggregates.push({ slot, name, distinct, args, text: hidden });
        return variable(hidden, node.pos);
      });
    const lifted = items.map((item) =>
      containsAggregate(item.expression) ? { name: item.name, expression: lift(item.expression) } : item,
    );
    orderBy = orderBy.map((key) => ({ ...key, expression: lift(key.expression) }));
    plan = { kind: 'EagerAggregation', source: plan, groupings, aggregates };
    const aggregated = new Map(after);
    const projected: ProjectionItemPlan[] = [];
    for (const item of lifted) {
      if (after.has(item.name) && groupings.some((grouping) => grouping.name === item.name)) continue;
      const slot = context.newSlot();
      projected.push({ slot, name: item.name, value: context.expr(item.expression, aggregated) });
      after.set(item.name, slot);
    }
    if (projected.length > 0) plan = { kind: 'Projection', source: plan, items: projected };
  } else {
    const projected: ProjectionItemPlan[] = [];
    for (const item of items) {
      const expression = item.expression;
      const existing = expression.kind === 'Variable' ? state.scope.get(expression.name) : undefined;
      if (existing !== undefined && expression.kind === 'Variable' && expression.name === item.name) {
        after.set(item.name, existing);
        continue;
      }
      const slot = context.newSlot();
      projected.push({ slot, name: item.name, value: context.expr(expression, state.scope) });
      after.set(item.name, slot);
    }
    if (projected.length > 0) plan = { kind: 'Projection', source: plan, items: projected };
    for (const item of items) replacements.set(expressionKey(item.expression), item.name);
  }
  const visible = new Map<string, number>();
  for (const item of items) visible.set(item.name, after.get(item.name) ?? -1);
  if (projection.distinct) {
    plan = {
      kind: 'Distinct',
      source: plan,
      slots: items.map((item) => visible.get(item.name) ?? -1),
      names: items.map((item) => item.name),
    };
  }
  // ORDER BY sees the projected names; without aggregation/DISTINCT also the variables before.
  const orderScope = new Map(aggregating || projection.distinct ? after : [...state.scope, ...after]);
  for (const [name, slot] of visible) orderScope.set(name, slot);
  // Expressions equal to a projected one read its alias (they may not be computable after DISTINCT).
  const useAliases = (expression: Expression): Expression =>
    rewrite(expression, (node) => {
      const alias = replacements.get(expressionKey(node));
      if (alias === undefined || (node.kind === 'Variable' && orderScope.has(node.name))) return undefined;
      return variable(alias, node.pos);
    });
  const keys: SortKey[] = orderBy.map((key) => ({
    value: context.expr(useAliases(key.expression), orderScope),
    descending: key.descending,
    text: '',
  }));
  plan = orderSkipLimit(context, plan, keys, projection);
  const scope = new Map(visible);
  if (!aggregating && !projection.distinct) keepLoadCsvVariables(state.scope, scope);
  // WITH … WHERE sees what ORDER BY sees.
  if (where !== undefined) {
    plan = { kind: 'Filter', source: plan, predicate: context.expr(useAliases(where), orderScope) };
  }
  return { plan, scope, columns: items };
}

function orderSkipLimit(
  context: PlannerContext,
  source: PhysicalPlan,
  keys: SortKey[],
  projection: Projection,
): PhysicalPlan {
  const empty = new Map<string, number>();
  const skip = projection.skip === undefined ? undefined : context.expr(projection.skip, empty);
  const limit = projection.limit === undefined ? undefined : context.expr(projection.limit, empty);
  let plan = source;
  if (keys.length > 0 && limit !== undefined) {
    plan = { kind: 'Top', source: plan, keys, limit, skip, drain: context.writes };
  } else if (keys.length > 0) {
    plan = { kind: 'Sort', source: plan, keys };
  }
  if (skip !== undefined) plan = { kind: 'Skip', source: plan, count: skip };
  // Top already keeps at most skip + limit rows, so after Skip exactly `limit` remain.
  if (limit !== undefined && plan.kind !== 'Top' && !(plan.kind === 'Skip' && plan.source.kind === 'Top')) {
    plan = { kind: 'Limit', source: plan, count: limit, drain: context.writes };
  }
  return plan;
}

/** Items with their column names; `*` expands to the visible named variables sorted by name. */
function namedItems(scope: Scope, projection: Projection): NamedItem[] {
  const items: NamedItem[] = [];
  if (projection.star) {
    const names = [...scope.keys()].filter((name) => !isAnonymous(name)).sort();
    for (const name of names) items.push({ name, expression: variable(name) });
  }
  for (const item of projection.items) items.push({ name: itemName(item), expression: item.expression });
  return items;
}

function itemName(item: ProjectionItem): string {
  if (item.alias !== undefined) return item.alias.name;
  if (item.expression.kind === 'Variable') return item.expression.name;
  return item.text;
}
