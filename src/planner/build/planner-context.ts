import type { Expression } from '../../cypher/index.js';
import type { CatalogView } from '../catalog-view.js';
import type { PhysicalPlan, PlanExpression } from '../plan/physical-plan.js';
import type { SubqueryPlan } from '../plan/query-plan.js';
import { SUBQUERY_KINDS, walk } from './expression-tools.js';
import { resolveLoadCsvFunctions } from './plan-load-csv.js';

/** Variable names visible at a point of planning, with their slots. */
export type Scope = ReadonlyMap<string, number>;

/** The plan built so far and what it binds. */
export interface PlanState {
  readonly plan: PhysicalPlan;
  readonly scope: Scope;
}

/** Plans one subquery-like expression in `scope` (injected by plan-query.ts, which owns the recursion). */
export type SubqueryPlanner = (
  expression: SubqueryNode,
  scope: Scope,
  context: PlannerContext,
) => SubqueryPlan;

/** A subquery-like expression node (see SUBQUERY_KINDS). */
export type SubqueryNode = Extract<
  Expression,
  {
    kind:
      | 'PatternPredicate'
      | 'PatternComprehension'
      | 'ExistsSubquery'
      | 'CountSubquery'
      | 'CollectSubquery'
      | 'ShortestPathExpression';
  }
>;

/**
 * Mutable state of one planning run: the slot counter (slots are unique per binding across the whole
 * plan, subplans included), the catalog, the subplans of subquery-like expressions and whether anything
 * writes.
 */
export class PlannerContext {
  readonly catalog: CatalogView;
  readonly subqueries = new Map<Expression, SubqueryPlan>();
  writes = false;
  /** Set when the statement runs `CALL { … } IN TRANSACTIONS`. */
  innerTransactions = false;
  private slots = 0;
  private anonymous = 0;
  private readonly planSubquery: SubqueryPlanner;

  constructor(catalog: CatalogView, planSubquery: SubqueryPlanner) {
    this.catalog = catalog;
    this.planSubquery = planSubquery;
  }

  get slotCount(): number {
    return this.slots;
  }

  newSlot(): number {
    return this.slots++;
  }

  /** A name no query can spell (leading spaces), for anonymous pattern elements and hidden values. */
  anonymousName(prefix = 'UNNAMED'): string {
    return `  ${prefix}${String(this.anonymous++)}`;
  }

  /**
   * Wraps an expression with its scope and plans the subquery-like expressions inside it. Inside a LOAD
   * CSV, `linenumber()` and `file()` become reads of the hidden variables the LoadCSV operator binds.
   */
  expr(original: Expression, scope: Scope): PlanExpression {
    const expression = resolveLoadCsvFunctions(original, scope);
    const frozen = new Map(scope);
    const locals = new Map<string, number>();
    this.visit(expression, frozen, locals);
    return { expression, scope: locals.size === 0 ? { slots: frozen } : { slots: frozen, locals } };
  }

  /** Plans the subqueries below `node`; locals of comprehensions get slots visible to nested subqueries. */
  private visit(node: unknown, scope: Scope, locals: Map<string, number>): void {
    walk(node, (child) => {
      if (SUBQUERY_KINDS.has(child.kind)) {
        const subquery = child as SubqueryNode;
        if (!this.subqueries.has(subquery))
          this.subqueries.set(subquery, this.planSubquery(subquery, scope, this));
        return false;
      }
      const expression = child as Expression;
      if (expression.kind === 'ListComprehension' || expression.kind === 'Quantifier') {
        this.visit(expression.list, scope, locals);
        const inner = this.withLocal(scope, locals, expression.variable.name);
        this.visit(expression.where, inner, locals);
        if (expression.kind === 'ListComprehension') this.visit(expression.projection, inner, locals);
        return false;
      }
      if (expression.kind === 'Reduce') {
        this.visit(expression.init, scope, locals);
        this.visit(expression.list, scope, locals);
        const inner = this.withLocal(
          this.withLocal(scope, locals, expression.accumulator.name),
          locals,
          expression.variable.name,
        );
        this.visit(expression.expression, inner, locals);
        return false;
      }
      return true;
    });
  }

  private withLocal(scope: Scope, locals: Map<string, number>, name: string): Scope {
    let slot = locals.get(name);
    if (slot === undefined) {
      slot = this.newSlot();
      locals.set(name, slot);
    }
    return new Map(scope).set(name, slot);
  }
}

/** Whether a name was made by `anonymousName` (not visible to `*` projections). */
export function isAnonymous(name: string): boolean {
  return name.startsWith('  ');
}
