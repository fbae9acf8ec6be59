import type { Expression, LabelExpression } from '../../cypher/index.js';
import type { PhysicalPlan, SeekQuery } from '../plan/physical-plan.js';
import { referencedVariables } from './expression-tools.js';
import type { PendingPredicate } from './plan-match.js';
import type { PlannerContext, Scope } from './planner-context.js';

/**
 * Chooses how to find the nodes of a pattern node that nothing binds yet, from the predicates on it alone:
 * NodeByIdSeek (`id(n) = …`), NodeIndexSeek (an equality, range or prefix on an indexed label+property),
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
  const indexes = context.catalog.indexes().filter((index) => index.online && index.entity === 'NODE');
  for (const predicate of pending) {
    for (const index of indexes) {
      if (index.properties.length !== 1 || !labels.includes(index.label)) continue;
      const property = index.properties[0] ?? '';
      const query = seekQuery(context, scope, predicate.expression, name, property, independent);
      if (query === undefined) continue;
      markLabelChecked(pending, index.label);
      return {
        kind: 'NodeIndexSeek',
        source,
        slot,
        variable: name,
        index: index.name,
        label: index.label,
        property,
        query,
      };
    }
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

function isProperty(expression: Expression, name: string, property: string): boolean {
  return (
    expression.kind === 'PropertyAccess' &&
    expression.key === property &&
    isVariable(expression.subject, name)
  );
}

const FLIPPED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function seekQuery(
  context: PlannerContext,
  scope: Scope,
  expression: Expression,
  name: string,
  property: string,
  independent: (expression: Expression) => boolean,
): SeekQuery | undefined {
  if (expression.kind === 'IsNull' && expression.negated && isProperty(expression.operand, name, property)) {
    return { kind: 'EXISTS' };
  }
  if (expression.kind !== 'BinaryOperation') return undefined;
  let { left, right } = expression;
  let operator: string = expression.operator;
  if (!isProperty(left, name, property) && isProperty(right, name, property) && operator in FLIPPED) {
    [left, right] = [right, left];
    operator = FLIPPED[operator] ?? operator;
  } else if (!isProperty(left, name, property) && isProperty(right, name, property) && operator === '=') {
    [left, right] = [right, left];
  }
  if (!isProperty(left, name, property) || !independent(right)) return undefined;
  const value = context.expr(right, scope);
  switch (operator) {
    case '=':
      return { kind: 'EQUALS', value };
    case 'STARTS WITH':
      return { kind: 'PREFIX', value };
    case '<':
    case '<=':
      return { kind: 'RANGE', lower: undefined, upper: { value, inclusive: operator === '<=' } };
    case '>':
    case '>=':
      return { kind: 'RANGE', lower: { value, inclusive: operator === '>=' }, upper: undefined };
    default:
      return undefined;
  }
}
