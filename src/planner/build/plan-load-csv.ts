import type { Expression, LoadCsv } from '../../cypher/index.js';
import type { PhysicalPlan } from '../plan/physical-plan.js';
import { rewrite, SUBQUERY_KINDS, variable, walk } from './expression-tools.js';
import type { PlanState, PlannerContext, Scope } from './planner-context.js';

/**
 * Hidden variables the LoadCSV operator binds per row: what `linenumber()` and `file()` return. Names
 * start with spaces, so no query can spell them and `RETURN *` does not list them. A later LOAD CSV
 * re-binds them, so the functions always describe the most recent one (Cypher manual, LOAD CSV functions).
 */
export const LINENUMBER_VARIABLE = '  linenumber';
export const FILE_VARIABLE = '  file';

/** `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR t]` over the plan so far. */
export function planLoadCsv(context: PlannerContext, state: PlanState, clause: LoadCsv): PlanState {
  const slot = context.newSlot();
  const lineSlot = context.newSlot();
  const fileSlot = context.newSlot();
  const url = context.expr(clause.url, state.scope);
  const scope = new Map(state.scope)
    .set(clause.variable.name, slot)
    .set(LINENUMBER_VARIABLE, lineSlot)
    .set(FILE_VARIABLE, fileSlot);
  return {
    plan: {
      kind: 'LoadCSV',
      source: state.plan,
      slot,
      variable: clause.variable.name,
      url,
      withHeaders: clause.withHeaders,
      fieldTerminator: clause.fieldTerminator ?? ',',
      lineSlot,
      fileSlot,
    },
    scope,
  };
}

/**
 * Replaces `linenumber()` and `file()` calls by reads of the hidden variables when `scope` has them
 * (inside a LOAD CSV); elsewhere the calls stay and return null. Unchanged expressions keep their
 * identity (subplans of subquery expressions are keyed by it).
 */
export function resolveLoadCsvFunctions(expression: Expression, scope: Scope): Expression {
  if (!scope.has(LINENUMBER_VARIABLE)) return expression;
  return rewrite(expression, (node) => {
    if (node.kind !== 'FunctionCall' || node.args.length > 0) return undefined;
    const name = node.name.toLowerCase();
    if (name === 'linenumber') return variable(LINENUMBER_VARIABLE, node.pos);
    if (name === 'file') return variable(FILE_VARIABLE, node.pos);
    return undefined;
  });
}

/**
 * Keeps the LOAD CSV hidden variables visible after a WITH that neither aggregates nor uses DISTINCT:
 * each output row is still one CSV record, so `linenumber()` still describes it (as in Neo4j, where the
 * line number travels with the row). Aggregation and DISTINCT make new rows: the functions then give null.
 */
export function keepLoadCsvVariables(before: Scope, after: Map<string, number>): void {
  for (const name of [LINENUMBER_VARIABLE, FILE_VARIABLE]) {
    const slot = before.get(name);
    if (slot !== undefined && !after.has(name)) after.set(name, slot);
  }
}

/** Plan kinds that read no graph data by themselves (their expressions are checked separately). */
const GRAPH_FREE_KINDS = new Set<PhysicalPlan['kind']>([
  'Argument',
  'LoadCSV',
  'Unwind',
  'Projection',
  'Filter',
  'Skip',
  'Limit',
]);

/**
 * Whether `plan` is a LOAD CSV pipeline that reads nothing from the graph: LoadCSV over the statement's
 * argument, with only projections, filters, UNWIND, SKIP and LIMIT whose expressions hold no subquery.
 * A write after such a plan needs no Eager barrier (there is no earlier read its writes could disturb),
 * so `LOAD CSV … CREATE` streams the file instead of materializing every row first.
 */
export function isGraphFreeCsvPipeline(plan: PhysicalPlan): boolean {
  let sawLoadCsv = false;
  for (let node: PhysicalPlan = plan; ;) {
    if (!GRAPH_FREE_KINDS.has(node.kind) || readsGraph(node)) return false;
    if (node.kind === 'LoadCSV') sawLoadCsv = true;
    if (node.kind === 'Argument') return sawLoadCsv;
    node = (node as { readonly source: PhysicalPlan }).source;
  }
}

/** Whether an operator's own expressions contain a subquery (pattern predicate, EXISTS, COUNT, …). */
function readsGraph(plan: PhysicalPlan): boolean {
  let found = false;
  walk(
    Object.values(plan).filter((value) => value !== (plan as { source?: unknown }).source),
    (node) => {
      if (SUBQUERY_KINDS.has(node.kind)) found = true;
      return !found;
    },
  );
  return found;
}
