/**
 * IANA time-zone rules through the runtime's Intl (ICU) data, so Quiver ships no tz database of its own.
 * The offset at an instant is read from `Intl.DateTimeFormat` with `timeZoneName: 'longOffset'`
 * (`GMT+01:00`, `GMT-00:01:15`), which carries second precision for local mean time. Intl formats only
 * instants within ±8.64e15 ms (about ±273,000 years), so farther instants are first moved by whole
 * 400-year Gregorian cycles into that window: far-past instants keep the zone's earliest rule (local mean
 * time) and far-future ones its last, recurring rule, as java.time does.
 */
import { CypherArgumentError } from '../../errors/index.js';
import { SECONDS_PER_DAY } from './calendar.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
const canonicalIds = new Map<string, string>();

/** Seconds in 400 Gregorian years (146097 days). */
const SECONDS_PER_ERA = 146_097n * 86_400n;
/** Stay a little inside Intl's ±8.64e12 s limit. */
const INTL_LIMIT_SECONDS = 8_000_000_000_000n;

const OFFSET_PATTERN = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;

function formatterFor(zoneId: string): Intl.DateTimeFormat {
  const cached = formatters.get(zoneId);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zoneId, timeZoneName: 'longOffset' });
  } catch (error) {
    throw new CypherArgumentError(`Invalid time zone "${zoneId}": it is not a known IANA time zone id`, {
      cause: error,
    });
  }
  formatters.set(zoneId, formatter);
  return formatter;
}

/** Whether the runtime knows this IANA zone id (case-insensitively, as Neo4j's zone parser does). */
export function isKnownZoneId(zoneId: string): boolean {
  if (formatters.has(zoneId)) return true;
  try {
    formatterFor(zoneId);
    return true;
  } catch {
    return false;
  }
}

/**
 * The runtime's canonical spelling of a zone id: aliases and case variants (`Asia/Calcutta`,
 * `asia/kolkata`) map to one name, which equality, ordering and hashing of zoned values use.
 * @throws CypherArgumentError when the zone id is unknown.
 */
export function canonicalZoneId(zoneId: string): string {
  const cached = canonicalIds.get(zoneId);
  if (cached !== undefined) return cached;
  const canonical = formatterFor(zoneId).resolvedOptions().timeZone;
  canonicalIds.set(zoneId, canonical);
  return canonical;
}

/** Moves an epoch second by whole 400-year cycles into the range Intl can format. */
function intoIntlRange(epochSeconds: bigint): number {
  // Land just inside the limit on the same side, so the far future keeps the last rule and the far past
  // the first one (moving to 1970..2370 instead would apply some historical rule).
  if (epochSeconds > INTL_LIMIT_SECONDS) {
    const eras = (epochSeconds - INTL_LIMIT_SECONDS) / SECONDS_PER_ERA + 1n;
    return Number(epochSeconds - eras * SECONDS_PER_ERA);
  }
  if (epochSeconds < -INTL_LIMIT_SECONDS) {
    const eras = (-INTL_LIMIT_SECONDS - epochSeconds) / SECONDS_PER_ERA + 1n;
    return Number(epochSeconds + eras * SECONDS_PER_ERA);
  }
  return Number(epochSeconds);
}

/**
 * The UTC offset in seconds of an IANA zone at an instant.
 * @throws CypherArgumentError when the zone id is unknown.
 */
export function zoneOffsetAt(zoneId: string, epochSeconds: bigint): number {
  const parts = formatterFor(zoneId).formatToParts(intoIntlRange(epochSeconds) * 1000);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = OFFSET_PATTERN.exec(name);
  if (match === null) {
    throw new CypherArgumentError(
      `Cannot resolve the offset of time zone "${zoneId}": the runtime gave "${name}"`,
    );
  }
  const [, sign, hours, minutes, seconds] = match;
  if (sign === undefined) return 0;
  const total = Number(hours) * 3600 + Number(minutes ?? '0') * 60 + Number(seconds ?? '0');
  return sign === '-' ? -total : total;
}

/**
 * The offset to subtract from a local date-time (seconds since the epoch as if it were UTC) to get its
 * instant in a zone, with java.time's `ZonedDateTime.ofLocal` rules: in an overlap (clocks set back) the
 * earlier offset wins; in a gap (clocks set forward) the offset before the gap is used, so the instant's
 * local time ends up later by the gap's length (re-resolve the offset at the instant for display).
 * Assumes at most one transition within a day either side, which holds for every zone in the tz database.
 * @throws CypherArgumentError when the zone id is unknown.
 */
export function zoneOffsetForLocal(zoneId: string, localEpochSeconds: bigint): number {
  const day = BigInt(SECONDS_PER_DAY);
  const before = zoneOffsetAt(zoneId, localEpochSeconds - day);
  const after = zoneOffsetAt(zoneId, localEpochSeconds + day);
  if (zoneOffsetAt(zoneId, localEpochSeconds - BigInt(before)) === before) return before;
  if (zoneOffsetAt(zoneId, localEpochSeconds - BigInt(after)) === after) return after;
  return before;
}
