/**
 * ISO-8601 text of dates, times and date-times in every form Cypher accepts: calendar (`2015-07-21`,
 * `20150721`, `2015-07`, `2015`), week (`2015-W30-2`, `2015W302`, `2015-W30`), ordinal (`2015-202`,
 * `2015202`) and quarter (`2015-Q3-20`) dates; times in extended or basic form with an optional fraction of
 * up to nine digits (`21:40:32.142`, `214032.142`, `2140`, `21`); offsets (`Z`, `+01:00`, `-0100`, `+02`)
 * and zone ids in brackets (`[Europe/Stockholm]`).
 */
import { NANOS_PER_SECOND } from '../../../values/index.js';
import {
  checkField,
  epochDayOfCalendarDate,
  epochDayOfOrdinalDate,
  epochDayOfQuarterDate,
  epochDayOfWeekDate,
} from './calendar-fields.js';
import { invalidTemporalArgument } from './errors.js';
import { parseOffset, parseZone } from './zone.js';

const DATE_PATTERN = new RegExp(
  '^(?<year>[+-]\\d{1,9}|\\d{4})(?:' +
    '-(?<month>\\d{1,2})(?:-(?<day>\\d{1,2}))?|(?<monthB>\\d{2})(?<dayB>\\d{2})?|' +
    '-W(?<week>\\d{2})(?:-(?<weekday>\\d))?|W(?<weekB>\\d{2})(?<weekdayB>\\d)?|' +
    '-Q(?<quarter>\\d)(?:-(?<quarterDay>\\d{1,2}))?|Q(?<quarterB>\\d)(?<quarterDayB>\\d{2})?|' +
    '-(?<ordinal>\\d{3})|(?<ordinalB>\\d{3})' +
    ')?$',
);

const TIME_PATTERN = new RegExp(
  '^(?<hour>\\d{2})(?:' +
    ':(?<minute>\\d{2})(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9}))?)?|' +
    '(?<minuteB>\\d{2})(?:(?<secondB>\\d{2})(?:[.,](?<fractionB>\\d{1,9}))?)?' +
    ')?(?<offset>Z|z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)?(?:\\[(?<zoneId>[^\\]]+)\\])?$',
);

/** A parsed time of day with what followed it. */
export interface ParsedTime {
  readonly nanoOfDay: number;
  /** The offset written after the time, if any. */
  readonly offset: number | undefined;
  /** The zone id written in brackets, if any. */
  readonly zoneId: string | undefined;
}

/** A parsed date-time: the date, and the time (midnight when the text has none). */
export interface ParsedDateTime extends ParsedTime {
  readonly epochDay: number;
}

function cannotParse(text: string): never {
  throw invalidTemporalArgument(`Text cannot be parsed to a temporal value: '${text}'`);
}

function pick(groups: Record<string, string | undefined>, ...names: string[]): number | undefined {
  for (const name of names) {
    const value = groups[name];
    if (value !== undefined) return Number(value);
  }
  return undefined;
}

/**
 * The epoch day of a date string.
 * @throws CypherArgumentError when it does not parse or a field is out of range.
 */
export function parseDateText(text: string): number {
  const groups = DATE_PATTERN.exec(text)?.groups;
  if (groups === undefined) return cannotParse(text);
  const year = Number(groups['year']);
  const week = pick(groups, 'week', 'weekB');
  if (week !== undefined) return epochDayOfWeekDate(year, week, pick(groups, 'weekday', 'weekdayB') ?? 1);
  const quarter = pick(groups, 'quarter', 'quarterB');
  if (quarter !== undefined) {
    return epochDayOfQuarterDate(year, quarter, pick(groups, 'quarterDay', 'quarterDayB') ?? 1);
  }
  const ordinal = pick(groups, 'ordinal', 'ordinalB');
  if (ordinal !== undefined) return epochDayOfOrdinalDate(year, ordinal);
  return epochDayOfCalendarDate(year, pick(groups, 'month', 'monthB') ?? 1, pick(groups, 'day', 'dayB') ?? 1);
}

/**
 * A time string with optional offset and zone id.
 * @throws CypherArgumentError when it does not parse or a field is out of range.
 */
export function parseTimeText(text: string): ParsedTime {
  const groups = TIME_PATTERN.exec(text)?.groups;
  if (groups === undefined) return cannotParse(text);
  const hour = checkField('HourOfDay', Number(groups['hour']), 0, 23);
  const minute = checkField('MinuteOfHour', pick(groups, 'minute', 'minuteB') ?? 0, 0, 59);
  const second = checkField('SecondOfMinute', pick(groups, 'second', 'secondB') ?? 0, 0, 59);
  const fraction = groups['fraction'] ?? groups['fractionB'] ?? '';
  const nanosecond = fraction === '' ? 0 : Number(fraction.padEnd(9, '0'));
  const offsetText = groups['offset'];
  const zoneText = groups['zoneId'];
  if (zoneText !== undefined && typeof parseZone(zoneText) !== 'string') return cannotParse(text);
  return {
    nanoOfDay: ((hour * 60 + minute) * 60 + second) * NANOS_PER_SECOND + nanosecond,
    offset: offsetText === undefined ? undefined : parseOffset(offsetText),
    zoneId: zoneText,
  };
}

/**
 * A date-time string: a date, optionally `T` and a time with optional offset and zone id.
 * @throws CypherArgumentError when it does not parse or a field is out of range.
 */
export function parseDateTimeText(text: string): ParsedDateTime {
  const separator = text.indexOf('T');
  if (separator < 0)
    return { epochDay: parseDateText(text), nanoOfDay: 0, offset: undefined, zoneId: undefined };
  return { epochDay: parseDateText(text.slice(0, separator)), ...parseTimeText(text.slice(separator + 1)) };
}
