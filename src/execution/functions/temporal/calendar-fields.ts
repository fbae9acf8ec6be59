/**
 * ISO-8601 calendar fields beyond year-month-day, on epoch days: day of week (Monday = 1), week-based year and
 * week (weeks start on Monday; week 1 holds the year's first Thursday), quarter and day of quarter, ordinal day.
 */
import { civilFromEpochDay, epochDayFromCivil } from '../../../values/index.js';
import { invalidTemporalArgument } from './errors.js';

/** The smallest and largest year java.time (and so Neo4j) supports. */
export const MIN_YEAR = -999_999_999;
export const MAX_YEAR = 999_999_999;

function floorMod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** ISO day of week: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function dayOfWeek(epochDay: number): number {
  return floorMod(epochDay + 3, 7) + 1;
}

/** The epoch day of the Monday that starts week 1 of an ISO week-based year. */
export function firstMondayOfWeekYear(weekYear: number): number {
  const january4 = epochDayFromCivil(weekYear, 1, 4);
  return january4 - dayOfWeek(january4) + 1;
}

/** The week-based year and week of an epoch day. */
export function isoWeekOf(epochDay: number): { weekYear: number; week: number } {
  const thursday = epochDay - dayOfWeek(epochDay) + 4;
  const weekYear = civilFromEpochDay(thursday).year;
  const week = Math.floor((thursday - epochDayFromCivil(weekYear, 1, 1)) / 7) + 1;
  return { weekYear, week };
}

/** 52 or 53: the weeks of an ISO week-based year (December 28 always lies in the last week). */
function weeksInWeekYear(weekYear: number): number {
  return isoWeekOf(epochDayFromCivil(weekYear, 12, 28)).week;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day of the year, 1-based. */
export function ordinalDayOf(epochDay: number): number {
  const { year } = civilFromEpochDay(epochDay);
  return epochDay - epochDayFromCivil(year, 1, 1) + 1;
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** The epoch day of the first day of a quarter. */
export function firstDayOfQuarter(year: number, quarter: number): number {
  return epochDayFromCivil(year, (quarter - 1) * 3 + 1, 1);
}

/** The day within its quarter, 1-based. */
export function dayOfQuarterOf(epochDay: number): number {
  const { year, month } = civilFromEpochDay(epochDay);
  return epochDay - firstDayOfQuarter(year, quarterOf(month)) + 1;
}

/** Days in a month of a year. */
export function lengthOfMonth(year: number, month: number): number {
  const next = month === 12 ? epochDayFromCivil(year + 1, 1, 1) : epochDayFromCivil(year, month + 1, 1);
  return next - epochDayFromCivil(year, month, 1);
}

/**
 * Checks an integer field against an inclusive range, with Neo4j's wording.
 * @throws CypherArgumentError when out of range.
 */
export function checkField(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidTemporalArgument(`Invalid value for ${name} (valid values ${min} - ${max}): ${value}`);
  }
  return value;
}

/** The epoch day of a calendar date, checking every field. */
export function epochDayOfCalendarDate(year: number, month: number, day: number): number {
  checkField('Year', year, MIN_YEAR, MAX_YEAR);
  checkField('MonthOfYear', month, 1, 12);
  checkField('DayOfMonth', day, 1, lengthOfMonth(year, month));
  return epochDayFromCivil(year, month, day);
}

/** The epoch day of an ISO week date, checking every field. */
export function epochDayOfWeekDate(weekYear: number, week: number, weekday: number): number {
  checkField('Year', weekYear, MIN_YEAR, MAX_YEAR);
  checkField('WeekOfWeekBasedYear', week, 1, weeksInWeekYear(weekYear));
  checkField('DayOfWeek', weekday, 1, 7);
  return firstMondayOfWeekYear(weekYear) + (week - 1) * 7 + weekday - 1;
}

/** The epoch day of an ordinal date (year and day of year), checking every field. */
export function epochDayOfOrdinalDate(year: number, ordinalDay: number): number {
  checkField('Year', year, MIN_YEAR, MAX_YEAR);
  checkField('DayOfYear', ordinalDay, 1, isLeapYear(year) ? 366 : 365);
  return epochDayFromCivil(year, 1, 1) + ordinalDay - 1;
}

/** The epoch day of a quarter date (year, quarter, day of quarter), checking every field. */
export function epochDayOfQuarterDate(year: number, quarter: number, dayOfQuarter: number): number {
  checkField('Year', year, MIN_YEAR, MAX_YEAR);
  checkField('QuarterOfYear', quarter, 1, 4);
  const first = firstDayOfQuarter(year, quarter);
  const length =
    (quarter === 4 ? epochDayFromCivil(year + 1, 1, 1) : firstDayOfQuarter(year, quarter + 1)) - first;
  checkField('DayOfQuarter', dayOfQuarter, 1, length);
  return first + dayOfQuarter - 1;
}
