/**
 * ISO-8601 rendering of temporal fields in the two styles Neo4j users meet:
 * - `iso`: java.time's ISO formatters, which Neo4j's `toString()` uses (`prettyPrint`): seconds always
 *   printed, fraction with as many digits as needed (`21:40:00`, `21:40:32.142`, `12:00:00.000000001`).
 * - `compact`: java.time's own `toString()`, which the openCypher TCK uses for expected results: seconds
 *   left out when they and the fraction are zero, fraction in groups of 3 digits (`21:40`, `21:40:32.142`).
 */
import { civilFromEpochDay, NANOS_PER_SECOND } from './calendar.js';

/** Which of the two renderings described in this file's header to produce. */
export type TemporalStyle = 'iso' | 'compact';

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A year as java.time prints it: at least 4 digits, `+` above 9999, `-` below zero (`-0001`, `+10000`). */
export function formatYear(year: number): string {
  if (year > 9999) return `+${year}`;
  if (year < 0) return `-${pad(-year, 4)}`;
  return pad(year, 4);
}

/** `YYYY-MM-DD` for an epoch day. */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${formatYear(year)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function formatFraction(nanosecond: number, style: TemporalStyle): string {
  if (nanosecond === 0) return '';
  const digits = pad(nanosecond, 9);
  if (style === 'iso') return `.${digits.replace(/0+$/, '')}`;
  if (nanosecond % 1_000_000 === 0) return `.${digits.slice(0, 3)}`;
  if (nanosecond % 1000 === 0) return `.${digits.slice(0, 6)}`;
  return `.${digits}`;
}

/** `HH:MM:SS[.fffffffff]` (or the compact form) for a nanosecond of the day. */
export function formatNanosecondOfDay(nanosecondOfDay: number, style: TemporalStyle): string {
  const secondOfDay = Math.floor(nanosecondOfDay / NANOS_PER_SECOND);
  const nanosecond = nanosecondOfDay - secondOfDay * NANOS_PER_SECOND;
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  const hourMinute = `${pad(hour, 2)}:${pad(minute, 2)}`;
  if (style === 'compact' && second === 0 && nanosecond === 0) return hourMinute;
  return `${hourMinute}:${pad(second, 2)}${formatFraction(nanosecond, style)}`;
}

/** An offset as java.time prints it: `Z`, `+01:00`, `-05:30`, or with seconds `-00:01:15`. */
export function formatOffset(offsetSeconds: number): string {
  if (offsetSeconds === 0) return 'Z';
  const sign = offsetSeconds < 0 ? '-' : '+';
  const absolute = Math.abs(offsetSeconds);
  const hours = Math.floor(absolute / 3600);
  const minutes = Math.floor((absolute % 3600) / 60);
  const seconds = absolute % 60;
  const base = `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`;
  return seconds === 0 ? base : `${base}:${pad(seconds, 2)}`;
}
