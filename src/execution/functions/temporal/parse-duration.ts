/**
 * ISO-8601 duration text: `P[nY][nM][nW][nD][T[nH][nM][nS]]` where every amount may be negative and
 * fractional (`P0.75M`, `PT-0.5S`, `P2.5W`), an optional sign in front of the whole (`-P1D`), and the
 * alternative date-time form `P2012-02-02T14:37:21.545` (also basic: `P20120202T143721.545`).
 */
import type { Duration } from '../../../values/index.js';
import { add, decimalOfInteger, decimalOfText, multiply, ZERO, type Decimal } from './decimal.js';
import { durationOfAmounts } from './build-duration.js';
import { invalidTemporalArgument } from './errors.js';

const AMOUNT = '([+-]?\\d+(?:[.,]\\d+)?)';
const UNIT_PATTERN = new RegExp(
  `^([+-]?)P(?:${AMOUNT}Y)?(?:${AMOUNT}M)?(?:${AMOUNT}W)?(?:${AMOUNT}D)?` +
    `(?:T(?:${AMOUNT}H)?(?:${AMOUNT}M)?(?:${AMOUNT}S)?)?$`,
);
const DATE_TIME_PATTERN = /^([+-]?)P(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2}(?:[.,]\d{1,9})?)$/;

function amount(text: string | undefined): Decimal {
  return text === undefined ? ZERO : decimalOfText(text);
}

function scaled(text: string | undefined, factor: bigint): Decimal {
  return multiply(amount(text), decimalOfInteger(factor));
}

function negateIf(negative: boolean, value: Decimal): Decimal {
  return negative ? { units: -value.units } : value;
}

/**
 * The duration a string denotes.
 * @throws CypherArgumentError when it does not parse.
 */
export function parseDurationText(text: string): Duration {
  const units = UNIT_PATTERN.exec(text);
  if (units !== null && /\d/.test(text) && !text.endsWith('T')) {
    const [, sign, years, months, weeks, days, hours, minutes, seconds] = units;
    const negative = sign === '-';
    return durationOfAmounts({
      months: negateIf(negative, add(scaled(years, 12n), amount(months))),
      days: negateIf(negative, add(scaled(weeks, 7n), amount(days))),
      seconds: negateIf(negative, add(add(scaled(hours, 3600n), scaled(minutes, 60n)), amount(seconds))),
      nanoseconds: ZERO,
    });
  }
  const dateTime = DATE_TIME_PATTERN.exec(text);
  if (dateTime !== null) {
    const [, sign, years, months, days, hours, minutes, seconds] = dateTime;
    const negative = sign === '-';
    return durationOfAmounts({
      months: negateIf(negative, add(scaled(years, 12n), amount(months))),
      days: negateIf(negative, amount(days)),
      seconds: negateIf(negative, add(add(scaled(hours, 3600n), scaled(minutes, 60n)), amount(seconds))),
      nanoseconds: ZERO,
    });
  }
  throw invalidTemporalArgument(`Text cannot be parsed to a Duration: '${text}'`);
}
