import { printExpression } from '../../cypher/index.js';
import {
  CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Point,
  Time,
  Uuid,
  Vector,
  type CypherValue,
} from '../../values/index.js';

/**
 * A label, relationship type or property key as Cypher source, backtick-escaped when it is not a plain
 * identifier (the printer's rule, reached through a variable expression so the front end stays the one
 * place that knows which words are reserved).
 */
export function renderName(name: string): string {
  return printExpression({ kind: 'Variable', pos: 0, name });
}

/**
 * A stored property value as a Cypher expression that evaluates to exactly the same value: scalars as
 * literals (non-finite floats as divisions), temporal values through their constructors with every field
 * preserved, points through `point({…})`, UUIDs through `uuid('…')`, vectors through Cypher 25's
 * `vector([…], n, TYPE)`, lists element by element. Returns `undefined` for what Cypher cannot construct
 * (BYTES, and vectors with a coordinate that is not finite): the dump leaves such properties out.
 */
export function renderValue(value: CypherValue): string | undefined {
  if (value === null || typeof value !== 'object') return printExpression({ kind: 'Literal', pos: 0, value });
  if (Array.isArray(value)) {
    const elements: string[] = [];
    for (const element of value as readonly CypherValue[]) {
      const text = renderValue(element);
      if (text === undefined) return undefined;
      elements.push(text);
    }
    return `[${elements.join(', ')}]`;
  }
  if (value instanceof CypherDate) return `date(${quote(value.toString())})`;
  if (value instanceof LocalTime) return `localtime(${quote(value.toString())})`;
  if (value instanceof Time) return `time(${quote(value.toString())})`;
  if (value instanceof LocalDateTime) return `localdatetime(${quote(value.toString())})`;
  if (value instanceof DateTime) {
    // The instant and zone, not the printed wall clock: a wall clock in a DST overlap is ambiguous.
    const zone = value.zoneId ?? formatOffset(value.offsetSeconds);
    return `datetime({epochSeconds: ${value.epochSeconds.toString()}, nanosecond: ${String(value.nanoseconds)}, timezone: ${quote(zone)}})`;
  }
  if (value instanceof Duration) {
    // Months, days and seconds are separate components of a duration; the map keeps each one as it is.
    return `duration({months: ${value.months.toString()}, days: ${value.days.toString()}, seconds: ${value.seconds.toString()}, nanoseconds: ${String(value.nanoseconds)}})`;
  }
  if (value instanceof Point) {
    const z = value.z === undefined ? '' : `, z: ${renderValue(value.z) ?? 'null'}`;
    return `point({srid: ${String(value.srid)}, x: ${renderValue(value.x) ?? 'null'}, y: ${renderValue(value.y) ?? 'null'}${z}})`;
  }
  if (value instanceof Uuid) return `uuid(${quote(value.text)})`;
  if (value instanceof Vector) {
    // FLOAT32 coordinates print as the doubles they are, which round back to the same FLOAT32.
    for (const item of value.values) if (typeof item === 'number' && !Number.isFinite(item)) return undefined;
    return value.toString();
  }
  return undefined;
}

function quote(text: string): string {
  return printExpression({ kind: 'Literal', pos: 0, value: text });
}

/** `+01:00`, `-05:30`, `+00:53:28` (seconds only when present). */
function formatOffset(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const seconds = total % 60;
  const base = `${sign}${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}`;
  return seconds === 0 ? base : `${base}:${pad(seconds)}`;
}
