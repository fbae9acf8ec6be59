import { CypherArgumentError } from '../../errors/index.js';
import type { CypherValue } from '../../values/index.js';
import { checkedInteger } from '../expressions/arithmetic.js';
import {
  argument,
  define,
  integerArgument,
  invalidArgument,
  numberArgument,
  stringArgument,
} from './define.js';
import { parseRoundingMode, roundDecimal } from './decimal-round.js';
import type { FunctionDefinition } from './function-definition.js';

type Category = FunctionDefinition['category'];

/** A FLOAT function of one number (`sqrt`, `sin`, …). */
function unary(
  name: string,
  category: Category,
  description: string,
  apply: (x: number) => number,
): FunctionDefinition {
  return define({
    name,
    signature: `${name}(input :: FLOAT) :: FLOAT`,
    description,
    category,
    call: (args) => apply(numberArgument(args, 0)),
  });
}

function constant(name: string, value: number, description: string): FunctionDefinition {
  return define({
    name,
    signature: `${name}() :: FLOAT`,
    description,
    category: 'Logarithmic',
    call: () => value,
  });
}

function numeric(args: readonly CypherValue[]): bigint | number {
  const value = argument(args, 0);
  return typeof value === 'bigint' || typeof value === 'number'
    ? value
    : invalidArgument('Integer or Float', value);
}

export const MATH_FUNCTIONS: readonly FunctionDefinition[] = [
  define({
    name: 'abs',
    signature: 'abs(input :: INTEGER | FLOAT) :: INTEGER | FLOAT',
    description: 'Returns the absolute value of a number, of the same type.',
    category: 'Numeric',
    call: (args) => {
      const value = numeric(args);
      return typeof value === 'bigint' ? checkedInteger(value < 0n ? -value : value) : Math.abs(value);
    },
  }),
  define({
    name: 'sign',
    signature: 'sign(input :: INTEGER | FLOAT) :: INTEGER',
    description: 'Returns -1, 0 or 1 by the sign of a number.',
    category: 'Numeric',
    call: (args) => {
      const value = numeric(args);
      if (typeof value === 'bigint') return value < 0n ? -1n : value > 0n ? 1n : 0n;
      return value < 0 ? -1n : value > 0 ? 1n : 0n;
    },
  }),
  unary('ceil', 'Numeric', 'Rounds up to the nearest integral FLOAT.', Math.ceil),
  unary('floor', 'Numeric', 'Rounds down to the nearest integral FLOAT.', Math.floor),
  define({
    name: 'round',
    signature: 'round(value :: FLOAT, precision :: INTEGER | FLOAT, mode :: STRING) :: FLOAT',
    description:
      'Rounds to the nearest integral FLOAT, or to a precision with a rounding mode (HALF_UP default).',
    category: 'Numeric',
    minArgs: 1,
    call: (args) => {
      const value = numberArgument(args, 0);
      // One argument: Java's Math.round, halves towards positive infinity, as JavaScript's Math.round.
      if (args.length === 1) return Number.isFinite(value) ? Math.round(value) : value;
      const precision = Number(integerArgument(args, 1));
      if (precision < 0) {
        throw new CypherArgumentError('round() precision must be non-negative', {
          detail: 'NumberOutOfRange',
        });
      }
      const mode = args.length > 2 ? parseRoundingMode(stringArgument(args, 2)) : 'HALF_UP';
      return roundDecimal(value, precision, mode);
    },
  }),
  define({
    name: 'isNaN',
    signature: 'isNaN(input :: INTEGER | FLOAT) :: BOOLEAN',
    description: 'Returns true if the number is NaN.',
    category: 'Numeric',
    call: (args) => {
      const value = numeric(args);
      return typeof value === 'number' && Number.isNaN(value);
    },
  }),
  define({
    name: 'rand',
    signature: 'rand() :: FLOAT',
    description: 'Returns a random FLOAT in [0, 1).',
    category: 'Numeric',
    deterministic: false,
    call: () => Math.random(),
  }),
  unary('sqrt', 'Logarithmic', 'Returns the square root.', Math.sqrt),
  unary('exp', 'Logarithmic', 'Returns e raised to the power of the argument.', Math.exp),
  unary('log', 'Logarithmic', 'Returns the natural logarithm.', Math.log),
  unary('log10', 'Logarithmic', 'Returns the common logarithm (base 10).', Math.log10),
  constant('e', Math.E, "Returns Euler's number."),
  define({
    name: 'pi',
    signature: 'pi() :: FLOAT',
    description: 'Returns pi.',
    category: 'Trigonometric',
    call: () => Math.PI,
  }),
  unary('sin', 'Trigonometric', 'Returns the sine of an angle in radians.', Math.sin),
  unary('cos', 'Trigonometric', 'Returns the cosine of an angle in radians.', Math.cos),
  unary('tan', 'Trigonometric', 'Returns the tangent of an angle in radians.', Math.tan),
  unary('cot', 'Trigonometric', 'Returns the cotangent of an angle in radians.', (x) => 1 / Math.tan(x)),
  unary('asin', 'Trigonometric', 'Returns the arcsine in radians.', Math.asin),
  unary('acos', 'Trigonometric', 'Returns the arccosine in radians.', Math.acos),
  unary('atan', 'Trigonometric', 'Returns the arctangent in radians.', Math.atan),
  unary('sinh', 'Trigonometric', 'Returns the hyperbolic sine.', Math.sinh),
  unary('cosh', 'Trigonometric', 'Returns the hyperbolic cosine.', Math.cosh),
  unary('tanh', 'Trigonometric', 'Returns the hyperbolic tangent.', Math.tanh),
  unary('coth', 'Trigonometric', 'Returns the hyperbolic cotangent.', (x) => 1 / Math.tanh(x)),
  define({
    name: 'atan2',
    signature: 'atan2(y :: FLOAT, x :: FLOAT) :: FLOAT',
    description: 'Returns the angle of the point (x, y) in radians.',
    category: 'Trigonometric',
    call: (args) => Math.atan2(numberArgument(args, 0), numberArgument(args, 1)),
  }),
  unary('degrees', 'Trigonometric', 'Converts radians to degrees.', (x) => (x * 180) / Math.PI),
  unary('radians', 'Trigonometric', 'Converts degrees to radians.', (x) => (x * Math.PI) / 180),
  unary('haversin', 'Trigonometric', 'Returns half the versine of a number.', (x) => (1 - Math.cos(x)) / 2),
];
