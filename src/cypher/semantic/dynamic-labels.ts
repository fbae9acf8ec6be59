import type { Expression, LabelExpression } from '../ast/index.js';

/** The expressions of the `$(…)` labels in a label expression, left to right (none for static labels). */
export function dynamicLabelExpressions(labels: LabelExpression | undefined): Expression[] {
  if (labels === undefined) return [];
  switch (labels.kind) {
    case 'LabelDynamic':
      return [labels.expression];
    case 'LabelAnd':
    case 'LabelOr':
      return labels.operands.flatMap(dynamicLabelExpressions);
    case 'LabelNot':
      return dynamicLabelExpressions(labels.operand);
    case 'LabelName':
    case 'LabelWildcard':
      return [];
  }
}
