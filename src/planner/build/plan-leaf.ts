import type { Expression, LabelExpression } from '../../cypher/index.js';
import type { CatalogIndex } from '../catalog-view.js';
import type { PhysicalPlan } from '../plan/physical-plan.js';
import { referencedVariables } from './expression-tools.js';
import { chooseIndexSeek, peekIndexSeek } from './index-seek-choice.js';
import type { PendingPredicate } from './plan-match.js';
import type { PlannerContext, Scope } from './planner-context.js';

/**
 * Chooses how to find the nodes of a pattern node that nothing binds yet, from the predicates on it alone:
 * NodeByIdSeek (`id(n) = …`), NodeIndexSeek (equality, range, prefix or existence on the properties of an
 * index of one of its labels: see `chooseIndexSeek`),
 * NodeByLabelScan (the label with the fewest nodes) or AllNodesScan. The leaf reads `source` (for each of
 * its rows, all matching nodes: a cartesian product when source binds something).
 */
export function chooseLeaf(
  context: PlannerContext,
  source: PhysicalPlan,
  scope: Scope,
  name: string,
  slot: number,
  pending: readonly PendingPredicate[],
): PhysicalPlan {
  const independent = (expression: Expression): boolean => !referencedVariables(expression).has(name);
  for (const predicate of pending) {
    const seek = idSeek(predicate.expression, name, independent);
    if (seek === undefined) continue;
    return {
      kind: 'NodeByIdSeek',
      source,
      slot,
      variable: name,
      ids: context.expr(seek.ids, scope),
      single: seek.single,
      elementIds: seek.elementIds,
    };
  }
  const labels = pending.flatMap((predicate) => labelsOf(predicate.expression, name));
  const seek = chooseIndexSeek(context, scope, name, nodeIndexes(context, labels), pending);
  if (seek !== undefined) {
    markLabelChecked(pending, seek.index.label);
    for (const predicate of seek.solved) predicate.applied = true;
    return {
      kind: 'NodeIndexSeek',
      source,
      slot,
      variable: name,
      index: seek.index.name,
      label: seek.index.label,
      properties: seek.index.properties,
      query: seek.query,
      unique: seek.index.unique,
      ...(seek.index.text === true ? { text: true } : {}),
    };
  }
  if (labels.length > 0) {
    const label = labels.reduce((best, candidate) =>
      context.catalog.nodeCount(candidate) < context.catalog.nodeCount(best) ? candidate : best,
    );
    markLabelChecked(pending, label);
    return { kind: 'NodeByLabelScan', source, slot, variable: name, label };
  }
  return { kind: 'AllNodesScan', source, slot, variable: name };
}

/** A single-label check is exactly what a label scan or a seek of an index on that label guarantees. */
function markLabelChecked(pending: readonly PendingPredicate[], label: string): void {
  for (const predicate of pending) {
    const expression = predicate.expression;
    if (
      expression.kind === 'LabelCheck' &&
      expression.labels.kind === 'LabelName' &&
      expression.labels.name === label
    )
      predicate.applied = true;
  }
}

function isVariable(expression: Expression, name: string): boolean {
  return expression.kind === 'Variable' && expression.name === name;
}

function labelsOf(expression: Expression, name: string): string[] {
  if (expression.kind !== 'LabelCheck' || !isVariable(expression.subject, name)) return [];
  return conjunctiveLabelNames(expression.labels);
}

function conjunctiveLabelNames(labels: LabelExpression): string[] {
  if (labels.kind === 'LabelName') return [labels.name];
  if (labels.kind === 'LabelAnd') return labels.operands.flatMap(conjunctiveLabelNames);
  return [];
}

function idCall(expression: Expression, name: string): 'id' | 'elementId' | undefined {
  if (expression.kind !== 'FunctionCall' || expression.args.length !== 1) return undefined;
  const arg = expression.args[0];
  if (arg === undefined || !isVariable(arg, name)) return undefined;
  const fn = expression.name.toLowerCase();
  return fn === 'id' ? 'id' : fn === 'elementid' ? 'elementId' : undefined;
}

function idSeek(
  expression: Expression,
  name: string,
  independent: (expression: Expression) => boolean,
): { ids: Expression; single: boolean; elementIds: boolean } | undefined {
  if (expression.kind !== 'BinaryOperation') return undefined;
  const { left, right, operator } = expression;
  if (operator === '=') {
    for (const [call, other] of [
      [left, right],
      [right, left],
    ] as const) {
      const fn = idCall(call, name);
      if (fn !== undefined && independent(other))
        return { ids: other, single: true, elementIds: fn === 'elementId' };
    }
  }
  if (operator === 'IN') {
    const fn = idCall(left, name);
    if (fn !== undefined && independent(right))
      return { ids: right, single: false, elementIds: fn === 'elementId' };
  }
  return undefined;
}

/** The online node indexes on any of `labels`. */
function nodeIndexes(context: PlannerContext, labels: readonly string[]): CatalogIndex[] {
  return context.catalog
    .indexes()
    .filter((index) => index.online && index.entity === 'NODE' && labels.includes(index.label));
}

/**
 * The rows the leaf `chooseLeaf` would pick for `name` is expected to yield (for weighing it against a
 * relationship index seek): 1 for an id seek, the label's count times the seek's selectivity for an index
 * seek, the smallest label count for a scan, all nodes otherwise. Plans nothing.
 */
export function estimateNodeLeaf(
  context: PlannerContext,
  name: string,
  pending: readonly PendingPredicate[],
): number {
  const independent = (expression: Expression): boolean => !referencedVariables(expression).has(name);
  if (pending.some((predicate) => idSeek(predicate.expression, name, independent) !== undefined)) return 1;
  const labels = pending.flatMap((predicate) => labelsOf(predicate.expression, name));
  const catalog = context.catalog;
  const estimates = labels.map((label) => catalog.nodeCount(label));
  const seek = peekIndexSeek(name, nodeIndexes(context, labels), pending);
  if (seek !== undefined) estimates.push(catalog.nodeCount(seek.index.label) * seek.selectivity);
  if (labels.length === 0) estimates.push(catalog.nodeCount());
  return Math.max(1, Math.min(...estimates));
}
