import {
  CypherDate,
  DateTime,
  Duration,
  LocalDateTime,
  LocalTime,
  Time,
  type TemporalValue,
} from '../../../values/index.js';

/**
 * A temporal value as Neo4j's `toString()` renders it: ISO-8601 with seconds always shown and the fraction
 * trimmed (`21:40:00`, `2015-07-21T21:40:32.142+01:00[Europe/London]`), durations as `P1Y2M10DT12H45M30.25S`.
 */
export function formatTemporal(value: TemporalValue): string {
  return value.toString();
}

/**
 * The compact java.time rendering the openCypher TCK writes expected values in: seconds left out when they
 * and the fraction are zero (`21:40`, `2015-07-21T21:40Z`), fractions in groups of three digits.
 * Durations have one form only.
 */
export function formatTemporalCompact(value: TemporalValue): string {
  if (value instanceof Duration || value instanceof CypherDate) return value.toString();
  if (value instanceof LocalTime || value instanceof Time) return value.toCompactString();
  if (value instanceof LocalDateTime || value instanceof DateTime) return value.toCompactString();
  return value satisfies never;
}
