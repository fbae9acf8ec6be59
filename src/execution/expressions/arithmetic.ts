import { CypherArithmeticError } from '../../errors/index.js';
import { formatFloat, INT64_MAX, INT64_MIN, type CypherValue } from '../../values/index.js';
import {
  addTemporal,
  divideDuration,
  multiplyDuration,
  subtractTemporal,
} from '../functions/temporal/index.js';
import { operatorMismatch, typeMismatch } from '../functions/type-errors.js';

/*
 * The arithmetic operators on values. INTEGER (bigint) arithmetic is checked against the int64 range
 * (Cypher never wraps); any FLOAT operand makes the result a FLOAT. Temporal operands are handed to the
 * temporal functions, which answer `undefined` when neither operand is theirs.
 */

/** INTEGER overflow (the TCK's ArithmeticError). */
function overflow(): CypherArithmeticError {
  return new CypherArithmeticError('long overflow', { detail: 'IntegerOverflow' });
}

/** Division or modulo of an INTEGER by zero: Neo4j's `/ by zero`, GQLSTATUS 22012. */
function divisionByZero(): CypherArithmeticError {
  return new CypherArithmeticError('/ by zero', { detail: 'DivisionByZero', gqlStatus: '22012' });
}

/** Checks an exact INTEGER result against int64. */
export function checkedInteger(value: bigint): bigint {
  if (value > INT64_MAX || value < INT64_MIN) throw overflow();
  return value;
}

/** `a + b`: numbers, string concatenation (also with a number), list concatenation/append/prepend, temporals. */
export function add(a: CypherValue, b: CypherValue): CypherValue {
  if (typeof a === 'bigint') {
    if (typeof b === 'bigint') return checkedInteger(a + b);
    if (typeof b === 'number') return Number(a) + b;
  } else if (typeof a === 'number') {
    if (typeof b === 'number') return a + b;
    if (typeof b === 'bigint') return a + Number(b);
  }
  if (a === null || b === null) return null;
  if (Array.isArray(a))
    return Array.isArray(b)
      ? [...(a as CypherValue[]), ...(b as CypherValue[])]
      : [...(a as CypherValue[]), b];
  if (Array.isArray(b)) return [a, ...(b as CypherValue[])];
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    if (typeof b === 'bigint' || typeof b === 'number') return a + numberText(b);
  } else if (typeof b === 'string' && (typeof a === 'bigint' || typeof a === 'number')) {
    return numberText(a) + b;
  }
  const temporal = addTemporal(a, b);
  if (temporal !== undefined) return temporal;
  throw operatorMismatch('+', a, b);
}

/** `a - b`: numbers and temporals. */
export function subtract(a: CypherValue, b: CypherValue): CypherValue {
  if (typeof a === 'bigint') {
    if (typeof b === 'bigint') return checkedInteger(a - b);
    if (typeof b === 'number') return Number(a) - b;
  } else if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    if (typeof b === 'bigint') return a - Number(b);
  }
  if (a === null || b === null) return null;
  const temporal = subtractTemporal(a, b);
  if (temporal !== undefined) return temporal;
  throw operatorMismatch('-', a, b);
}

/** `a * b`: numbers, and a duration scaled by a number. */
export function multiply(a: CypherValue, b: CypherValue): CypherValue {
  if (typeof a === 'bigint') {
    if (typeof b === 'bigint') return checkedInteger(a * b);
    if (typeof b === 'number') return Number(a) * b;
  } else if (typeof a === 'number') {
    if (typeof b === 'number') return a * b;
    if (typeof b === 'bigint') return a * Number(b);
  }
  if (a === null || b === null) return null;
  const scaled = multiplyDuration(a, b) ?? multiplyDuration(b, a);
  if (scaled !== undefined) return scaled;
  throw operatorMismatch('*', a, b);
}

/** `a / b`: INTEGER division truncates and fails on zero; FLOAT division follows IEEE 754. */
export function divide(a: CypherValue, b: CypherValue): CypherValue {
  if (typeof a === 'bigint') {
    if (typeof b === 'bigint') {
      if (b === 0n) throw divisionByZero();
      return checkedInteger(a / b);
    }
    if (typeof b === 'number') return Number(a) / b;
  } else if (typeof a === 'number') {
    if (typeof b === 'number') return a / b;
    if (typeof b === 'bigint') return a / Number(b);
  }
  if (a === null || b === null) return null;
  const scaled = divideDuration(a, b);
  if (scaled !== undefined) return scaled;
  throw operatorMismatch('/', a, b);
}

/** `a % b`: the remainder takes the sign of the dividend (Java's `%`, JavaScript's too). */
export function modulo(a: CypherValue, b: CypherValue): CypherValue {
  if (typeof a === 'bigint') {
    if (typeof b === 'bigint') {
      if (b === 0n) throw divisionByZero();
      return a % b;
    }
    if (typeof b === 'number') return Number(a) % b;
  } else if (typeof a === 'number') {
    if (typeof b === 'number') return a % b;
    if (typeof b === 'bigint') return a % Number(b);
  }
  if (a === null || b === null) return null;
  throw operatorMismatch('%', a, b);
}

/** `a ^ b`: always a FLOAT. */
export function power(a: CypherValue, b: CypherValue): CypherValue {
  if (a === null || b === null) return null;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return Math.pow(Number(a), Number(b));
  }
  throw operatorMismatch('^', a, b);
}

/** Unary `-`. */
export function negate(value: CypherValue): CypherValue {
  if (typeof value === 'bigint') return checkedInteger(-value);
  if (typeof value === 'number') return -value;
  if (value === null) return null;
  const negated = multiplyDuration(value, -1n);
  if (negated !== undefined) return negated;
  throw typeMismatch('Integer, Float or Duration', value);
}

/** Unary `+`: numbers and durations unchanged. */
export function unaryPlus(value: CypherValue): CypherValue {
  if (value === null || typeof value === 'bigint' || typeof value === 'number') return value;
  if (multiplyDuration(value, 1n) !== undefined) return value;
  throw typeMismatch('Integer, Float or Duration', value);
}

/** `a || b`: string and list concatenation. */
export function concatenate(a: CypherValue, b: CypherValue): CypherValue {
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...(a as CypherValue[]), ...(b as CypherValue[])];
  throw operatorMismatch('||', a, b);
}

/** How a number reads when concatenated to a string: Neo4j uses its `toString()` form. */
function numberText(value: bigint | number): string {
  return typeof value === 'bigint' ? value.toString() : formatFloat(value);
}
