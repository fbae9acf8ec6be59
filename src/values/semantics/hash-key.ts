import { assertNever } from '../../errors/index.js';
import type { CypherList, CypherMap, CypherValue } from '../cypher-value.js';
import type { Node } from '../graph/node.js';
import type { Path } from '../graph/path.js';
import type { Relationship } from '../graph/relationship.js';
import { kindOf } from '../kind.js';
import type { Point } from '../spatial/point.js';
import type { Vector } from '../spatial/vector.js';
import type { Uuid } from '../uuid.js';
import type { CypherDate } from '../temporal/date.js';
import type { DateTime } from '../temporal/date-time.js';
import type { Duration } from '../temporal/duration.js';
import type { LocalDateTime } from '../temporal/local-date-time.js';
import type { LocalTime } from '../temporal/local-time.js';
import type { Time } from '../temporal/time.js';
import { canonicalZoneId } from '../temporal/time-zones.js';

/** Integral floats in [-2^63, 2^63) can equal an INTEGER, so they are spelled as one. */
const TWO_TO_63 = 2 ** 63;

/**
 * A string key for hash-based DISTINCT and grouping: `hashKey(a) === hashKey(b)` exactly when
 * `equivalent(a, b)`. Use it as a `Map` key. The encoding is a prefix-free serialisation (each scalar
 * ends in `;`, strings and keys carry their length), with numbers that are equal across INTEGER and FLOAT
 * spelled alike (`1` and `1.0` both give `i1;`), `-0.0` as `0`, and zones by their canonical id.
 */
export function hashKey(value: CypherValue): string {
  if (typeof value === 'string') return `s${value.length}:${value}`;
  if (typeof value === 'bigint') return `i${value};`;
  if (typeof value === 'number') return floatKey(value);
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  return value === null ? 'N' : objectKey(value);
}

function floatKey(value: number): string {
  if (Number.isSafeInteger(value)) return `i${value};`; // String(-0) is "0"
  if (Number.isInteger(value) && value >= -TWO_TO_63 && value < TWO_TO_63) return `i${BigInt(value)};`;
  return `f${value};`; // NaN, ±Infinity and fractions: String() round-trips every double
}

function numberKey(value: number | bigint): string {
  return typeof value === 'bigint' ? `${value}` : String(value);
}

function objectKey(value: Exclude<CypherValue, null | boolean | bigint | number | string>): string {
  const kind = kindOf(value);
  switch (kind) {
    case 'LIST':
      return `L${(value as CypherList).length}[${(value as CypherList).map(hashKey).join('')}]`;
    case 'MAP':
      return mapKey(value as CypherMap);
    case 'BYTES':
      return bytesKey(value as Uint8Array);
    case 'NODE':
      return `n${(value as Node).id};`;
    case 'RELATIONSHIP':
      return `r${(value as Relationship).id};`;
    case 'PATH':
      return pathKey(value as Path);
    case 'DATE':
      return `d${(value as CypherDate).epochDay};`;
    case 'LOCAL_TIME':
      return `t${(value as LocalTime).nanosecondOfDay};`;
    case 'ZONED_TIME':
      return `z${(value as Time).nanosecondOfDay},${(value as Time).offsetSeconds};`;
    case 'LOCAL_DATETIME':
      return `l${(value as LocalDateTime).epochSeconds},${(value as LocalDateTime).nanoseconds};`;
    case 'ZONED_DATETIME':
      return dateTimeKey(value as DateTime);
    case 'DURATION': {
      const { months, days, seconds, nanoseconds } = value as Duration;
      return `u${months},${days},${seconds},${nanoseconds};`;
    }
    case 'POINT': {
      const { srid, x, y, z } = value as Point;
      return `P${srid},${x},${y}${z === undefined ? '' : `,${z}`};`;
    }
    case 'VECTOR': {
      const { elementType, values } = value as Vector;
      return `V${elementType},${values.length}[${Array.from(values, numberKey).join(',')}]`;
    }
    case 'UUID':
      return `U${(value as Uuid).toString()};`;
    case 'NULL':
    case 'BOOLEAN':
    case 'INTEGER':
    case 'FLOAT':
    case 'STRING':
      return hashKey(value); // unreachable: primitives are handled by the caller
    default:
      return assertNever(kind, 'value kind');
  }
}

function mapKey(map: CypherMap): string {
  // Any fixed key order works for a hash key; the default sort is deterministic.
  const keys = Object.keys(map).sort();
  return `M${keys.length}{${keys.map((key) => `${key.length}:${key}${hashKey(map[key] as CypherValue)}`).join('')}}`;
}

function bytesKey(bytes: Uint8Array): string {
  // A view over the same memory: no copy.
  return `b${bytes.length}:${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}

function pathKey(path: Path): string {
  const relationships = path.relationships.map((relationship) => relationship.id).join(',');
  const nodes = path.nodes.map((node) => node.id).join(',');
  return `p${path.length}[${nodes}|${relationships}]`;
}

function dateTimeKey(value: DateTime): string {
  const zone = value.zoneId === null ? 'o' : `z${canonicalZoneId(value.zoneId)}`;
  return `Z${value.epochSeconds},${value.nanoseconds},${value.offsetSeconds},${zone};`;
}
