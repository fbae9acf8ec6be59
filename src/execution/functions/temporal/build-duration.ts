/**
 * Builds durations from possibly fractional amounts the way Neo4j does: fractions of a month become days
 * at the average month length (30.436875 days), fractions of a day become seconds, fractions of a second
 * nanoseconds (each step truncating toward zero), and a fraction of a nanosecond is dropped.
 */
import { Duration } from '../../../values/index.js';
import {
  add,
  decimalOfInteger,
  decimalOfText,
  fractionPart,
  integerPart,
  multiply,
  type Decimal,
} from './decimal.js';

/** Average days per month: 365.2425 / 12, exactly. */
const DAYS_PER_MONTH = decimalOfText('30.436875');
const SECONDS_PER_DAY = decimalOfInteger(86_400n);
const NANOS_PER_SECOND = decimalOfInteger(1_000_000_000n);

/** Amounts of each unit, all optional and possibly fractional or negative. */
export interface DurationAmounts {
  readonly months: Decimal;
  readonly days: Decimal;
  readonly seconds: Decimal;
  readonly nanoseconds: Decimal;
}

/**
 * The duration of these amounts, cascading fractions downwards.
 * @throws CypherArgumentError when a component leaves the 64-bit range.
 */
export function durationOfAmounts(amounts: DurationAmounts): Duration {
  const months = integerPart(amounts.months);
  const dayTotal = add(amounts.days, multiply(fractionPart(amounts.months), DAYS_PER_MONTH));
  const days = integerPart(dayTotal);
  const secondTotal = add(amounts.seconds, multiply(fractionPart(dayTotal), SECONDS_PER_DAY));
  const seconds = integerPart(secondTotal);
  const nanoTotal = add(amounts.nanoseconds, multiply(fractionPart(secondTotal), NANOS_PER_SECOND));
  return new Duration(months, days, seconds, integerPart(nanoTotal));
}

/** The exact amounts of a duration. */
export function amountsOf(value: Duration): DurationAmounts {
  return {
    months: decimalOfInteger(value.months),
    days: decimalOfInteger(value.days),
    seconds: decimalOfInteger(value.seconds),
    nanoseconds: decimalOfInteger(BigInt(value.nanoseconds)),
  };
}
