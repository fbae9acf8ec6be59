import { formatFloat, isTemporal, Point, Uuid, type CypherValue } from '../../values/index.js';
import { formatTemporal } from './temporal/index.js';

/**
 * The text `toString()` gives: INTEGERs in decimal, FLOATs as Java prints them (`1.0`, `1.0E10`), booleans,
 * strings unchanged, temporal values in ISO 8601, points as `point({…})`, UUIDs in their 8-4-4-4-12 form. Undefined for the types
 * `toString()` does not convert (lists, maps, graph values); null for null.
 */
export function convertToString(value: CypherValue): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return formatFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Point) return value.toString();
  if (value instanceof Uuid) return value.text;
  if (isTemporal(value)) return formatTemporal(value);
  return undefined;
}
