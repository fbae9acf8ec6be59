/**
 * The five instant kinds a temporal constructor can build, and building each from parts: an epoch day, a
 * nanosecond of the day and a zone, with the environment's default zone and clock.
 */
import { CypherDate, DateTime, LocalTime, NANOS_PER_SECOND, type ZoneSpec } from '../../../values/index.js';
import { makeDateTime, makeLocalDateTime, makeTime, type TemporalInstant } from './parts.js';

export type InstantKind = 'date' | 'localtime' | 'time' | 'localdatetime' | 'datetime';

/** What temporal constructors need from the running statement. */
export interface TemporalEnvironment {
  /** The zone of values built without one (`datetime('2015-07-21T21:40')`). */
  readonly defaultZone: ZoneSpec;
  /** The statement's instant, in nanoseconds since the epoch: the "now" of `date()` and friends. */
  readonly nowEpochNanos: bigint;
}

const NANOS_PER_SECOND_BIG = BigInt(NANOS_PER_SECOND);

/** The environment's instant as epoch seconds (floor). */
export function nowEpochSeconds(env: TemporalEnvironment): bigint {
  const nanos = env.nowEpochNanos;
  return nanos / NANOS_PER_SECOND_BIG - (nanos % NANOS_PER_SECOND_BIG < 0n ? 1n : 0n);
}

/** The instant `epochNanos` in `zone`, as a value of `kind` (the clock functions). */
export function instantAt(kind: InstantKind, epochNanos: bigint, zone: ZoneSpec): TemporalInstant {
  const seconds = epochNanos / NANOS_PER_SECOND_BIG - (epochNanos % NANOS_PER_SECOND_BIG < 0n ? 1n : 0n);
  const dateTime = new DateTime(seconds, Number(epochNanos - seconds * NANOS_PER_SECOND_BIG), zone);
  return convertDateTime(kind, dateTime);
}

/** A date-time narrowed to `kind`, keeping its wall clock. */
function convertDateTime(kind: InstantKind, value: DateTime): TemporalInstant {
  const local = value.localEpochSeconds;
  const day = local / 86_400n - (local % 86_400n < 0n ? 1n : 0n);
  const nanoOfDay = Number(local - day * 86_400n) * NANOS_PER_SECOND + value.nanoseconds;
  switch (kind) {
    case 'date':
      return new CypherDate(day);
    case 'localtime':
      return new LocalTime(nanoOfDay);
    case 'time':
      return makeTime(nanoOfDay, value.offsetSeconds, value.epochSeconds);
    case 'localdatetime':
      return makeLocalDateTime(Number(day), nanoOfDay);
    case 'datetime':
      return value;
  }
}

/** Builds a value of `kind` from a date, time of day and zone (zone ignored by local kinds). */
export function buildInstant(
  kind: InstantKind,
  epochDay: number,
  nanoOfDay: number,
  zone: ZoneSpec,
  env: TemporalEnvironment,
): TemporalInstant {
  switch (kind) {
    case 'date':
      return new CypherDate(epochDay);
    case 'localtime':
      return new LocalTime(nanoOfDay);
    case 'time':
      return makeTime(nanoOfDay, zone, nowEpochSeconds(env));
    case 'localdatetime':
      return makeLocalDateTime(epochDay, nanoOfDay);
    case 'datetime':
      return makeDateTime(epochDay, nanoOfDay, zone);
  }
}
