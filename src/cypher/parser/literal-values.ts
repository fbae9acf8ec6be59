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
  const lower = spelling.slice(0, 2).toLowerCase();
  let magnitude: bigint;
  if (lower === '0x' || lower === '0o') {
    magnitude = BigInt(`${lower}${spelling.slice(2)}`);
  } else if (/^0[0-7]+$/.test(spelling)) {
    magnitude = BigInt(`0o${spelling.slice(1)}`);
  } else if (/^[0-9]+$/.test(spelling)) {
    magnitude = BigInt(spelling);
  } else {
    return { ok: false, detail: 'InvalidNumberLiteral' };
  }
  const value = negative ? -magnitude : magnitude;
  if (value > INT64_MAX || value < INT64_MIN) return { ok: false, detail: 'IntegerOverflow' };
  return { ok: true, value };
}
