import { CypherArgumentError } from '../../errors/index.js';
import { requireIntegerInRange } from '../int64.js';
import { civilFromEpochDay, epochDayFromCivil, MAX_EPOCH_DAY, MIN_EPOCH_DAY } from './calendar.js';
import { formatEpochDay } from './temporal-format.js';

/**
 * Cypher DATE: a calendar date without time or zone, stored as days since 1970-01-01 (Bolt `Date` struct).
 * The range is java.time's (years -999,999,999 to +999,999,999), which Neo4j enforces; it fits a number.
 * Named `CypherDate` so it does not shadow the global `Date`.
 */
export class CypherDate {
  /** Makes the class nominal, so a look-alike (e.g. a `Time` where a `LocalTime` is expected) fails to type-check. */
  declare private readonly brand: 'CypherDate';
  /** Days since 1970-01-01 (negative before). */
  readonly epochDay: number;

  /** @throws CypherArgumentError when `epochDay` is not an integer within the supported range. */
  constructor(epochDay: number | bigint) {
    this.epochDay = requireIntegerInRange(epochDay, MIN_EPOCH_DAY, MAX_EPOCH_DAY, 'epoch day');
  }

  /**
   * The date with these calendar fields.
   * @throws CypherArgumentError when a field is out of range (`2023-02-29`, month 13, …).
   */
  static fromFields(year: number, month: number, day: number): CypherDate {
    requireIntegerInRange(month, 1, 12, 'month');
    requireIntegerInRange(day, 1, 31, 'day');
    const epochDay = epochDayFromCivil(year, month, day);
    if (civilFromEpochDay(epochDay).day !== day) {
      throw new CypherArgumentError(`Invalid date ${year}-${month}-${day}: the month has no day ${day}`);
    }
    return new CypherDate(epochDay);
  }

  get year(): number {
    return civilFromEpochDay(this.epochDay).year;
  }

  get month(): number {
    return civilFromEpochDay(this.epochDay).month;
  }

  get day(): number {
    return civilFromEpochDay(this.epochDay).day;
  }

  /** ISO-8601 as Neo4j prints it: `2015-07-21`, `-0001-01-01`, `+10000-01-01`. */
  toString(): string {
    return formatEpochDay(this.epochDay);
  }
}
