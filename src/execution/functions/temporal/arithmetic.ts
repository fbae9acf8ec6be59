/**
 * The temporal cases of `+`, `-`, `*` and `/`: instant ± duration, duration ± duration, duration × number
 * and duration ÷ number. Each answers `undefined` when the operands are not a temporal case it knows, so the
 * expression layer can try other types or report the type mismatch.
 */
import { CypherArithmeticError } from '../../../errors/index.js';
import { Duration, isTemporalInstant, type CypherValue } from '../../../values/index.js';
import { amountsOf, durationOfAmounts, type DurationAmounts } from './build-duration.js';
import { decimalOfInteger, decimalOfNumber, divide, isZero, multiply, type Decimal } from './decimal.js';
import { negateDuration, plusDuration } from './plus-duration.js';

function sumDurations(a: Duration, b: Duration): Duration {
  return new Duration(
    a.months + b.months,
    a.days + b.days,
    a.seconds + b.seconds,
    a.nanoseconds + b.nanoseconds,
  );
}

/** `a + b` for an instant and a duration (either order) or two durations; otherwise undefined. */
export function addTemporal(a: CypherValue, b: CypherValue): CypherValue | undefined {
  if (a instanceof Duration) {
    if (b instanceof Duration) return sumDurations(a, b);
    if (isTemporalInstant(b)) return plusDuration(b, a);
    return undefined;
  }
  if (b instanceof Duration && isTemporalInstant(a)) return plusDuration(a, b);
  return undefined;
}

/** `a - b` for an instant minus a duration or two durations; otherwise undefined. */
export function subtractTemporal(a: CypherValue, b: CypherValue): CypherValue | undefined {
  if (!(b instanceof Duration)) return undefined;
  if (a instanceof Duration) return sumDurations(a, negateDuration(b));
  if (isTemporalInstant(a)) return plusDuration(a, negateDuration(b));
  return undefined;
}

function factorOf(value: CypherValue): Decimal | undefined {
  if (typeof value === 'bigint') return decimalOfInteger(value);
  if (typeof value === 'number') return decimalOfNumber(value);
  return undefined;
}

function scaleAmounts(amounts: DurationAmounts, scale: (part: Decimal) => Decimal): DurationAmounts {
  return {
    months: scale(amounts.months),
    days: scale(amounts.days),
    seconds: scale(amounts.seconds),
    nanoseconds: scale(amounts.nanoseconds),
  };
}

/**
 * `duration * number`: every component scaled, fractions cascading into smaller units (a half month is
 * 15 days 5h 14m 33s). Undefined unless `d` is a duration and `factor` a number.
 */
export function multiplyDuration(d: CypherValue, factor: CypherValue): CypherValue | undefined {
  if (!(d instanceof Duration)) return undefined;
  const scale = factorOf(factor);
  if (scale === undefined) return undefined;
  return durationOfAmounts(scaleAmounts(amountsOf(d), (part) => multiply(part, scale)));
}

/**
 * `duration / number`, as scaling by the reciprocal. Undefined unless `d` is a duration and `divisor` a
 * number.
 * @throws CypherArithmeticError when dividing by zero.
 */
export function divideDuration(d: CypherValue, divisor: CypherValue): CypherValue | undefined {
  if (!(d instanceof Duration)) return undefined;
  const scale = factorOf(divisor);
  if (scale === undefined) return undefined;
  if (isZero(scale)) throw new CypherArithmeticError('/ by zero', { detail: 'DivisionByZero' });
  return durationOfAmounts(scaleAmounts(amountsOf(d), (part) => divide(part, scale)));
}
