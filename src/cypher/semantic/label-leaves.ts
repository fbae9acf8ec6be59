import type { Expression, LabelDynamic, LabelExpression } from '../ast/index.js';

/** A label name or a `$(…)` label: the leaves of a label expression that stand for labels. */
export type LabelLeaf = Extract<LabelExpression, { kind: 'LabelName' }> | LabelDynamic;

/** The names and `$(…)` labels of a label expression, left to right as written (`%` has none). */
export function labelLeaves(labels: LabelExpression | undefined): LabelLeaf[] {
  if (labels === undefined) return [];
  switch (labels.kind) {
    case 'LabelName':
    case 'LabelDynamic':
      return [labels];
    case 'LabelAnd':
    case 'LabelOr':
      return labels.operands.flatMap(labelLeaves);
    case 'LabelNot':
      return labelLeaves(labels.operand);
    case 'LabelWildcard':
      return [];
  }
}

/** The expressions of the `$(…)` labels of a label expression, left to right. */
export function dynamicLabelExpressions(labels: LabelExpression | undefined): Expression[] {
  return labelLeaves(labels).flatMap((leaf) => (leaf.kind === 'LabelDynamic' ? [leaf.expression] : []));
}
