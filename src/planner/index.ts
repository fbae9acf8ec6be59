/**
 * planner: turns an analyzed statement into a plan: logical operators, named rewrite rules, then the
 * physical plan with Neo4j's operator names and slot numbers, and its EXPLAIN description.
 * Inputs: the AST from cypher, a `CatalogView` (labels, indexes, counts) implemented by the engine.
 * Outputs: `QueryPlan`, which execution runs. Must not know: execution internals, storage, Bolt.
 */
export type * from '../cypher/index.js';
export { planQuery, type PlannerInput } from './plan-query.js';
export {
  EMPTY_CATALOG,
  type CatalogView,
  type CatalogIndex,
  type ProcedureSignature,
} from './catalog-view.js';
export type * from './plan/physical-plan.js';
export type {
  QueryPlan,
  PlanDescription,
  ProfiledPlanDescription,
  SubqueryPlan,
  OperatorStats,
} from './plan/query-plan.js';
export { formatPlan } from './explain.js';
export { RULE_ORDER, applyRewrites } from './rewrite/rule-order.js';
export type { RewriteRule } from './rewrite/rules/rewrite-rule.js';
