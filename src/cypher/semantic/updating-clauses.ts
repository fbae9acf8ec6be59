import type { Delete, Remove, SetItem } from '../ast/index.js';
import type { AnalysisContext } from './context.js';
import { checkExpression, type ExpressionEnv } from './expressions.js';
import type { Scope } from './scope.js';
import { TypeBits, mayBe, typeName } from './types.js';

/** Checks the items of SET (and of MERGE's ON CREATE / ON MATCH): every variable must be defined. */
export function checkSetItems(ctx: AnalysisContext, items: readonly SetItem[], scope: Scope): void {
  const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
  for (const item of items) {
    switch (item.kind) {
      case 'SetProperty':
        checkExpression(item.subject, env);
        checkExpression(item.value, env);
        break;
      case 'SetAllProperties':
      case 'MergeProperties':
        checkExpression(item.variable, env);
        checkExpression(item.value, env);
        break;
      case 'SetLabels':
        checkExpression(item.variable, env);
        for (const expression of item.dynamicLabels ?? []) checkExpression(expression, env);
        break;
    }
  }
}

/** Checks the items of REMOVE. */
export function checkRemove(ctx: AnalysisContext, clause: Remove, scope: Scope): void {
  const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
  for (const item of clause.items) {
    if (item.kind === 'RemoveProperty') checkExpression(item.subject, env);
    else {
      checkExpression(item.variable, env);
      for (const expression of item.dynamicLabels ?? []) checkExpression(expression, env);
    }
  }
}

const DELETABLE = TypeBits.Node | TypeBits.Relationship | TypeBits.Path | TypeBits.List;

/**
 * DELETE takes nodes, relationships or paths: a label expression is InvalidDelete (TCK Delete1 [8]) and a
 * value that can never be an entity is InvalidArgumentType (TCK Delete5 [9]).
 */
export function checkDelete(ctx: AnalysisContext, clause: Delete, scope: Scope): void {
  const env: ExpressionEnv = { ctx, scope, aggregation: 'forbidden' };
  for (const expression of clause.expressions) {
    if (expression.kind === 'LabelCheck') {
      throw ctx.error(
        'InvalidDelete',
        "DELETE doesn't support removing labels from a node. Try REMOVE.",
        expression.pos,
      );
    }
    const type = checkExpression(expression, env);
    if (!mayBe(type, DELETABLE)) {
      throw ctx.error(
        'InvalidArgumentType',
        `Type mismatch: expected Node, Path or Relationship but was ${typeName(type)}`,
        expression.pos,
      );
    }
  }
}
