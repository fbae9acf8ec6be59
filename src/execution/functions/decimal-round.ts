import { CypherArgumentError } from '../../errors/index.js';

/** Java's `RoundingMode` names, which `round(value, precision, mode)` takes. */
const MODES = ['UP', 'DOWN', 'CEILING', 'FLOOR', 'HALF_UP', 'HALF_DOWN', 'HALF_EVEN'] as const;
export type RoundingMode = (typeof MODES)[number];

export function parseRoundingMode(text: string): RoundingMode {
  const mode = MODES.find((candidate) => candidate === text.toUpperCase());
  if (mode === undefined) {
    throw new CypherArgumentError(`Unknown rounding mode: ${text}`, { detail: 'InvalidArgumentValue' });
  }
  return mode;
}

/**
 * Rounds `value` to `precision` decimal places the way Neo4j does (`BigDecimal.valueOf(value).setScale`):
 * on the shortest decimal text of the double, so `round(2.675, 2)` is 2.68 although the double is just
 * below 2.675. Exact decimal arithmetic on bigints; non-finite values are returned unchanged.
 */
export function roundDecimal(value: number, precision: number, mode: RoundingMode): number {
  if (!Number.isFinite(value)) return value;
  const { negative, digits, scale } = decimalOf(value);
  if (scale <= precision) return value;
  const divisor = 10n ** BigInt(scale - precision);
  const quotient = digits / divisor;
  const remainder = digits % divisor;
  const increment = roundUp(mode, negative, quotient, remainder, divisor) ? 1n : 0n;
  const rounded = quotient + increment;
  const text = `${negative ? '-' : ''}${rounded}e${-precision}`;
  const result = Number(text);
  return result === 0 && negative ? -0 : result;
}

/** `value` = (negative ? -1 : 1) * digits * 10^-scale, from the shortest round-trip text. */
function decimalOf(value: number): { negative: boolean; digits: bigint; scale: number } {
  const negative = value < 0 || Object.is(value, -0);
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toString().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText);
  let digits = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative, digits, scale };
}

function roundUp(
  mode: RoundingMode,
  negative: boolean,
  quotient: bigint,
  remainder: bigint,
  divisor: bigint,
): boolean {
  if (remainder === 0n) return false;
  const twice = remainder * 2n;
  switch (mode) {
    case 'UP':
      return true;
    case 'DOWN':
      return false;
    case 'CEILING':
      return !negative;
    case 'FLOOR':
      return negative;
    case 'HALF_UP':
      return twice >= divisor;
    case 'HALF_DOWN':
      return twice > divisor;
    case 'HALF_EVEN':
      return twice > divisor || (twice === divisor && quotient % 2n === 1n);
  }
}
