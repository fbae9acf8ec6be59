import { InternalError } from '../../errors/index.js';
import type {
  Expression,
  PhysicalPlan,
  PlanExpression,
  ProfiledPlanDescription,
  QueryPlan,
} from '../../planner/index.js';
import type { CompiledSubquery, CompileScope, Evaluator } from '../expressions/compile-scope.js';
import type { AggregateFunctionDefinition } from '../functions/function-definition.js';
import type { ExecutionContext } from '../runtime/context.js';
import { countingContext, DbHitCounter } from '../runtime/db-hits.js';
import { NO_MEMORY_TRACKING, type MemoryTracker } from '../runtime/memory-tracker.js';
import type { Row, RowCursor } from '../runtime/row.js';
import { buildOperator } from './build-operator.js';
import { DeferredChecks, type BuildContext, type Operator } from './operator.js';

/** The expression compiler and aggregate lookup the operators use (injected: tests may pass their own). */
export interface PlanRuntime {
  compileExpression(expression: Expression, scope: CompileScope): Evaluator;
  lookupAggregate(name: string): AggregateFunctionDefinition | undefined;
}

/** The cursor over a plan's result rows (column i at index i), with PROFILE figures when asked. */
export interface PlanCursor extends RowCursor {
  profile(): ProfiledPlanDescription | undefined;
}

interface Figures {
  rows: number;
  dbHits: number;
  time: number;
}

/** A CompileScope over plan slots; locals get fresh slots past the plan's own. */
class SlotScope implements CompileScope {
  private readonly slots: ReadonlyMap<string, number>;
  private readonly runner: PlanBuilder;
  private readonly locals: ReadonlyMap<string, number> | undefined;

  constructor(slots: ReadonlyMap<string, number>, runner: PlanBuilder, locals?: ReadonlyMap<string, number>) {
    this.slots = slots;
    this.runner = runner;
    this.locals = locals;
  }

  slotOf(name: string): number | undefined {
    return this.slots.get(name);
  }

  declareLocal(name: string): { readonly slot: number; readonly scope: CompileScope } {
    // The planner reserved a slot when a subplan nested in the comprehension reads the local.
    const slot = this.locals?.get(name) ?? this.runner.localSlot();
    return { slot, scope: new SlotScope(new Map(this.slots).set(name, slot), this.runner, this.locals) };
  }

  subquery(expression: Expression): CompiledSubquery {
    return this.runner.subquery(expression);
  }
}

/** Builds the operators of one plan for one statement execution (the BuildContext of the operators). */
class PlanBuilder implements BuildContext {
  readonly context: ExecutionContext;
  readonly deferred = new DeferredChecks();
  readonly memory: MemoryTracker;
  /** PROFILE's figures per operator (empty otherwise). */
  readonly figures: Map<PhysicalPlan, Figures> = new Map<PhysicalPlan, Figures>();
  private readonly plan: QueryPlan;
  private readonly runtime: PlanRuntime;
  readonly profiling: boolean;
  /** PROFILE's database hits, charged to the operator whose cursor is running (PROFILE only). */
  private readonly hits: DbHitCounter | undefined;
  private nextLocal: number;
  private subqueries: Map<Expression, CompiledSubquery> | undefined;

  constructor(
    plan: QueryPlan,
    context: ExecutionContext,
    runtime: PlanRuntime,
    profiling: boolean,
    parent?: PlanBuilder,
  ) {
    this.plan = plan;
    // PROFILE counts database hits through a counting transaction; other statements read the store directly.
    this.hits = profiling ? (parent?.hits ?? new DbHitCounter()) : undefined;
    this.context = this.hits === undefined ? context : countingContext(context, this.hits);
    if (parent !== undefined) this.figures = parent.figures;
    this.memory = context.memory ?? NO_MEMORY_TRACKING;
    this.runtime = runtime;
    this.profiling = profiling;
    this.nextLocal = plan.slotCount;
  }

  forContext(context: ExecutionContext): BuildContext {
    return new PlanBuilder(this.plan, context, this.runtime, this.profiling, this);
  }

  localSlot(): number {
    return this.nextLocal++;
  }

  compile(expression: PlanExpression): Evaluator {
    const scope = new SlotScope(expression.scope.slots, this, expression.scope.locals);
    return this.runtime.compileExpression(expression.expression, scope);
  }

  aggregate(name: string): AggregateFunctionDefinition | undefined {
    return this.runtime.lookupAggregate(name);
  }

  build(plan: PhysicalPlan): Operator {
    const operator = buildOperator(plan, this);
    return this.profiling ? this.measured(plan, operator) : operator;
  }

  subquery(expression: Expression): CompiledSubquery {
    this.subqueries ??= new Map();
    const cached = this.subqueries.get(expression);
    if (cached !== undefined) return cached;
    const planned = this.plan.subqueries.get(expression);
    if (planned === undefined) throw new InternalError(`No subplan for a ${expression.kind} expression`);
    let operator: Operator | undefined;
    const compiled: CompiledSubquery = {
      open: (row: Row): Iterator<Row> => {
        operator ??= this.build(planned.root);
        const cursor = operator.open(row);
        return {
          next: () => {
            const value = cursor.next();
            if (value === null) {
              cursor.close();
              return { done: true, value: undefined };
            }
            return { done: false, value };
          },
          return: () => {
            cursor.close();
            return { done: true, value: undefined };
          },
        };
      },
      scope: new SlotScope(planned.scope.slots, this),
      returnSlot: planned.returnSlot,
    };
    this.subqueries.set(expression, compiled);
    return compiled;
  }

  private measured(plan: PhysicalPlan, operator: Operator): Operator {
    const hits = this.hits;
    if (hits === undefined) return operator;
    const figures: Figures = this.figures.get(plan) ?? { rows: 0, dbHits: 0, time: 0 };
    this.figures.set(plan, figures);
    // While this operator's code runs, hits are charged to it; its inputs charge themselves the same way.
    const charged = <T>(work: () => T): T => {
      const outer = hits.enter(figures);
      try {
        return work();
      } finally {
        hits.leave(outer);
      }
    };
    return {
      open: (argument) => {
        const cursor = charged(() => operator.open(argument));
        return {
          next: () => {
            const start = performance.now();
            const row = charged(() => cursor.next());
            figures.time += performance.now() - start;
            if (row !== null) figures.rows++;
            return row;
          },
          close: () => {
            charged(() => {
              cursor.close();
            });
          },
        };
      },
    };
  }
}

/**
 * Runs a plan: builds its operators once (expressions compiled once), opens the root with an empty row of
 * the plan's width, and returns the lazy result cursor. When the rows are exhausted the statement's
 * deferred checks run (a deleted node that still has relationships fails the statement).
 */
export function executePlan(
  plan: QueryPlan,
  context: ExecutionContext,
  runtime: PlanRuntime,
  profile = false,
): PlanCursor {
  const builder = new PlanBuilder(plan, context, runtime, profile);
  const root = builder.build(plan.root);
  const cursor = root.open(new Array<Row[number]>(plan.slotCount).fill(undefined));
  let finished = false;
  return {
    next: () => {
      if (finished) return null;
      const row = cursor.next();
      if (row === null) {
        finished = true;
        builder.deferred.run();
      }
      return row;
    },
    close: () => {
      finished = true;
      cursor.close();
    },
    profile: () => (profile ? plan.profile((node) => builder.figures.get(node)) : undefined),
  };
}
