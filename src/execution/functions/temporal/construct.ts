/**
 * The one-argument forms of `date()`, `localtime()`, `time()`, `localdatetime()` and `datetime()`: from an
 * ISO-8601 string, from a map of fields (optionally selecting from other temporals through `date:`,
 * `time:` and `datetime:`), or converting another temporal value.
 */
import {
  DateTime,
  isTemporalInstant,
  typeName,
  zoneOffsetAt,
  type CypherMap,
  type CypherValue,
  type ZoneSpec,
} from '../../../values/index.js';
import { invalidTemporalArgument, invalidTemporalType } from './errors.js';
import { constructFromMap } from './construct-map.js';
import { buildInstant, nowEpochSeconds, type InstantKind, type TemporalEnvironment } from './kinds.js';
import { parseDateText, parseDateTimeText, parseTimeText, type ParsedTime } from './parse-temporal.js';
import { joinLocal, type TemporalInstant } from './parts.js';
import { offsetAt } from './zone.js';

function rejectZone(parsed: ParsedTime, text: string): void {
  if (parsed.offset !== undefined || parsed.zoneId !== undefined) {
    throw invalidTemporalArgument(`Text cannot be parsed to a local temporal value: '${text}'`);
  }
}

/** The zone a parsed text names, preferring the bracketed id; the offset disambiguates overlaps. */
function zoneOfText(parsed: ParsedTime, env: TemporalEnvironment): ZoneSpec {
  return parsed.zoneId ?? parsed.offset ?? env.defaultZone;
}

function dateTimeOfText(text: string, env: TemporalEnvironment): DateTime {
  const parsed = parseDateTimeText(text);
  const zone = zoneOfText(parsed, env);
  const { seconds, nanosecond } = joinLocal(parsed.epochDay, parsed.nanoOfDay);
  if (typeof zone === 'string' && parsed.offset !== undefined) {
    const instant = seconds - BigInt(parsed.offset);
    if (zoneOffsetAt(zone, instant) === parsed.offset) return new DateTime(instant, nanosecond, zone);
  }
  return DateTime.fromLocal(seconds, nanosecond, zone);
}

/**
 * Parses `text` as a value of `kind`.
 * @throws CypherArgumentError when it does not parse.
 */
function temporalFromText(kind: InstantKind, text: string, env: TemporalEnvironment): TemporalInstant {
  switch (kind) {
    case 'date':
      return buildInstant(kind, parseDateText(text), 0, 0, env);
    case 'localtime': {
      const parsed = parseTimeText(text);
      rejectZone(parsed, text);
      return buildInstant(kind, 0, parsed.nanoOfDay, 0, env);
    }
    case 'time': {
      const parsed = parseTimeText(text);
      const zone = zoneOfText(parsed, env);
      const offset = parsed.offset ?? offsetAt(zone, nowEpochSeconds(env));
      return buildInstant(kind, 0, parsed.nanoOfDay, offset, env);
    }
    case 'localdatetime': {
      const parsed = parseDateTimeText(text);
      rejectZone(parsed, text);
      return buildInstant(kind, parsed.epochDay, parsed.nanoOfDay, 0, env);
    }
    case 'datetime':
      return dateTimeOfText(text, env);
  }
}

/** The map that selects everything from another temporal: `date(dt)` is `date({date: dt})`. */
function selectionOf(kind: InstantKind, value: TemporalInstant): CypherMap {
  switch (kind) {
    case 'date':
      return { date: value };
    case 'localtime':
    case 'time':
      return { time: value };
    case 'localdatetime':
    case 'datetime':
      return { datetime: value };
  }
}

/**
 * The single-argument constructor: a string, a map or another temporal (null is handled by the caller).
 * @throws CypherTypeError for other argument types; CypherArgumentError for invalid content.
 */
export function constructTemporal(
  kind: InstantKind,
  argument: CypherValue,
  env: TemporalEnvironment,
): TemporalInstant {
  if (typeof argument === 'string') return temporalFromText(kind, argument, env);
  if (isTemporalInstant(argument)) return constructFromMap(kind, selectionOf(kind, argument), env);
  if (
    typeof argument === 'object' &&
    argument !== null &&
    Object.getPrototypeOf(argument) === Object.prototype
  ) {
    return constructFromMap(kind, argument as CypherMap, env);
  }
  throw invalidTemporalType(
    `Type mismatch: expected String, Map or a temporal value for ${kind}() but was ${typeName(argument)}`,
  );
}
