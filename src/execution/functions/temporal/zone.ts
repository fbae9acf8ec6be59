/**
 * Time-zone arguments: `'Z'`, `'+01:00'`, `'+0100'`, `'-02'`, `'+02:05:59'` (fixed offsets) or IANA ids such
 * as `'Europe/Stockholm'`, as Cypher accepts them in strings (`[Europe/Stockholm]`), in maps
 * (`{timezone: …}`) and in the clock functions' argument.
 */
import {
  isKnownZoneId,
  MAX_OFFSET_SECONDS,
  zoneOffsetAt,
  typeName,
  type CypherValue,
  type ZoneSpec,
} from '../../../values/index.js';
import { invalidTemporalArgument, invalidTemporalType } from './errors.js';

const OFFSET_PATTERN = /^([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Parses an offset (`Z`, `+01:00`, `-0130`, `+02`, `+02:05:59`) to seconds, or undefined when the text is
 * not offset-shaped.
 * @throws CypherArgumentError when it is offset-shaped but out of range (beyond ±18:00, minutes ≥ 60).
 */
export function parseOffset(text: string): number | undefined {
  if (text === 'Z' || text === 'z') return 0;
  const match = OFFSET_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, sign, hours, minutes, seconds] = match;
  const h = Number(hours);
  const m = Number(minutes ?? '0');
  const s = Number(seconds ?? '0');
  const total = h * 3600 + m * 60 + s;
  if (m > 59 || s > 59 || total > MAX_OFFSET_SECONDS) {
    throw invalidTemporalArgument(`Invalid time zone offset '${text}': offsets range from -18:00 to +18:00`);
  }
  return sign === '-' ? -total : total;
}

/**
 * A zone given as text: a fixed offset or an IANA zone id (kept as spelled, as Neo4j keeps it).
 * @throws CypherArgumentError for an unknown zone.
 */
export function parseZone(text: string): ZoneSpec {
  const offset = parseOffset(text);
  if (offset !== undefined) return offset;
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text) && isKnownZoneId(text)) return text;
  throw invalidTemporalArgument(`Invalid value for TimeZone: Text '${text}' could not be parsed`);
}

/**
 * The `timezone` argument of a constructor or clock function.
 * @throws CypherTypeError when it is not a string.
 */
export function zoneArgument(value: CypherValue): ZoneSpec {
  if (typeof value !== 'string')
    throw invalidTemporalType(`Type mismatch: expected a time zone String but was ${typeName(value)}`);
  return parseZone(value);
}

/** The offset in force in `zone` at an instant (for a fixed offset, the offset itself). */
export function offsetAt(zone: ZoneSpec, epochSeconds: bigint): number {
  return typeof zone === 'number' ? zone : zoneOffsetAt(zone, epochSeconds);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** An offset as Neo4j prints it: `Z`, `+01:00`, `-05:30`, `+02:05:59`. */
export function formatOffset(offsetSeconds: number): string {
  if (offsetSeconds === 0) return 'Z';
  const absolute = Math.abs(offsetSeconds);
  const text = `${offsetSeconds < 0 ? '-' : '+'}${pad2(Math.floor(absolute / 3600))}:${pad2(Math.floor((absolute % 3600) / 60))}`;
  return absolute % 60 === 0 ? text : `${text}:${pad2(absolute % 60)}`;
}
