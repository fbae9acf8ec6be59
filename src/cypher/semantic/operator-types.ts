import type { BinaryOperator } from '../ast/index.js';
import { ANY, BOOLEAN, FLOAT, INTEGER, NUMBER, STRING, TypeBits, mayBe, type StaticType } from './types.js';

const T = TypeBits;
const NUMERIC = T.Integer | T.Float;

/**
 * For each binary operator, the operand types that can ever be valid (undefined = anything). A literal
 * operand outside these is a compile-time InvalidArgumentType (TCK Boolean1-4, List5, Quantifier1-4).
 */
export function acceptedOperands(operator: BinaryOperator): number | undefined {
  switch (operator) {
    case 'OR':
    case 'XOR':
    case 'AND':
      return T.Boolean;
    case '-':
      return NUMERIC | T.Temporal | T.Duration;
    case '*':
    case '/':
      return NUMERIC | T.Duration;
    case '%':
    case '^':
      return NUMERIC;
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=':
    case '=~':
    case 'IN':
    case 'STARTS WITH':
    case 'ENDS WITH':
    case 'CONTAINS':
    case '+':
    case '||':
      return undefined;
  }
}

/** The static result type of a binary operation with operands of the given types. */
export function binaryResultType(operator: BinaryOperator, left: StaticType, right: StaticType): StaticType {
  switch (operator) {
    case 'OR':
    case 'XOR':
    case 'AND':
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=':
    case '=~':
    case 'IN':
    case 'STARTS WITH':
    case 'ENDS WITH':
    case 'CONTAINS':
      return BOOLEAN;
    case '^':
      return FLOAT;
    case '+':
      if (left.mask === T.String && right.mask === T.String) return STRING;
      return arithmeticType(left, right);
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmeticType(left, right);
    case '||':
      return ANY;
  }
}

function arithmeticType(left: StaticType, right: StaticType): StaticType {
  if (left.mask === T.Integer && right.mask === T.Integer) return INTEGER;
  if (left.mask === T.Float && mayBe(right, NUMERIC) && (right.mask & ~NUMERIC) === 0) return FLOAT;
  if ((left.mask & ~NUMERIC) === 0 && (right.mask & ~NUMERIC) === 0) return NUMBER;
  return ANY;
}
