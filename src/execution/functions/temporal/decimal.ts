/**
 * Exact fixed-point decimals (a bigint scaled by 10^30) for duration arithmetic with fractional components:
 * `duration({months: 0.75})` and `dur / 3` cascade fractions of months into days, seconds and nanoseconds,
 * and doing that in binary floating point would lose nanoseconds. A FLOAT enters through its shortest
 * decimal text (what the user wrote), an INTEGER exactly.
 */
import { invalidTemporalArgument } from './errors.js';

const SCALE_DIGITS = 30;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** A decimal number: `units / 10^30`. */
export interface Decimal {
  readonly units: bigint;
}

export const ZERO: Decimal = { units: 0n };

export function decimalOfInteger(value: bigint): Decimal {
  return { units: value * SCALE };
}

/**
 * The decimal a number literal denotes (`0.75`, `1e-7`, `12`).
 * @throws CypherArgumentError for NaN and infinities.
 */
export function decimalOfNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw invalidTemporalArgument(`Invalid temporal amount: ${value}`);
  return decimalOfText(String(value));
}

/**
 * Parses decimal text with optional sign, fraction (`.` or `,`) and exponent, or returns undefined.
 * Digits beyond 30 places are truncated.
 */
export function decimalOfText(text: string): Decimal {
  const match = /^([+-]?)(\d*)(?:[.,](\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  const [, sign, whole, fraction, exponent] = match ?? [];
  if (match === null || (whole === '' && (fraction ?? '') === '')) {
    throw invalidTemporalArgument(`Invalid number '${text}'`);
  }
  const digits = `${whole ?? ''}${fraction ?? ''}`;
  const shift = SCALE_DIGITS - (fraction ?? '').length + Number(exponent ?? '0');
  let units = BigInt(digits === '' ? '0' : digits);
  units = shift >= 0 ? units * 10n ** BigInt(shift) : units / 10n ** BigInt(-shift);
  return { units: sign === '-' ? -units : units };
}

export function add(a: Decimal, b: Decimal): Decimal {
  return { units: a.units + b.units };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: (a.units * b.units) / SCALE };
}

/** `a / b`, truncated at 30 places. The caller rules out b = 0. */
export function divide(a: Decimal, b: Decimal): Decimal {
  return { units: (a.units * SCALE) / b.units };
}

/** The integer part, truncated toward zero (Java's `(long)` cast). */
export function integerPart(a: Decimal): bigint {
  return a.units / SCALE;
}

/** What remains after the integer part, with the sign of `a`. */
export function fractionPart(a: Decimal): Decimal {
  return { units: a.units % SCALE };
}

export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}
