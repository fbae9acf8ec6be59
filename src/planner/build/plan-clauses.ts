import type {
  CallSubquery,
  Clause,
  Foreach,
  InTransactions,
  Query,
  SingleQuery,
  Unwind,
} from '../../cypher/index.js';
import { assertNever } from '../../errors/index.js';
import type { PhysicalPlan } from '../plan/physical-plan.js';
import { planProcedureCall } from './plan-call.js';
import { isGraphFreeCsvPipeline, planLoadCsv } from './plan-load-csv.js';
import { planPattern } from './plan-match.js';
import { planProjection } from './plan-projection.js';
import { planCreate, planDelete, planMerge, planRemove, planSet } from './plan-writes.js';
import type { PlanState, PlannerContext } from './planner-context.js';

/** A planned query body: its plan, its result columns (name and slot) and the scope after it. */
export interface PlannedQuery extends PlanState {
  readonly columns: readonly { readonly name: string; readonly slot: number }[];
}

const WRITE_CLAUSES = new Set<Clause['kind']>(['Create', 'Merge', 'Set', 'Remove', 'Delete', 'Foreach']);

/** Plans a (possibly UNION) query over `input`; each part reads the same argument row. */
export function planQueryBody(context: PlannerContext, input: PlanState, query: Query): PlannedQuery {
  const parts = query.parts.map((part) => planSingleQuery(context, input, part));
  const first = parts[0];
  if (first === undefined || parts.length === 1) return first ?? { ...input, columns: [] };
  // Union: every part copies its columns into common slots, in the first part's column order.
  const common = first.columns.map((column) => ({ name: column.name, slot: context.newSlot() }));
  const aligned = parts.map((part): PhysicalPlan => ({
    kind: 'Projection',
    source: part.plan,
    items: common.map((column) => ({
      slot: column.slot,
      name: column.name,
      value: context.expr({ kind: 'Variable', pos: 0, name: column.name }, part.scope),
    })),
  }));
  let plan = aligned[0] ?? input.plan;
  aligned.slice(1).forEach((right, index) => {
    plan = { kind: 'Union', left: plan, right };
    if (query.unions[index] === 'UNION') {
      plan = {
        kind: 'Distinct',
        source: plan,
        slots: common.map((c) => c.slot),
        names: common.map((c) => c.name),
      };
    }
  });
  return { plan, scope: new Map(common.map((c) => [c.name, c.slot])), columns: common };
}

/** Plans the clauses of one single query in order, with Eager barriers around writes. */
export function planSingleQuery(context: PlannerContext, input: PlanState, query: SingleQuery): PlannedQuery {
  let state: PlanState = input;
  let columns: PlannedQuery['columns'] = [];
  let wrote = false;
  for (const clause of query.clauses) {
    const writes = WRITE_CLAUSES.has(clause.kind);
    // Reads must not see later writes of the same statement, and later reads must see all earlier writes.
    // A LOAD CSV pipeline that read nothing from the graph has no read to protect: it streams into writes.
    if (
      (writes || wrote) &&
      state.plan.kind !== 'Argument' &&
      state.plan.kind !== 'Eager' &&
      !isGraphFreeCsvPipeline(state.plan)
    ) {
      state = { ...state, plan: { kind: 'Eager', source: state.plan } };
    }
    if (writes) {
      wrote = true;
      context.writes = true;
    }
    if (clause.kind === 'Return') {
      const result = planProjection(context, state, clause.projection, undefined);
      state = result;
      columns = result.columns.map((item) => ({ name: item.name, slot: result.scope.get(item.name) ?? -1 }));
      continue;
    }
    if (clause.kind === 'CallProcedure') {
      const result = planProcedureCall(context, state, clause, query.clauses.length === 1);
      state = result;
      columns = result.columns;
      continue;
    }
    columns = [];
    state = planClause(context, state, clause);
  }
  return { ...state, columns };
}

