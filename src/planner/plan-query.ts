import type { Statement } from '../cypher/index.js';
import { CypherSemanticError } from '../errors/index.js';
import type { CatalogView } from './catalog-view.js';
import { planQueryBody } from './build/plan-clauses.js';
import { planSubqueryExpression } from './build/plan-subquery.js';
import { PlannerContext } from './build/planner-context.js';
import { describePlan, profilePlan } from './explain.js';
import type { PhysicalPlan } from './plan/physical-plan.js';
import type { QueryPlan } from './plan/query-plan.js';
import { applyRewrites } from './rewrite/rule-order.js';

/** What the planner needs of an analyzed statement (the semantic stage's `AnalyzedStatement` fits). */
export interface PlannerInput {
  readonly statement: Statement;
}

/**
 * Plans a query statement: clauses in order over one Argument row, then the named rewrite rules, then
 * ProduceResults (queries with results) or EmptyResult. Deterministic for a given statement and catalog
 * (parameter values are read at run time only).
 */
export function planQuery(analyzed: PlannerInput, catalog: CatalogView): QueryPlan {
  const statement = analyzed.statement;
  if (statement.kind !== 'QueryStatement') {
    throw new CypherSemanticError(`Not a query: ${statement.kind}`, { detail: 'UnexpectedSyntax' });
  }
  const context = new PlannerContext(catalog, planSubqueryExpression);
  const body = planQueryBody(context, { plan: { kind: 'Argument' }, scope: new Map() }, statement.query);
  const columns = body.columns.map((column) => column.name);
  const rewritten = applyRewrites(body.plan);
  const root: PhysicalPlan =
    columns.length > 0
      ? {
          kind: 'ProduceResults',
          source: rewritten,
          slots: body.columns.map((column) => column.slot),
          columns,
        }
      : { kind: 'EmptyResult', source: rewritten };
  const updating = context.writes;
  const queryType = updating ? (columns.length > 0 ? 'rw' : 'w') : 'r';
  return {
    columns,
    queryType,
    root,
    slotCount: context.slotCount,
    subqueries: context.subqueries,
    updating,
    innerTransactions: context.innerTransactions,
    describe: () => describePlan(root, catalog),
    profile: (stats) => profilePlan(root, catalog, stats),
  };
}
