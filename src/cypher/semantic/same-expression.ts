import type { Expression } from '../ast/index.js';

/**
 * Structural equality of two expressions, ignoring source positions: `ORDER BY a.x + 1` refers to the
 * projected item `a.x + 1` even though the two were written at different offsets.
 */
export function sameExpression(a: Expression, b: Expression): boolean {
  return deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => k !== 'pos');
  if (keys.length !== Object.keys(right).filter((k) => k !== 'pos').length) return false;
  return keys.every((k) => deepEqual(left[k], right[k]));
}
