/**
 * values: the Cypher value model every layer shares.
 * Inputs: nothing but `errors` and `util`. Outputs: the `CypherValue` union (INTEGER = bigint, FLOAT =
 * number, MAP = plain object, LIST = array, BYTES = Uint8Array, and classes for graph, temporal and
 * spatial values), type guards and names, and the four openCypher sameness/order relations: `equals` (`=`,
 * ternary), `compare` (`<` etc., ternary), `orderCompare` (ORDER BY, total) and `equivalent`/`hashKey`
 * (DISTINCT and grouping). See docs/adr/0001-value-model.md for the representation choices.
 * Must not know: PackStream, Bolt, Cypher syntax, plans, storage — anything above it. Parsing temporal
 * strings and temporal arithmetic belong to the Cypher functions, not here.
 */
export type { CypherValue, CypherMap, CypherList, TemporalValue } from './cypher-value.js';
export { kindOf, type ValueKind } from './kind.js';
export {
  isBoolean,
  isInteger,
  isFloat,
  isNumber,
  isString,
  isBytes,
  isList,
  isCypherMap,
  isNode,
  isRelationship,
  isPath,
  isDate,
  isLocalTime,
  isTime,
  isLocalDateTime,
  isDateTime,
  isDuration,
  isTemporal,
  isTemporalInstant,
  isPoint,
  isVector,
  isUuid,
} from './guards.js';
export { isCypherValue } from './is-cypher-value.js';
export { typeName } from './type-name.js';
export { INT64_MIN, INT64_MAX, isInt64 } from './int64.js';
export { formatFloat } from './format-float.js';

export { GraphValue } from './graph/graph-value.js';
export { Node, type NodeInit } from './graph/node.js';
export { Relationship, type RelationshipInit } from './graph/relationship.js';
export { Path } from './graph/path.js';

export { CypherDate } from './temporal/date.js';
export { LocalTime } from './temporal/local-time.js';
export { Time } from './temporal/time.js';
export { LocalDateTime } from './temporal/local-date-time.js';
export { DateTime, type ZoneSpec } from './temporal/date-time.js';
export { Duration, AVERAGE_SECONDS_PER_MONTH } from './temporal/duration.js';
export { canonicalZoneId, isKnownZoneId, zoneOffsetAt, zoneOffsetForLocal } from './temporal/time-zones.js';
export {
  civilFromEpochDay,
  epochDayFromCivil,
  MIN_EPOCH_DAY,
  MAX_EPOCH_DAY,
  MIN_LOCAL_EPOCH_SECONDS,
  MAX_LOCAL_EPOCH_SECONDS,
  MAX_OFFSET_SECONDS,
  NANOS_PER_SECOND,
  NANOS_PER_DAY,
  SECONDS_PER_DAY,
  type CivilDate,
} from './temporal/calendar.js';

export { Point, CRS_BY_SRID, isSupportedSrid, type Srid, type CrsName } from './spatial/point.js';
export {
  Vector,
  VECTOR_ELEMENT_TYPES,
  CYPHER_COORDINATE_TYPE,
  type VectorElementType,
  type VectorValues,
} from './spatial/vector.js';
export { Uuid } from './uuid.js';

export { equals } from './semantics/equals.js';
export { equivalent } from './semantics/equivalent.js';
export { compare } from './semantics/compare.js';
export { orderCompare, TYPE_ORDER } from './semantics/order-compare.js';
export { hashKey } from './semantics/hash-key.js';
export { compareNumbers, orderNumbers } from './semantics/compare-numbers.js';
export { compareStrings } from './semantics/compare-strings.js';
