/**
 * temporal functions: the Cypher constructors of DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME, ZONED
 * DATETIME and DURATION (from strings, maps, other temporals and the statement clock), truncation,
 * `duration.between` and friends, component access, temporal arithmetic and rendering.
 * Inputs: `CypherValue`s and the `ExecutionContext` clock and default time zone. Outputs: values from
 * `src/values`. Must not know: expressions, plans, storage — callers hand evaluated values in.
 */
export { TEMPORAL_FUNCTIONS } from './functions.js';
export { temporalProperty } from './properties.js';
export { addTemporal, subtractTemporal, multiplyDuration, divideDuration } from './arithmetic.js';
export { formatTemporal, formatTemporalCompact } from './format.js';
