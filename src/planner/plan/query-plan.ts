import type { Expression } from '../../cypher/index.js';
import type { PhysicalPlan, PlanScope } from './physical-plan.js';

/** One operator of an EXPLAIN tree (Neo4j's plan description shape). */
export interface PlanDescription {
  readonly operatorType: string;
  readonly identifiers: readonly string[];
  readonly arguments: { readonly Details?: string; readonly EstimatedRows: number } & Readonly<
    Record<string, string | number>
  >;
  readonly children: readonly PlanDescription[];
}

/** A PlanDescription with PROFILE figures. */
export interface ProfiledPlanDescription extends PlanDescription {
  readonly rows: number;
  readonly dbHits: number;
  readonly time: number;
  readonly children: readonly ProfiledPlanDescription[];
}

/** The subplan of a subquery-like expression (pattern predicate, EXISTS {…}, COUNT, COLLECT, …). */
export interface SubqueryPlan {
  /** Rooted at an `Argument` that receives the outer row. */
  readonly root: PhysicalPlan;
  /** The variables the subplan binds, with the outer ones (for WHERE / projection of comprehensions). */
  readonly scope: PlanScope;
  /** The single column of a COLLECT subquery, the path of a shortestPath expression. */
  readonly returnSlot: number | undefined;
}

/** What `planQuery` returns and `runPlan` runs. */
export interface QueryPlan {
  readonly columns: readonly string[];
  /** Neo4j's summary type: r read-only, rw reads+writes with results, w writes only, s schema. */
  readonly queryType: 'r' | 'w' | 'rw' | 's';
  readonly root: PhysicalPlan;
  /** How many slots a row of this plan (subplans included) uses. */
  readonly slotCount: number;
  /** The subplans of subquery-like expressions, by expression node identity. */
  readonly subqueries: ReadonlyMap<Expression, SubqueryPlan>;
  /** Whether the statement writes (rows are materialized at write barriers). */
  readonly updating: boolean;
  /** Whether it runs `CALL { … } IN TRANSACTIONS`: only an implicit (auto-commit) transaction can run it. */
  readonly innerTransactions: boolean;
  describe(): PlanDescription;
  /** The PROFILE description, with the figures `stats` reports for each operator. */
  profile(stats: (node: PhysicalPlan) => OperatorStats | undefined): ProfiledPlanDescription;
}

/** PROFILE figures of one operator. */
export interface OperatorStats {
  readonly rows: number;
  readonly dbHits: number;
  /** Milliseconds spent in the operator's cursor (including its inputs). */
  readonly time: number;
}
