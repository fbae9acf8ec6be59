import type { Token } from './lexer.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** What converting a number token gave: a value, or the TCK detail of why it is not one. */
export type NumberResult =
  | { readonly ok: true; readonly value: bigint | number }
  | {
      readonly ok: false;
      readonly detail: 'InvalidNumberLiteral' | 'IntegerOverflow' | 'FloatingPointOverflow';
    };

/**
 * Converts an `integer`, `float` or `invalidNumber` token to its value, negated first when a unary minus was
 * folded into it, so that `-9223372036854775808` is in range although `9223372036854775808` is not.
 * Integers: decimal, `0x` hexadecimal, `0o` octal and the legacy leading-zero octal (`0777`).
 */
export function numberValue(token: Token, negative: boolean): NumberResult {
  if (token.type === 'float') {
    const value = Number(token.value);
    if (!Number.isFinite(value)) return { ok: false, detail: 'FloatingPointOverflow' };
    return { ok: true, value: negative ? -value : value };
  }
  if (token.type !== 'integer') return { ok: false, detail: 'InvalidNumberLiteral' };
  const spelling = token.value;
  let magnitude: bigint;
  const digits = digitsOf(spelling);
  if (digits === 'decimal') {
    // The commonest case first, without a regular expression: dump batches hold many thousands. Up to 15
    // digits a double holds the value exactly, and converting through it is twice as fast.
    magnitude = spelling.length <= 15 ? BigInt(Number(spelling)) : BigInt(spelling);
  } else if (digits === 'octal') {
    magnitude = BigInt(`0o${spelling.slice(1)}`);
  } else {
    const lower = spelling.slice(0, 2).toLowerCase();
    if (lower !== '0x' && lower !== '0o') return { ok: false, detail: 'InvalidNumberLiteral' };
    magnitude = BigInt(`${lower}${spelling.slice(2)}`);
  }
  const value = negative ? -magnitude : magnitude;
  if (value > INT64_MAX || value < INT64_MIN) return { ok: false, detail: 'IntegerOverflow' };
  return { ok: true, value };
}

/**
 * `octal` for the legacy `0777` form (a zero, then octal digits only), `decimal` for any other string of
 * digits (`0`, `42`, `089`), `other` for everything else (`0x…`, `0o…`, letters).
 */
function digitsOf(spelling: string): 'decimal' | 'octal' | 'other' {
  const length = spelling.length;
  if (length === 0) return 'other';
  let highest = 0;
  for (let index = 0; index < length; index++) {
    const code = spelling.charCodeAt(index);
    if (code < 48 || code > 57) return 'other';
    if (code > highest) highest = code;
  }
  return length > 1 && spelling.charCodeAt(0) === 48 && highest <= 55 ? 'octal' : 'decimal';
}
