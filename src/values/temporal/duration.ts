import { CypherArgumentError } from '../../errors/index.js';
import { isInt64, requireInt64 } from '../int64.js';
import { floorDivBig, NANOS_PER_SECOND } from './calendar.js';

const NANOS_PER_SECOND_BIG = BigInt(NANOS_PER_SECOND);

/** Average seconds in a month (365.2425 days / 12), which Neo4j uses to order durations. */
export const AVERAGE_SECONDS_PER_MONTH = 2_629_746n;

/**
 * Cypher DURATION: months, days, seconds and nanoseconds, each independent (Bolt `Duration`). Normalised as
 * Neo4j does: whole seconds in the nanoseconds move into `seconds`, and `nanoseconds` is always
 * 0..999,999,999, so a negative sub-second part is carried as `seconds - 1` plus a positive fraction
 * (`PT-0.5S` is seconds -1, nanoseconds 500,000,000). Months, days and seconds are int64 on the wire, so
 * they are bigints.
 */
export class Duration {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'Duration';
  readonly months: bigint;
  readonly days: bigint;
  readonly seconds: bigint;
  /** Always 0..999,999,999 after normalisation. */
  readonly nanoseconds: number;

  /** @throws CypherArgumentError when a component, or the seconds after normalisation, leaves int64. */
  constructor(
    months: bigint | number,
    days: bigint | number,
    seconds: bigint | number,
    nanoseconds: bigint | number,
  ) {
    this.months = requireInt64(months, 'months');
    this.days = requireInt64(days, 'days');
    const nanos = requireInt64(nanoseconds, 'nanoseconds');
    const carry = floorDivBig(nanos, NANOS_PER_SECOND_BIG);
    const totalSeconds = requireInt64(seconds, 'seconds') + carry;
    if (!isInt64(totalSeconds)) {
      throw new CypherArgumentError(
        `Invalid duration: ${seconds} seconds and ${nanoseconds} nanoseconds overflow`,
      );
    }
    this.seconds = totalSeconds;
    this.nanoseconds = Number(nanos - carry * NANOS_PER_SECOND_BIG);
  }

  /** Months × 2,629,746 + days × 86,400 + seconds: the length Neo4j orders durations by first. */
  get averageLengthInSeconds(): bigint {
    return this.months * AVERAGE_SECONDS_PER_MONTH + this.days * 86_400n + this.seconds;
  }

  /**
   * ISO-8601 as Neo4j prints it: `P14DT16H12M`, `P12Y5M-14DT16H`, `PT-1.999S`, `PT0S`. Years and months come
   * from the month count, days stand alone (never weeks), and the time part is split from the seconds with
   * each unit carrying the sign of the whole seconds value.
   */
  toString(): string {
    let text = 'P';
    text += unit(this.months / 12n, 'Y') + unit(this.months % 12n, 'M') + unit(this.days, 'D');
    if (this.seconds !== 0n || this.nanoseconds !== 0)
      text += `T${formatTimePart(this.seconds, this.nanoseconds)}`;
    return text === 'P' ? 'PT0S' : text;
  }
}

function unit(quantity: bigint, designator: string): string {
  return quantity === 0n ? '' : `${quantity}${designator}`;
}

/** Hours, minutes and seconds of a duration's time part; bigint `/` and `%` truncate, as Java's do. */
function formatTimePart(seconds: bigint, nanoseconds: number): string {
  const isNegative = seconds < 0n;
  // A negative value with a fraction is written with a negative fraction: -2 s + 0.999 s is "-1.001S".
  let wholeSeconds = seconds;
  let fraction = nanoseconds;
  if (isNegative && fraction !== 0) {
    wholeSeconds += 1n;
    fraction = NANOS_PER_SECOND - fraction;
  }
  let text = unit(wholeSeconds / 3600n, 'H');
  wholeSeconds %= 3600n;
  text += unit(wholeSeconds / 60n, 'M');
  wholeSeconds %= 60n;
  const fractionText = fraction === 0 ? '' : `.${String(fraction).padStart(9, '0').replace(/0+$/, '')}`;
  if (wholeSeconds !== 0n) return `${text}${wholeSeconds}${fractionText}S`;
  if (fraction !== 0) return `${text}${isNegative ? '-' : ''}0${fractionText}S`;
  return text;
}