function planClause(context: PlannerContext, state: PlanState, clause: Clause): PlanState {
  switch (clause.kind) {
    case 'Match':
      return clause.optional
        ? planOptionalMatch(context, state, clause)
        : planPattern(context, state, clause.pattern.parts, clause.where);
    case 'With':
      return planProjection(context, state, clause.projection, clause.where);
    case 'Unwind':
      return planUnwind(context, state, clause);
    case 'Create':
      return planCreate(context, state, clause);
    case 'Merge':
      return planMerge(context, state, clause);
    case 'Set':
      return planSet(context, state, clause);
    case 'Remove':
      return planRemove(context, state, clause);
    case 'Delete':
      return planDelete(context, state, clause);
    case 'Foreach':
      return planForeach(context, state, clause);
    case 'CallSubquery':
      return planCallSubquery(context, state, clause);
    case 'Use':
    case 'Finish':
      return state;
    case 'LoadCsv':
      return planLoadCsv(context, state, clause);
    case 'Return':
    case 'CallProcedure':
      return state;
    default:
      return assertNever(clause);
  }
}

function planOptionalMatch(
  context: PlannerContext,
  state: PlanState,
  clause: Extract<Clause, { kind: 'Match' }>,
): PlanState {
  const inner = planPattern(
    context,
    { plan: { kind: 'Argument' }, scope: state.scope },
    clause.pattern.parts,
    clause.where,
  );
  const nullSlots = [...inner.scope].filter(([name]) => !state.scope.has(name)).map(([, slot]) => slot);
  return {
    plan: {
      kind: 'Apply',
      left: state.plan,
      right: inner.plan,
      mode: 'OPTIONAL',
      nullSlots,
      label: 'Optional',
    },
    scope: inner.scope,
  };
}

function planUnwind(context: PlannerContext, state: PlanState, clause: Unwind): PlanState {
  const slot = context.newSlot();
  const list = context.expr(clause.expression, state.scope);
  const scope = new Map(state.scope).set(clause.variable.name, slot);
  return { plan: { kind: 'Unwind', source: state.plan, slot, variable: clause.variable.name, list }, scope };
}

function planForeach(context: PlannerContext, state: PlanState, clause: Foreach): PlanState {
  const slot = context.newSlot();
  const list = context.expr(clause.list, state.scope);
  const scope = new Map(state.scope).set(clause.variable.name, slot);
  let body: PlanState = { plan: { kind: 'Argument' }, scope };
  for (const inner of clause.clauses) body = planClause(context, body, inner);
  return {
    plan: {
      kind: 'Foreach',
      source: state.plan,
      slot,
      variable: clause.variable.name,
      list,
      body: body.plan,
    },
    scope: state.scope,
  };
}

/** `CALL { … } IN TRANSACTIONS`: a TransactionApply; the status variable and the columns join the scope. */
function planInTransactions(
  context: PlannerContext,
  state: PlanState,
  inner: PlannedQuery,
  options: InTransactions,
): PlanState {
  context.innerTransactions = true;
  const scope = new Map(state.scope);
  for (const column of inner.columns) scope.set(column.name, column.slot);
  let status: number | undefined;
  if (options.reportStatus !== undefined) {
    status = context.newSlot();
    scope.set(options.reportStatus.name, status);
  }
  return {
    plan: {
      kind: 'TransactionApply',
      left: state.plan,
      right: inner.plan,
      unit: inner.columns.length === 0,
      batchSize: options.batchSize === undefined ? undefined : context.expr(options.batchSize, new Map()),
      onError: options.onError,
      status,
      nullSlots: inner.columns.map((column) => column.slot),
    },
    scope,
  };
}

function planCallSubquery(context: PlannerContext, state: PlanState, clause: CallSubquery): PlanState {
  const inner = planQueryBody(context, { plan: { kind: 'Argument' }, scope: state.scope }, clause.query);
  if (clause.inTransactions !== undefined)
    return planInTransactions(context, state, inner, clause.inTransactions);
  if (inner.columns.length === 0) {
    return {
      plan: {
        kind: 'Apply',
        left: state.plan,
        right: inner.plan,
        mode: 'UNIT',
        nullSlots: [],
        label: 'SubqueryCall',
      },
      scope: state.scope,
    };
  }
  const scope = new Map(state.scope);
  for (const column of inner.columns) scope.set(column.name, column.slot);
  const mode = clause.optional ? 'OPTIONAL' : 'INNER';
  const nullSlots = inner.columns.map((column) => column.slot);
  return {
    plan: { kind: 'Apply', left: state.plan, right: inner.plan, mode, nullSlots, label: 'SubqueryCall' },
    scope,
  };
}
