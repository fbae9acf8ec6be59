import type { Expression } from '../ast/index.js';
import type { AnalysisContext } from './context.js';
import { checkExpression } from './expressions.js';
import { Scope } from './scope.js';
import { TypeBits, mayBe, typeName } from './types.js';

/**
 * SKIP and LIMIT take a constant: no variables (NonConstantExpression), an INTEGER (a FLOAT or other
 * literal is InvalidArgumentType) that is not negative (NegativeIntegerArgument). TCK ReturnSkipLimit1-2.
 */
export function checkSkipLimit(
  ctx: AnalysisContext,
  expression: Expression | undefined,
  clause: string,
): void {
  if (expression === undefined) return;
  if (mentionsVariable(expression)) {
    throw ctx.error(
      'NonConstantExpression',
      `It is not allowed to refer to variables in ${clause}, so that the value for ${clause} can be statically calculated.`,
      expression.pos,
    );
  }
  const type = checkExpression(expression, { ctx, scope: Scope.empty(), aggregation: 'forbidden' });
  if (!mayBe(type, TypeBits.Integer)) {
    throw ctx.error(
      'InvalidArgumentType',
      `Invalid input. '${describe(expression)}' is not a valid value. Must be a non-negative integer. (expected Integer but was ${typeName(type)})`,
      expression.pos,
    );
  }
  const value = integerValue(expression);
  if (value !== undefined && value < 0n) {
    throw ctx.error(
      'NegativeIntegerArgument',
      `Invalid input. '${value}' is not a valid value. Must be a non-negative integer.`,
      expression.pos,
    );
  }
}

function mentionsVariable(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some(mentionsVariable);
  if ((node as { kind?: unknown }).kind === 'Variable') return true;
  return Object.values(node).some(mentionsVariable);
}

/** The value of an integer literal, possibly negated; undefined for anything else. */
function integerValue(expression: Expression): bigint | undefined {
  if (expression.kind === 'Literal' && typeof expression.value === 'bigint') return expression.value;
  if (expression.kind === 'UnaryOperation' && expression.operator === '-') {
    const inner = integerValue(expression.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function describe(expression: Expression): string {
  return expression.kind === 'Literal' ? String(expression.value) : 'expression';
}
