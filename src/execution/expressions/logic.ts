import type { CypherValue } from '../../values/index.js';
import { typeMismatch } from '../functions/type-errors.js';

/*
 * Kleene's three-valued logic of openCypher: null means "unknown", so `false AND null` is false and
 * `true OR null` is true. Operands must be booleans or null.
 */

/** The operand as a ternary truth value; anything else is a TypeError. */
export function truthValue(value: CypherValue): boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  throw typeMismatch('Boolean', value);
}

export function and(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

export function or(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

export function xor(a: boolean | null, b: boolean | null): boolean | null {
  return a === null || b === null ? null : a !== b;
}

export function not(a: boolean | null): boolean | null {
  return a === null ? null : !a;
}
