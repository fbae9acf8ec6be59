/**
 * `duration.between(a, b)`, `duration.inMonths`, `duration.inDays` and `duration.inSeconds`, following
 * Neo4j on java.time: a value without a date borrows the other's date, one without a time counts from
 * midnight, and one without a zone is read in the other's zone. Months and days are counted on the wall
 * clock in `a`'s zone (a partial last day or month does not count), the rest as the exact time between the
 * instants, so a daylight-saving day can be 23 or 25 hours long.
 */
import {
  civilFromEpochDay,
  DateTime,
  Duration,
  isTemporalInstant,
  typeName,
  type CypherValue,
  type ZoneSpec,
} from '../../../values/index.js';
import { invalidTemporalType } from './errors.js';
import { plusMonths } from './plus-duration.js';
import { joinLocal, partsOf, splitLocal } from './parts.js';
import { offsetAt } from './zone.js';

/** Which quantity to measure: everything (`between`), or only months, days or seconds. */
export type BetweenUnit = 'all' | 'months' | 'days' | 'seconds';

interface Local {
  readonly epochDay: number;
  readonly nanoOfDay: number;
}

const NANOS_PER_SECOND = 1_000_000_000n;

function instantNanos(value: DateTime): bigint {
  return value.epochSeconds * NANOS_PER_SECOND + BigInt(value.nanoseconds);
}

function resolve(local: Local, zone: ZoneSpec): DateTime {
  const { seconds, nanosecond } = joinLocal(local.epochDay, local.nanoOfDay);
  return DateTime.fromLocal(seconds, nanosecond, zone);
}

/** The wall clock of an instant in `zone`. */
function localIn(value: DateTime, zone: ZoneSpec): Local {
  return splitLocal(value.epochSeconds + BigInt(offsetAt(zone, value.epochSeconds)), value.nanoseconds);
}

/** java.time's end-date adjustment: an end whose time of day is earlier does not complete its last day. */
function adjustedEndDay(start: Local, end: Local): number {
  if (end.epochDay > start.epochDay && end.nanoOfDay < start.nanoOfDay) return end.epochDay - 1;
  if (end.epochDay < start.epochDay && end.nanoOfDay > start.nanoOfDay) return end.epochDay + 1;
  return end.epochDay;
}

function monthsUntil(start: Local, end: Local): bigint {
  const from = civilFromEpochDay(start.epochDay);
  const to = civilFromEpochDay(adjustedEndDay(start, end));
  const packedFrom = (BigInt(from.year) * 12n + BigInt(from.month - 1)) * 32n + BigInt(from.day);
  const packedTo = (BigInt(to.year) * 12n + BigInt(to.month - 1)) * 32n + BigInt(to.day);
  return (packedTo - packedFrom) / 32n;
}

function daysUntil(start: Local, end: Local): bigint {
  return BigInt(adjustedEndDay(start, end) - start.epochDay);
}

function durationOfNanos(nanos: bigint): Duration {
  const seconds = nanos / NANOS_PER_SECOND - (nanos % NANOS_PER_SECOND < 0n ? 1n : 0n);
  return new Duration(0n, 0n, seconds, nanos - seconds * NANOS_PER_SECOND);
}

/**
 * The duration from `a` to `b` in `unit`.
 * @throws CypherTypeError when an argument is not a temporal instant.
 */
export function durationBetween(a: CypherValue, b: CypherValue, unit: BetweenUnit): Duration {
  if (!isTemporalInstant(a) || !isTemporalInstant(b)) {
    const wrong = isTemporalInstant(a) ? b : a;
    throw invalidTemporalType(`Type mismatch: expected a temporal value but was ${typeName(wrong)}`);
  }
  const pa = partsOf(a);
  const pb = partsOf(b);
  const hasDates = pa.epochDay !== undefined && pb.epochDay !== undefined;
  const zoneA = pa.zone ?? pb.zone ?? 0;
  const zoneB = pb.zone ?? pa.zone ?? 0;
  const start = resolve({ epochDay: pa.epochDay ?? pb.epochDay ?? 0, nanoOfDay: pa.nanoOfDay ?? 0 }, zoneA);
  const end = resolve({ epochDay: pb.epochDay ?? pa.epochDay ?? 0, nanoOfDay: pb.nanoOfDay ?? 0 }, zoneB);
  if (unit === 'seconds') return durationOfNanos(instantNanos(end) - instantNanos(start));
  if (!hasDates) {
    return unit === 'all'
      ? durationOfNanos(instantNanos(end) - instantNanos(start))
      : new Duration(0n, 0n, 0n, 0n);
  }
  const startLocal = localIn(start, zoneA);
  const endLocal = localIn(end, zoneA);
  if (unit === 'days') return new Duration(0n, daysUntil(startLocal, endLocal), 0n, 0n);
  const months = monthsUntil(startLocal, endLocal);
  if (unit === 'months') return new Duration(months, 0n, 0n, 0n);
  const afterMonths = localIn(
    resolve({ epochDay: plusMonths(startLocal.epochDay, months), nanoOfDay: startLocal.nanoOfDay }, zoneA),
    zoneA,
  );
  const days = daysUntil(afterMonths, endLocal);
  const afterDays = resolve(
    { epochDay: afterMonths.epochDay + Number(days), nanoOfDay: afterMonths.nanoOfDay },
    zoneA,
  );
  const rest = durationOfNanos(instantNanos(end) - instantNanos(afterDays));
  return new Duration(months, days, rest.seconds, rest.nanoseconds);
}
